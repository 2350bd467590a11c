import { Paper, Stack, Text } from '@mantine/core';
import type { Area } from './areas.ts';

/** An area whose tools are not in this version yet: says what it will hold, honestly. */
export function NotYet({ area }: { area: Area }) {
  return (
    <Paper withBorder p="lg" radius="md" maw={720}>
      <Stack gap="xs">
        <Text>{area.purpose}</Text>
        <Text c="dimmed" fz="sm">
          This area is not available in this version of Liaison yet.
        </Text>
      </Stack>
    </Paper>
  );
}
