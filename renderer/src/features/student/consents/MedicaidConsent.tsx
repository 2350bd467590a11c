/**
 * The parent's consent for the district to bill Medicaid for IEP services
 * (DPI model form M-5): the annual written notice, the printed form, the
 * decision as signed, and a withdrawal.
 */
import { Autocomplete, Button, Group, Paper, Radio, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import type { z } from 'zod';
import type { ChannelOutput } from '../../../../../electron/shared/contract.ts';
import { recordDecisionInput, recordNoticeInput, withdrawInput } from '../../../../../electron/shared/schemas/medicaid.ts';
import { call, type ApiError } from '../../../lib/api.ts';
import { formatDay } from '../../../lib/dates.ts';
import { placeError } from '../../../lib/forms.ts';
import { plainResolver } from '../../../lib/resolver.ts';
import { useCall } from '../../../lib/use-call.ts';
import { LoadState } from '../../../ui/Failure.tsx';
import { todayIso } from '../format.ts';
import { DateField, Empty, ErrorAlert, formKeys } from '../kit.tsx';
import { useRecord } from '../record-context.ts';

type View = ChannelOutput<'medicaid:get'>;
const METHODS = [
  { value: 'mail', label: 'Mailed' },
  { value: 'in_person', label: 'Handed in person' },
  { value: 'email', label: 'Emailed' },
  { value: 'backpack', label: 'Sent home with the student' },
];
const METHOD_LABEL = Object.fromEntries(METHODS.map((m) => [m.value, m.label]));

export function MedicaidConsent() {
  const { studentId, record, changed } = useRecord();
  const [loaded, reload] = useCall('medicaid:get', { studentId });
  const after = async (message: string) => {
    await reload();
    await changed(message);
  };
  if (loaded.state !== 'ready') return <LoadState loaded={loaded} what="Medicaid billing consent" />;
  const view = loaded.value;
  const guardians = record.contacts.filter((c) => c.legalAuthority !== 'none').map((c) => `${c.firstName} ${c.lastName}`);
  return (
    <Stack gap="md" maw={900}>
      <StatusLine view={view} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <NoticeForm studentId={studentId} onDone={after} />
        <PrintForm studentId={studentId} guardians={guardians} hasNotice={view.notices.length > 0} />
      </SimpleGrid>
      <DecisionForm studentId={studentId} guardians={guardians} onDone={after} />
      <Decisions view={view} onDone={after} />
    </Stack>
  );
}

function StatusLine({ view }: { view: View }) {
  const s = view.status;
  const parts = [
    s.since ? `${s.label} ${formatDay(s.since)}` : s.label,
    s.lastNoticeOn ? `last annual notice ${formatDay(s.lastNoticeOn)}` : 'no annual notice recorded',
    s.nextNoticeDue ? `next notice due ${formatDay(s.nextNoticeDue)}` : null,
  ].filter(Boolean);
  return (
    <Text fz="sm" fw={500} role="status">
      {parts.join(' · ')}
    </Text>
  );
}

const noticeForm = recordNoticeInput.omit({ studentId: true });
function NoticeForm({ studentId, onDone }: { studentId: string; onDone(message: string): Promise<void> }) {
  const [failure, setFailure] = useState<ApiError | null>(null);
  const { control, handleSubmit, setError, reset, formState } = useForm<z.infer<typeof noticeForm>>({
    resolver: plainResolver(noticeForm),
    defaultValues: { givenOn: todayIso(), method: 'mail' },
  });
  const save = handleSubmit(async (v) => {
    setFailure(null);
    const r = await call('medicaid:recordNotice', { studentId, ...v });
    if (!r.ok) return setFailure(placeError(r.error, setError, ['givenOn', 'method']));
    reset(v);
    await onDone('Annual Medicaid notice recorded.');
  });
  return (
    <Paper withBorder p="sm">
      <form noValidate aria-label="Record the annual notice" onSubmit={(e) => void save(e)} onKeyDown={formKeys(() => void save())}>
        <Stack gap="xs">
          <Text fw={600} fz="sm">
            Annual written notice
          </Text>
          <DateField control={control} name="givenOn" label="Given on" required />
          <Controller
            control={control}
            name="method"
            render={({ field }) => <Select label="How" data={METHODS} maw={280} allowDeselect={false} value={field.value} onChange={(v) => v && field.onChange(v)} />}
          />
          <ErrorAlert error={failure} title="The notice was not recorded" />
          <Group>
            <Button type="submit" variant="light" loading={formState.isSubmitting}>
              Record notice
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function PrintForm({ studentId, guardians, hasNotice }: { studentId: string; guardians: string[]; hasNotice: boolean }) {
  const [language, setLanguage] = useState<'en' | 'es'>('en');
  const [parentName, setParentName] = useState(guardians[0] ?? '');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const print = async () => {
    setBusy(true);
    setFailure(null);
    const r = await call('medicaid:print', { studentId, language, parentName: parentName.trim() || null });
    setBusy(false);
    if (!r.ok) setFailure(r.error);
  };
  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <Text fw={600} fz="sm">
          Consent form (M-5)
        </Text>
        <Select label="Language" data={[{ value: 'en', label: 'English' }, { value: 'es', label: 'Español' }]} maw={200} allowDeselect={false} value={language} onChange={(v) => v && setLanguage(v as 'en' | 'es')} />
        <Autocomplete label="Parent or guardian" description="Printed on the name line; leave empty to write by hand." maw={320} data={guardians} value={parentName} onChange={setParentName} />
        {hasNotice ? null : <Text fz="sm">Record the annual notice first: the form states its date.</Text>}
        <ErrorAlert error={failure} title="The form was not printed" />
        <Group>
          <Button variant="light" loading={busy} disabled={!hasNotice} onClick={() => void print()}>
            Print consent form
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

const decisionForm = recordDecisionInput.omit({ studentId: true });
function DecisionForm({ studentId, guardians, onDone }: { studentId: string; guardians: string[]; onDone(message: string): Promise<void> }) {
  const [failure, setFailure] = useState<ApiError | null>(null);
  const { control, handleSubmit, setError, reset, formState } = useForm<z.infer<typeof decisionForm>>({
    resolver: plainResolver(decisionForm),
    mode: 'onTouched',
    defaultValues: { decision: 'given', decidedOn: todayIso(), signedBy: guardians[0] ?? '' },
  });
  const save = handleSubmit(async (v) => {
    setFailure(null);
    const r = await call('medicaid:recordDecision', { studentId, ...v });
    if (!r.ok) return setFailure(placeError(r.error, setError, ['decision', 'decidedOn', 'signedBy']));
    reset({ decision: 'given', decidedOn: todayIso(), signedBy: v.signedBy });
    await onDone(v.decision === 'given' ? 'Consent to bill Medicaid recorded.' : 'Refusal to consent recorded.');
  });
  return (
    <Paper withBorder p="sm">
      <form noValidate aria-label="Record the parent’s decision" onSubmit={(e) => void save(e)} onKeyDown={formKeys(() => void save())}>
        <Stack gap="xs">
          <Text fw={600} fz="sm">
            The parent’s decision, as signed on the form
          </Text>
          <Controller
            control={control}
            name="decision"
            render={({ field }) => (
              <Radio.Group label="Decision" withAsterisk value={field.value} onChange={(v) => field.onChange(v)}>
                <Group gap="lg" mt={4}>
                  <Radio value="given" label="Gave consent" />
                  <Radio value="refused" label="Did not give consent" />
                </Group>
              </Radio.Group>
            )}
          />
          <Group align="flex-start" gap="md">
            <DateField control={control} name="decidedOn" label="Date signed" required />
            <Controller
              control={control}
              name="signedBy"
              render={({ field, fieldState }) => (
                <Autocomplete label="Signed by" withAsterisk w={320} data={guardians} value={field.value} onChange={field.onChange} onBlur={field.onBlur} ref={field.ref} error={fieldState.error?.message} />
              )}
            />
          </Group>
          <ErrorAlert error={failure} title="The decision was not recorded" />
          <Group>
            <Button type="submit" loading={formState.isSubmitting}>
              Record decision
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function Decisions({ view, onDone }: { view: View; onDone(message: string): Promise<void> }) {
  const [withdrawing, setWithdrawing] = useState<string | null>(null);
  if (view.decisions.length === 0 && view.notices.length === 0) return <Empty>No notice or decision recorded yet.</Empty>;
  return (
    <Stack gap="xs">
      {view.decisions.length ? (
        <Table withTableBorder verticalSpacing={6} fz="sm" aria-label="Medicaid consent decisions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Decision</Table.Th>
              <Table.Th>Signed</Table.Th>
              <Table.Th>By</Table.Th>
              <Table.Th>After the notice of</Table.Th>
              <Table.Th>Withdrawn</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {view.decisions.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>{d.decision === 'given' ? 'Gave consent' : 'Did not give consent'}</Table.Td>
                <Table.Td>{formatDay(d.decidedOn)}</Table.Td>
                <Table.Td>{d.signedBy}</Table.Td>
                <Table.Td>{formatDay(d.noticeGivenOn)}</Table.Td>
                <Table.Td>
                  {d.withdrawnOn ? (
                    `${formatDay(d.withdrawnOn)} (received by ${d.withdrawalReceivedBy})`
                  ) : d.decision === 'given' ? (
                    <Button size="compact-xs" variant="default" onClick={() => setWithdrawing(d.id)} aria-label={`Record withdrawal of the consent signed ${formatDay(d.decidedOn)}`}>
                      Record withdrawal
                    </Button>
                  ) : (
                    '—'
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      {withdrawing ? <WithdrawForm id={withdrawing} onCancel={() => setWithdrawing(null)} onDone={async (m) => { setWithdrawing(null); await onDone(m); }} /> : null}
      {view.notices.length ? (
        <Text fz="sm" c="dimmed">
          Notices given: {view.notices.map((n) => `${formatDay(n.givenOn)} (${METHOD_LABEL[n.method]?.toLowerCase()})`).join(', ')}
        </Text>
      ) : null}
    </Stack>
  );
}

const withdrawForm = withdrawInput.omit({ id: true });
function WithdrawForm({ id, onCancel, onDone }: { id: string; onCancel(): void; onDone(message: string): Promise<void> }) {
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [settings] = useCall('settings:get', {});
  const { control, register, handleSubmit, setError, formState } = useForm<z.infer<typeof withdrawForm>>({
    resolver: plainResolver(withdrawForm),
    values: { withdrawnOn: todayIso(), receivedBy: settings.state === 'ready' ? settings.value.workerName : '' },
    resetOptions: { keepDirtyValues: true },
  });
  const save = handleSubmit(async (v) => {
    setFailure(null);
    const r = await call('medicaid:withdraw', { id, ...v });
    if (!r.ok) return setFailure(placeError(r.error, setError, ['withdrawnOn', 'receivedBy']));
    await onDone('Withdrawal recorded: the district stops billing Medicaid from that day.');
  });
  return (
    <Paper withBorder p="sm" maw={620}>
      <form noValidate aria-label="Record a withdrawal" onSubmit={(e) => void save(e)} onKeyDown={formKeys(() => void save(), onCancel)}>
        <Stack gap="xs">
          <DateField control={control} name="withdrawnOn" label="Written withdrawal received on" required />
          <TextInput label="Received by" withAsterisk maw={320} {...register('receivedBy')} error={formState.errors.receivedBy?.message} />
          <ErrorAlert error={failure} title="The withdrawal was not recorded" />
          <Group>
            <Button type="submit" color="red.9" loading={formState.isSubmitting}>
              Record withdrawal
            </Button>
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
