/**
 * The caseload table: only the rows in view are in the page (a 2,000-student
 * caseload stays as quick as a 20-student one), with spacer rows keeping the
 * scroll height true. Columns sort by click or Enter; a row opens with a click.
 */
import { Anchor, Badge, Group, Table, Text, UnstyledButton } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { CaseloadRow } from '../../../../electron/shared/schemas/students.ts';
import { formatDay } from '../../lib/dates.ts';
import { ConsentBadge } from './ConsentBadge.tsx';

export type SortKey = 'name' | 'grade' | 'school' | 'programs' | 'consent' | 'nextDue';

const ROW_HEIGHT = 44;
const COLUMNS: { key: SortKey; label: string; width: string }[] = [
  { key: 'name', label: 'Name', width: '24%' },
  { key: 'grade', label: 'Grade', width: '6%' },
  { key: 'school', label: 'School', width: '18%' },
  { key: 'programs', label: 'Programs', width: '13%' },
  // Wide enough for "Awaiting signature" at 1366 px, the narrowest screen she uses.
  { key: 'consent', label: 'Release', width: '16%' },
  { key: 'nextDue', label: 'Next deadline', width: '23%' },
];

export function CaseloadTable(props: { rows: CaseloadRow[]; sort: { key: SortKey; dir: 1 | -1 }; onSort(key: SortKey): void; onOpen(id: string): void }) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: props.rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtual.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtual.getTotalSize() - (items.at(-1)?.end ?? 0);

  return (
    <div ref={scroller} style={{ maxHeight: 'calc(100vh - 270px)', minHeight: 200, overflow: 'auto', border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4 }} data-testid="caseload-table">
      <Table stickyHeader highlightOnHover verticalSpacing={6} style={{ tableLayout: 'fixed' }} aria-rowcount={props.rows.length + 1}>
        <Table.Thead>
          <Table.Tr>
            {COLUMNS.map((c) => (
              <Table.Th key={c.key} w={c.width} aria-sort={props.sort.key === c.key ? (props.sort.dir === 1 ? 'ascending' : 'descending') : 'none'}>
                <UnstyledButton onClick={() => props.onSort(c.key)} fw={600} fz="sm">
                  {c.label}
                  {props.sort.key === c.key ? (props.sort.dir === 1 ? ' ▲' : ' ▼') : ''}
                </UnstyledButton>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {top > 0 ? (
            <tr aria-hidden="true">
              <td colSpan={COLUMNS.length} style={{ height: top, padding: 0, border: 0 }} />
            </tr>
          ) : null}
          {items.map((item) => {
            const r = props.rows[item.index]!;
            return (
              <Table.Tr key={r.id} style={{ height: ROW_HEIGHT, cursor: 'pointer' }} onClick={() => props.onOpen(r.id)} aria-rowindex={item.index + 2}>
                <Table.Td style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                  <Anchor component="button" type="button" fw={500} fz="sm" onClick={(e) => {
                      e.stopPropagation();
                      props.onOpen(r.id);
                    }}>
                    {r.name}
                  </Anchor>
                  {r.preferredName ? (
                    <Text span fz="sm" c="dimmed">
                      {' '}
                      “{r.preferredName}”
                    </Text>
                  ) : null}
                  {r.householdSize > 1 ? (
                    <Text span fz="xs" c="dimmed" title={`${r.householdSize - 1} sibling(s) on your caseload`}>
                      {' '}
                      · family of {r.householdSize}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td fz="sm">{r.grade ?? '—'}</Table.Td>
                <Table.Td fz="sm" style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                  {r.school ?? '—'}
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    {r.programs.map((p) => (
                      <Badge key={p} variant="light" size="sm" radius="sm">
                        {p}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td style={{ overflow: 'hidden', whiteSpace: 'nowrap' }}>
                  <ConsentBadge consent={r.consent} form="short" />
                </Table.Td>
                <Table.Td fz="sm" style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                  {r.nextDue ? (
                    <>
                      {r.nextDue.overdue ? (
                        <Badge color="red" variant="filled" size="sm" radius="sm" mr={6}>
                          Overdue
                        </Badge>
                      ) : null}
                      {formatDay(r.nextDue.dueOn)} · {r.nextDue.title}
                    </>
                  ) : (
                    <Text span c="dimmed" fz="sm">
                      —
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
          {bottom > 0 ? (
            <tr aria-hidden="true">
              <td colSpan={COLUMNS.length} style={{ height: bottom, padding: 0, border: 0 }} />
            </tr>
          ) : null}
        </Table.Tbody>
      </Table>
    </div>
  );
}
