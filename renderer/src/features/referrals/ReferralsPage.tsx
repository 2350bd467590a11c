/** The Referrals area: every referral with its status and follow-up, filters, writing one, and one referral's page. */
import { Anchor, Button, Group, SegmentedControl, Select, Stack, Table, Text } from '@mantine/core';
import { useId, useState } from 'react';
import { REFERRAL_STATUSES, REFERRAL_STATUS_LABELS, URGENCY_LABELS, type ReferralStatus } from '../../../../electron/shared/domain/providers/types.ts';
import { useCall } from '../../lib/use-call.ts';
import { LoadState } from '../../ui/Failure.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { Notice } from '../billing/kit.tsx';
import { ReferralDetail } from './ReferralDetail.tsx';
import { ReferralForm } from './ReferralForm.tsx';
import { OPEN_STATUSES, followUpWords } from './words.ts';

type View = { kind: 'list' } | { kind: 'new' } | { kind: 'one'; id: string };

export function ReferralsPage() {
  const [view, setView] = useState<View>({ kind: 'list' });
  const [which, setWhich] = useState<'open' | 'all'>('open');
  const [status, setStatus] = useState<ReferralStatus | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [loaded, reload] = useCall('referrals:list', { studentId: null, providerId: null });
  const whichLabel = useId();

  if (view.kind === 'new') {
    return (
      <>
        <PageTitle>Write a referral</PageTitle>
        <ReferralForm
          studentId={null}
          onDone={(saved) => {
            if (saved) {
              void reload();
              setView({ kind: 'one', id: saved.id });
            } else setView({ kind: 'list' });
          }}
        />
      </>
    );
  }
  if (loaded.state !== 'ready') {
    return (
      <>
        <PageTitle>Referrals</PageTitle>
        <LoadState loaded={loaded} what="the referrals" />
      </>
    );
  }
  const all = loaded.value.referrals;
  if (view.kind === 'one') {
    const one = all.find((r) => r.id === view.id);
    if (one) return <ReferralDetail key={one.id} referral={one} onBack={() => setView({ kind: 'list' })} onChanged={reload} />;
  }

  const rows = all.filter((r) => (which === 'all' || OPEN_STATUSES.has(r.status)) && (!status || r.status === status));
  return (
    <>
      <PageTitle actions={<Button onClick={() => setView({ kind: 'new' })}>Write a referral</Button>}>Referrals</PageTitle>
      <Stack gap="sm">
        <Notice text={notice} />
        <Group gap="md" align="flex-end">
          <Stack gap={4}>
            <Text fz="sm" fw={500} id={whichLabel}>
              Show
            </Text>
            <SegmentedControl
              aria-labelledby={whichLabel}
              value={which}
              onChange={(v) => {
                setWhich(v === 'all' ? 'all' : 'open');
                setNotice(null);
              }}
              data={[
                { value: 'open', label: 'Open' },
                { value: 'all', label: 'All' },
              ]}
            />
          </Stack>
          <Select label="Status" placeholder="Any status" clearable w={200} data={REFERRAL_STATUSES.map((s) => ({ value: s, label: REFERRAL_STATUS_LABELS[s] }))} value={status} onChange={(v) => setStatus(v as ReferralStatus | null)} />
        </Group>
        {all.length === 0 ? (
          <Text c="dimmed">No referrals yet — Write a referral here, or use Refer… on a student’s record.</Text>
        ) : rows.length === 0 ? (
          <Text c="dimmed">No referral matches. Choose All or clear the status.</Text>
        ) : (
          <Table highlightOnHover verticalSpacing={6} fz="sm" aria-label="Referrals">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Student</Table.Th>
                <Table.Th>Referred to</Table.Th>
                <Table.Th>Reason</Table.Th>
                <Table.Th>Urgency</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Follow-up</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Anchor component="button" type="button" fw={600} fz="sm" ta="left" onClick={() => setView({ kind: 'one', id: r.id })}>
                      {r.studentName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{r.targetName}</Table.Td>
                  <Table.Td maw={320} style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={r.fields.reason}>
                    {r.fields.reason}
                  </Table.Td>
                  <Table.Td>{URGENCY_LABELS[r.fields.urgency]}</Table.Td>
                  <Table.Td>{REFERRAL_STATUS_LABELS[r.status]}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{followUpWords(r)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </>
  );
}
