/** The frame around every area once the vault is open: navigation, lock, and the page. */
import { AppShell, Button, Group, Kbd, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useState, type ReactNode } from 'react';
import { call } from '../lib/api.ts';
import { ServiceEntryModal } from '../features/services/ServiceEntryModal.tsx';
import { AREAS, type AreaId } from './areas.ts';
import { VaultMark } from './AuthCard.tsx';
import { SearchDialog } from './SearchDialog.tsx';

export function Shell(props: { area: AreaId; onNavigate(area: AreaId): void; onLocked(): void; autoLockMinutes: number | null; studentId?: string; children: ReactNode }) {
  const [locking, setLocking] = useState(false);
  const [searching, setSearching] = useState(false);
  const [logging, setLogging] = useState(false);

  async function lock() {
    setLocking(true);
    const result = await call('vault:lock', {});
    setLocking(false);
    if (result.ok) props.onLocked();
  }
  useHotkeys([
    ['mod+L', () => void lock()],
    ['mod+K', () => setSearching(true)],
  ], []);
  // Ctrl+N works from inside a field too: she is often mid-sentence when something needs logging.
  useHotkeys([['mod+N', () => setLogging(true)]], []);

  return (
    <AppShell navbar={{ width: 216, breakpoint: 0 }} header={{ height: 56 }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap={8} c="blue.8" wrap="nowrap">
            <VaultMark size={24} />
            <Text fw={700} fz="lg">
              Liaison
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Button onClick={() => setLogging(true)} rightSection={<Kbd size="xs">Ctrl+N</Kbd>} aria-keyshortcuts="Control+N">
              + Service
            </Button>
            <Button variant="default" onClick={() => setSearching(true)} rightSection={<Kbd size="xs">Ctrl+K</Kbd>} aria-keyshortcuts="Control+K">
              Search
            </Button>
            <Button variant="default" onClick={lock} loading={locking} rightSection={<Kbd size="xs">Ctrl+L</Kbd>} aria-keyshortcuts="Control+L">
              Lock
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main">
        <AppShell.Section grow component={ScrollArea}>
          <nav>
            {AREAS.map((area) => (
              <NavLink
                key={area.id}
                component="button"
                label={area.label}
                active={area.id === props.area}
                aria-current={area.id === props.area ? 'page' : undefined}
                onClick={() => props.onNavigate(area.id)}
                fw={area.id === props.area ? 600 : 400}
              />
            ))}
          </nav>
        </AppShell.Section>
        <AppShell.Section>
          <Stack gap={2} p="xs">
            <Text fz="xs" c="dimmed">
              Encrypted vault
            </Text>
            {props.autoLockMinutes ? (
              <Text fz="xs" c="dimmed">
                Locks after {props.autoLockMinutes} min idle
              </Text>
            ) : null}
          </Stack>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>{props.children}</AppShell.Main>
      <SearchDialog opened={searching} onClose={() => setSearching(false)} />
      <ServiceEntryModal opened={logging} studentId={props.studentId ?? null} onClose={() => setLogging(false)} />
    </AppShell>
  );
}
