/** Home: what needs her now. Overdue first, then this week, then this month; each item one click from where to act. */
import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ChannelOutput } from '../../../../electron/shared/contract.ts';
import { formatDay } from '../../lib/dates.ts';
import { useNavigate } from '../../lib/navigation.ts';
import { useCall } from '../../lib/use-call.ts';
import { LoadState } from '../../ui/Failure.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';

type Item = ChannelOutput<'caseload:dueSoon'>['items'][number];

const SECTIONS: { bucket: Item['bucket']; title: string }[] = [
  { bucket: 'overdue', title: 'Overdue' },
  { bucket: 'week', title: 'This week' },
  { bucket: 'month', title: 'This month' },
];

function when(item: Item): string {
  if (item.daysLeft < 0) return `${-item.daysLeft} ${item.daysLeft === -1 ? 'day' : 'days'} overdue`;
  if (item.daysLeft === 0) return 'Due today';
  return `Due in ${item.daysLeft} ${item.daysLeft === 1 ? 'day' : 'days'}`;
}

export function HomePage() {
  const navigate = useNavigate();
  const [loaded] = useCall('caseload:dueSoon', {});
  const open = (item: Item) =>
    // Time waiting to be billed is closed out on the Billing screen; everything else lives on the student's record.
    item.kind === 'timely-filing'
      ? navigate({ area: 'billing' })
      : navigate({ area: 'caseload', studentId: item.studentId, tab: item.kind === 'consent-expiry' || item.kind === 'medicaid-notice' ? 'consents' : item.enrollmentId ? 'programs' : 'overview' });

  return (
    <>
      <PageTitle>Home</PageTitle>
      <LoadState loaded={loaded} what="what is due" />
      {loaded.state === 'ready' ? (
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg" maw={1200}>
          <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="due-heading">
            <Stack gap="sm">
              <Title order={2} fz="lg" id="due-heading">
                Due soon
              </Title>
              {loaded.value.items.length === 0 ? (
                <Text c="dimmed">Nothing is due in the next 30 days. CLTS and CCS deadlines, plan reviews and county data entry will be listed here, overdue first.</Text>
              ) : (
                SECTIONS.map(({ bucket, title }) => {
                  const items = loaded.value.items.filter((i) => i.bucket === bucket);
                  if (items.length === 0) return null;
                  return (
                    <Stack key={bucket} gap={6}>
                      <Text fw={700} fz="sm" c={bucket === 'overdue' ? 'red.9' : undefined}>
                        {title} ({items.length})
                      </Text>
                      {items.map((item) => (
                        <Group key={item.key} gap="sm" wrap="nowrap" align="flex-start" data-testid="due-item">
                          <Badge color={bucket === 'overdue' ? 'red' : bucket === 'week' ? 'orange' : 'gray'} variant={bucket === 'overdue' ? 'filled' : 'light'} miw={130} radius="sm" tt="none" style={{ flexShrink: 0 }}>
                            {when(item)}
                          </Badge>
                          <Stack gap={0}>
                            <Anchor component="button" type="button" fz="sm" fw={600} ta="left" onClick={() => open(item)}>
                              {item.studentName}: {item.title}
                            </Anchor>
                            <Text fz="xs" c="dimmed">
                              {formatDay(item.dueOn)} · {item.detail}
                            </Text>
                          </Stack>
                        </Group>
                      ))}
                    </Stack>
                  );
                })
              )}
            </Stack>
          </Paper>
          {loaded.value.activeStudents === 0 ? (
            <Paper withBorder p="lg" radius="md">
              <Stack gap="xs" align="flex-start">
                <Title order={2} fz="lg">
                  No students yet
                </Title>
                <Text c="dimmed">Import a roster exported from your school information system, or add a student by hand.</Text>
                <Button onClick={() => navigate({ area: 'caseload' })}>Go to Caseload</Button>
              </Stack>
            </Paper>
          ) : (
            <Paper withBorder p="lg" radius="md">
              <Stack gap="xs" align="flex-start">
                <Title order={2} fz="lg">
                  Caseload
                </Title>
                <Text>{loaded.value.activeStudents.toLocaleString('en-US')} active students.</Text>
                <Button variant="default" onClick={() => navigate({ area: 'caseload' })}>
                  Open the caseload
                </Button>
              </Stack>
            </Paper>
          )}
        </SimpleGrid>
      ) : null}
    </>
  );
}
