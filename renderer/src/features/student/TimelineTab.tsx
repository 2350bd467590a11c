/** Everything that happened on the record, newest first, each one click from where it lives. */
import { Anchor, Badge, Table, Text } from '@mantine/core';
import { showDate } from './format.ts';
import { Empty, Section } from './kit.tsx';
import { useRecord } from './record-context.ts';

const KINDS: Record<string, { label: string; tab: string }> = {
  note: { label: 'Note', tab: 'notes' },
  addendum: { label: 'Addendum', tab: 'notes' },
  enrollment: { label: 'Program', tab: 'programs' },
  goal: { label: 'Plan goal', tab: 'overview' },
  team: { label: 'Team', tab: 'overview' },
};

export function TimelineTab({ onOpenTab }: { onOpenTab(tab: string): void }) {
  const { record } = useRecord();
  const items = [...record.timeline].sort((a, b) => b.on.localeCompare(a.on));
  return (
    <Section title="Timeline">
      {items.length === 0 ? (
        <Empty>Nothing on the timeline yet — notes, program changes, goals and team changes appear here as you record them.</Empty>
      ) : (
        <Table verticalSpacing={6} fz="sm" maw={1000}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={110}>Date</Table.Th>
              <Table.Th w={110}>Kind</Table.Th>
              <Table.Th>What happened</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item, i) => {
              const kind = KINDS[item.kind];
              return (
                <Table.Tr key={`${item.kind}-${item.refId}-${i}`}>
                  <Table.Td style={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>{showDate(item.on)}</Table.Td>
                  <Table.Td style={{ verticalAlign: 'top' }}>
                    <Badge variant="light" color="gray" tt="none" size="sm">
                      {kind?.label ?? item.kind}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {kind ? (
                      <Anchor component="button" type="button" fz="sm" fw={600} onClick={() => onOpenTab(kind.tab)}>
                        {item.title}
                      </Anchor>
                    ) : (
                      <Text fz="sm" fw={600}>
                        {item.title}
                      </Text>
                    )}
                    {item.detail ? (
                      <Text fz="sm" c="dimmed" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
                        {item.detail}
                      </Text>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  );
}
