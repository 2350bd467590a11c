/** One program enrollment: where it stands, its dates, and its status history with county-system entry. */
import { Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { StudentRecord } from '../../../../electron/shared/schemas/record.ts';
import { DatesForm, MarkEntered, StatusForm } from './EnrollmentForms.tsx';
import { addDays, showDate, STATUS_LABEL, todayIso } from './format.ts';
import { datesShown } from './program-dates.ts';

type Enrollment = StudentRecord['enrollments'][number];

/** CLTS enrollment changes are entered in the county system within 10 days. */
const ENTRY_DAYS = 10;

export function EnrollmentCard({ enrollment: e }: { enrollment: Enrollment }) {
  const [editing, setEditing] = useState<'dates' | 'status' | null>(null);
  const today = todayIso();
  const specs = datesShown(e.program, e);
  const county = e.program === 'CLTS' || e.program === 'CCS';
  const history = [...e.changes].sort((a, b) => b.changedOn.localeCompare(a.changedOn));

  return (
    <Paper withBorder p="md" component="article" aria-label={`${e.program} enrollment`}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="xs">
            <Title order={3} fz="md">
              {e.program}
            </Title>
            <Badge variant="light" color={e.status === 'closed' ? 'gray' : 'blue'} tt="none">
              {STATUS_LABEL[e.status]}
            </Badge>
            {e.endDate ? <Text fz="sm">Ended {showDate(e.endDate)}</Text> : null}
          </Group>
          {editing ? null : (
            <Group gap="xs">
              <Button size="compact-sm" variant="default" onClick={() => setEditing('dates')}>
                Edit dates
              </Button>
              <Button size="compact-sm" variant="default" onClick={() => setEditing('status')}>
                Change status
              </Button>
            </Group>
          )}
        </Group>

        {editing === 'dates' ? (
          <DatesForm enrollment={e} onDone={() => setEditing(null)} />
        ) : (
          <SimpleGrid cols={{ base: 2, md: 3, xl: 5 }} spacing="sm" verticalSpacing={4} component="dl" m={0}>
            {specs.map((d) => (
              <div key={d.key}>
                <Text component="dt" fz="xs" c="dimmed">
                  {d.label}
                </Text>
                <Text component="dd" fz="sm" m={0}>
                  {showDate(e[d.key]) || 'Not set'}
                </Text>
              </div>
            ))}
          </SimpleGrid>
        )}
        {editing === 'status' ? <StatusForm enrollment={e} onDone={() => setEditing(null)} /> : null}

        <div>
          <Title order={4} fz="sm" mb={4}>
            Status history
          </Title>
          <Table verticalSpacing={4} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Status</Table.Th>
                <Table.Th>Date</Table.Th>
                <Table.Th>Note</Table.Th>
                {county ? <Table.Th>County system</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {history.map((c) => {
                const enterBy = addDays(c.changedOn, ENTRY_DAYS);
                const late = !c.enteredInCountyOn && enterBy < today;
                return (
                  <Table.Tr key={c.id}>
                    <Table.Td>{STATUS_LABEL[c.status]}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{showDate(c.changedOn)}</Table.Td>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>{c.note ?? ''}</Table.Td>
                    {county ? (
                      <Table.Td>
                        {c.enteredInCountyOn ? (
                          <Text fz="sm">Entered in county system on {showDate(c.enteredInCountyOn)}</Text>
                        ) : (
                          <Group gap={6} wrap="nowrap">
                            <MarkEntered changeId={c.id} label={`${e.program} ${c.status} on ${showDate(c.changedOn)}`} />
                            {late ? (
                              <Badge color="red" variant="light" tt="none" size="sm">
                                Overdue
                              </Badge>
                            ) : null}
                            <Text fz="xs" c={late ? 'red.9' : 'dimmed'}>
                              Enter by {showDate(enterBy)}
                            </Text>
                          </Group>
                        )}
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </div>
      </Stack>
    </Paper>
  );
}
