/** The student's releases, newest first: where each stands, to whom, for what, and until when. */
import { Anchor, Table, Text } from '@mantine/core';
import type { ChannelOutput } from '../../../../../electron/shared/contract.ts';
import { formatDay } from '../../../lib/dates.ts';
import { Empty } from '../kit.tsx';
import { categoryNames, endsText } from './release-model.ts';
import { StatusBadge } from './ReleaseTerms.tsx';

type Summary = ChannelOutput<'releases:list'>['releases'][number];

export function ReleasesList({ releases, onOpen }: { releases: readonly Summary[]; onOpen(id: string): void }) {
  if (releases.length === 0) return <Empty>No releases yet — start one with “New release”.</Empty>;
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover withTableBorder verticalSpacing={6} fz="sm" aria-label="Releases">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={150}>Release</Table.Th>
            <Table.Th w={150}>Status</Table.Th>
            <Table.Th>Recipients</Table.Th>
            <Table.Th>Purpose</Table.Th>
            <Table.Th>Records</Table.Th>
            <Table.Th w={100}>Signed</Table.Th>
            <Table.Th w={140}>Ends</Table.Th>
            <Table.Th w={100}>Revoked</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {releases.map((r) => (
            <Table.Tr key={r.id} style={{ cursor: 'pointer' }} onClick={() => onOpen(r.id)}>
              <Table.Td>
                <Anchor
                  component="button"
                  type="button"
                  fz="sm"
                  fw={600}
                  ff="monospace"
                  onClick={(e) => {
                    e.stopPropagation();
                    onOpen(r.id);
                  }}
                >
                  {r.formId}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <StatusBadge status={r.status} label={r.statusLabel} />
              </Table.Td>
              <Table.Td>{r.recipients.length ? r.recipients.join('; ') : <Text span fz="sm" c="dimmed">None yet</Text>}</Table.Td>
              <Table.Td>
                <Text fz="sm" lineClamp={2}>
                  {r.purpose || '—'}
                </Text>
              </Table.Td>
              <Table.Td>{r.categories.length ? categoryNames(r.categories) : '—'}</Table.Td>
              <Table.Td>{formatDay(r.signedOn)}</Table.Td>
              <Table.Td>{endsText(r.endsOn, r.endsAt)}</Table.Td>
              <Table.Td>{formatDay(r.revokedOn)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
