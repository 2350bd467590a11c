import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';

/** Home before there is a caseload: says what will appear and where it comes from. */
export function HomePage({ onOpenCaseload }: { onOpenCaseload(): void }) {
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" maw={1100}>
      <Paper withBorder p="lg" radius="md">
        <Stack gap="xs">
          <Title order={2} fz="lg">
            Due soon
          </Title>
          <Text c="dimmed">Nothing is due. Release expiries, CLTS and CCS deadlines, plan reviews and referral follow-ups will be listed here, overdue first.</Text>
        </Stack>
      </Paper>
      <Paper withBorder p="lg" radius="md">
        <Stack gap="xs" align="flex-start">
          <Title order={2} fz="lg">
            No students yet
          </Title>
          <Text c="dimmed">Your caseload starts in the Caseload area, where students are added or imported from your school’s roster.</Text>
          <Text component="button" type="button" c="blue.8" fw={600} bg="transparent" bd={0} p={0} style={{ cursor: 'pointer' }} onClick={onOpenCaseload}>
            Go to Caseload
          </Text>
        </Stack>
      </Paper>
    </SimpleGrid>
  );
}
