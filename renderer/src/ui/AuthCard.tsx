/** The centred card used by every screen shown before the vault is open. */
import { Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export function VaultMark({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        d="M12 2 4 5v6c0 5 3.4 9.4 8 11 4.6-1.6 8-6 8-11V5l-8-3Zm0 6a2.5 2.5 0 0 1 1 4.8V16h-2v-3.2A2.5 2.5 0 0 1 12 8Z"
        fill="currentColor"
      />
    </svg>
  );
}

export function AuthCard({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <Center mih="100vh" bg="gray.0" p="md">
      <Box w="100%" maw={480}>
        <Group gap={8} mb="md" c="blue.8">
          <VaultMark />
          <Text fw={700} fz="lg">
            Liaison
          </Text>
        </Group>
        <Paper withBorder shadow="xs" radius="md" p="xl">
          <Stack gap="md">
            <Title order={1} fz={24}>
              {title}
            </Title>
            {intro ? <Text c="dimmed">{intro}</Text> : null}
            {children}
          </Stack>
        </Paper>
      </Box>
    </Center>
  );
}
