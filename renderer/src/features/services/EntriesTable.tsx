/** The month's entries as a dense table: one click opens a draft to finish or a signed entry to read and correct. */
import { Anchor, Badge, Table, Text } from '@mantine/core';
import type { ChannelOutput } from '../../../../electron/shared/contract.ts';
import { ACTIVITY_LABELS } from '../../../../electron/shared/domain/billing/types.ts';
import { firstBlock } from './Assessment.tsx';
import { cap, plural, showDate, statusWords, timeWords } from './labels.ts';

export type Entry = ChannelOutput<'services:list'>['entries'][number];

/** Newest first; within a day, the latest start first. */
export function byNewest(a: Entry, b: Entry): number {
  const start = (e: Entry) => (e.fields.time.kind === 'clock' ? e.fields.time.startTime : '');
  return b.fields.date.localeCompare(a.fields.date) || start(b).localeCompare(start(a));
}

function StatusBadge({ entry }: { entry: Entry }) {
  const words = statusWords(entry);
  const color = entry.batch ? 'gray' : entry.signedAt ? 'blue' : 'yellow';
  return (
    <Badge variant="light" color={color} tt="none" size="sm" style={{ whiteSpace: 'normal', height: 'auto' }}>
      {words}
    </Badge>
  );
}

function Billing({ entry }: { entry: Entry }) {
  const a = entry.assessment;
  if (a.billable) {
    const warnings = a.reasons.filter((r) => r.severity === 'warning').length;
    return (
      <Text fz="sm">
        <Text span fz="sm" fw={700} c="#1e6b30">
          Billable
        </Text>
        {warnings ? ` · ${plural(warnings, 'warning')}` : ''}
      </Text>
    );
  }
  return (
    <Text fz="sm" lineClamp={2} title={firstBlock(a) ?? undefined}>
      <Text span fz="sm" fw={700} c="red.9">
        Not billable:
      </Text>{' '}
      {firstBlock(a)}
    </Text>
  );
}

export function EntriesTable({ entries, showStudent, onOpen }: { entries: readonly Entry[]; showStudent: boolean; onOpen(entry: Entry): void }) {
  // Every student's month can be long: the header stays in view. On a student's record the record's own header already stays.
  return (
    <Table verticalSpacing={6} fz="sm" highlightOnHover stickyHeader={showStudent} stickyHeaderOffset="var(--app-shell-header-height, 56px)">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={100}>Date</Table.Th>
          {showStudent ? <Table.Th>Student</Table.Th> : null}
          <Table.Th w={170}>Time</Table.Th>
          <Table.Th>Activity</Table.Th>
          <Table.Th w={80}>Program</Table.Th>
          <Table.Th w={60} style={{ textAlign: 'right' }}>
            Units
          </Table.Th>
          <Table.Th w={130}>Status</Table.Th>
          <Table.Th w="30%">Billing</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {entries.map((e) => {
          const when = showDate(e.fields.date);
          const what = `${e.signedAt ? 'signed entry' : 'draft'} of ${when}${showStudent ? ` for ${e.studentName}` : ''}`;
          return (
            <Table.Tr key={e.id} onClick={() => onOpen(e)} style={{ cursor: 'pointer' }}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Anchor component="button" type="button" fz="sm" fw={600} aria-label={`Open the ${what}`} onClick={(ev) => (ev.stopPropagation(), onOpen(e))}>
                  {when}
                </Anchor>
              </Table.Td>
              {showStudent ? <Table.Td>{e.studentName}</Table.Td> : null}
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{timeWords(e.fields.time)}</Table.Td>
              <Table.Td>{cap(ACTIVITY_LABELS[e.fields.activity])}</Table.Td>
              <Table.Td>{e.fields.program}</Table.Td>
              <Table.Td style={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>{e.assessment.units}</Table.Td>
              <Table.Td>
                <StatusBadge entry={e} />
              </Table.Td>
              <Table.Td>
                <Billing entry={e} />
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
