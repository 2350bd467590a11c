/**
 * The month's entries with their status in words and the most serious reason.
 * A row opens below itself to show every reason and the fixes that apply; the
 * filter starts on what needs her.
 */
import { Badge, Button, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { Fragment, useState } from 'react';
import { EntryFixes } from './EntryFixes.tsx';
import { firstReason, needsAttention, plural, showDate, STATUS_COLOR, STATUS_WORDS, unitsWords, type Month, type Row } from './format.ts';

type Filter = 'attention' | 'all';

const cap = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;

interface Props {
  data: Month;
  onChanged(message: string): Promise<void>;
  onShowBatches(): void;
}

export function StatusBadge({ status }: { status: Row['status'] }) {
  return (
    // The label must never be cut to "Bloc…": the words are what carry the status.
    <Badge color={STATUS_COLOR[status]} variant="light" radius="sm" tt="none" fw={600} styles={{ root: { overflow: 'visible' }, label: { overflow: 'visible' } }}>
      {STATUS_WORDS[status]}
    </Badge>
  );
}

/** A row's one-line name for buttons and regions: "Kou Vang, 10/08/2026, 10:00 AM–10:30 AM". */
export function rowName(row: Row): string {
  return `${row.studentName}, ${showDate(row.date)}, ${row.time}`;
}

export function EntriesTable({ data, onChanged, onShowBatches }: Props) {
  const [filter, setFilter] = useState<Filter>('attention');
  const [open, setOpen] = useState<string | null>(null);
  const attention = data.rows.filter(needsAttention);
  const rows = filter === 'attention' ? attention : data.rows;

  const changed = async (message: string) => {
    setOpen(null);
    await onChanged(message);
  };

  return (
    <Stack gap="sm">
      <Group gap="md" align="flex-end">
        <Stack gap={4}>
          <Text fz="sm" fw={500} id="entries-filter">
            Show
          </Text>
          <SegmentedControl
            aria-labelledby="entries-filter"
            value={filter}
            onChange={(v) => setFilter(v === 'all' ? 'all' : 'attention')}
            data={[
              { value: 'attention', label: `Needs attention (${attention.length})` },
              { value: 'all', label: `All (${data.rows.length})` },
            ]}
          />
        </Stack>
      </Group>
      {data.rows.length === 0 ? (
        <Text c="dimmed" fz="sm">
          No {data.program} entries for this month. Services logged in the Service log with program {data.program} show here.
        </Text>
      ) : rows.length === 0 ? (
        <Group gap="sm">
          <Text c="dimmed" fz="sm">
            Nothing needs your attention: {plural(data.rows.length, 'entry', 'entries')} are ready or exported.
          </Text>
          <Button size="compact-sm" variant="default" onClick={() => setFilter('all')}>
            Show all
          </Button>
        </Group>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing={6} horizontalSpacing="xs" fz="sm" highlightOnHover>
            <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
              {filter === 'attention' ? `${plural(rows.length, 'entry', 'entries')} ${rows.length === 1 ? 'needs' : 'need'} attention` : `All ${plural(rows.length, 'entry', 'entries')}`}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Student</Table.Th>
                <Table.Th>Date</Table.Th>
                <Table.Th>Time</Table.Th>
                <Table.Th>Activity</Table.Th>
                <Table.Th>Place</Table.Th>
                <Table.Th ta="right">Minutes</Table.Th>
                <Table.Th ta="right">Units</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Reason</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => {
                const expanded = open === row.entryId;
                const reason = firstReason(row);
                const panelId = `entry-${row.entryId}`;
                return (
                  <Fragment key={row.entryId}>
                    <Table.Tr bg={expanded ? 'var(--mantine-color-blue-0)' : undefined}>
                      <Table.Td>
                        <Button
                          variant="subtle"
                          size="compact-sm"
                          px={4}
                          aria-expanded={expanded}
                          aria-controls={expanded ? panelId : undefined}
                          aria-label={`${expanded ? 'Hide' : 'Show'} reasons and fixes: ${rowName(row)}`}
                          onClick={() => setOpen(expanded ? null : row.entryId)}
                          leftSection={<span aria-hidden>{expanded ? '▾' : '▸'}</span>}
                        >
                          {row.studentName}
                        </Button>
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{showDate(row.date)}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{row.time}</Table.Td>
                      <Table.Td>{cap(row.activity)}</Table.Td>
                      <Table.Td>{row.placeOfService}</Table.Td>
                      <Table.Td ta="right">{row.minutes}</Table.Td>
                      <Table.Td ta="right">{unitsWords(row.units)}</Table.Td>
                      <Table.Td>
                        <StatusBadge status={row.status} />
                      </Table.Td>
                      <Table.Td>
                        {reason ? (
                          <Text fz="sm">{reason.message}</Text>
                        ) : (
                          <Text fz="sm" c="dimmed">
                            —
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                    {expanded ? (
                      <Table.Tr>
                        <Table.Td colSpan={9} p={0}>
                          <EntryFixes id={panelId} row={row} month={data.month} onChanged={changed} onShowBatches={onShowBatches} />
                        </Table.Td>
                      </Table.Tr>
                    ) : null}
                  </Fragment>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
