/** Overview: what is due next, the plan goals and the team around the student. */
import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import type { StudentRecord } from '../../../../electron/shared/schemas/record.ts';
import { daysWords, showDate } from './format.ts';
import { GoalsSection } from './GoalsSection.tsx';
import { Empty, Section } from './kit.tsx';
import { useRecord } from './record-context.ts';
import { TeamSection } from './TeamSection.tsx';

type Deadline = StudentRecord['deadlines'][number];

const WHEN: Record<Deadline['bucket'], { label: string; color: string }> = {
  overdue: { label: 'Overdue', color: 'red' },
  week: { label: 'This week', color: 'yellow' },
  month: { label: 'This month', color: 'blue' },
  later: { label: 'Later', color: 'gray' },
};

export function OverviewTab() {
  return (
    <Stack gap="xl" maw={1040}>
      <DeadlinesSection />
      <GoalsSection />
      <TeamSection />
    </Stack>
  );
}

function DeadlinesSection() {
  const { record } = useRecord();
  const items = record.deadlines;
  return (
    <Section title="Next deadlines">
      {items.length === 0 ? (
        <Empty>Nothing is due. Deadlines come from program dates: add a CLTS or CCS enrollment and its dates on the Programs tab.</Empty>
      ) : (
        <Table verticalSpacing={6} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>When</Table.Th>
              <Table.Th>What</Table.Th>
              <Table.Th>Due</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((d) => (
              <Table.Tr key={d.key}>
                <Table.Td>
                  <Badge color={WHEN[d.bucket].color} variant="light" tt="none" size="sm">
                    {WHEN[d.bucket].label}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text fz="sm" fw={d.bucket === 'overdue' ? 700 : 500}>
                    {d.title}
                  </Text>
                  {d.detail ? (
                    <Text fz="xs" c="dimmed">
                      {d.detail}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Group gap={4} wrap="nowrap">
                    <Text fz="sm">{showDate(d.dueOn)}</Text>
                    <Text fz="xs" c={d.daysLeft < 0 ? 'red.9' : 'dimmed'} fw={d.daysLeft < 0 ? 600 : 400}>
                      ({daysWords(d.daysLeft)})
                    </Text>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  );
}
