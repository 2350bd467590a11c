/** Shown once, right after the vault is made: the recovery key and the recovery sheet. */
import { Alert, Button, Checkbox, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { call } from '../../lib/api.ts';
import { AuthCard } from '../../ui/AuthCard.tsx';

type SheetState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; fileName: string } | { kind: 'cancelled' } | { kind: 'failed'; message: string };

export function RecoveryKeyShown({ recoveryKey, onDone }: { recoveryKey: string; onDone(): void }) {
  const [sheet, setSheet] = useState<SheetState>({ kind: 'idle' });
  const [confirmed, setConfirmed] = useState(false);
  const groups = recoveryKey.split('-');

  async function printSheet() {
    setSheet({ kind: 'saving' });
    const result = await call('vault:printRecoverySheet', { recoveryKey });
    if (!result.ok) setSheet({ kind: 'failed', message: result.error.message });
    else if (result.value.saved && result.value.fileName) setSheet({ kind: 'saved', fileName: result.value.fileName });
    else setSheet({ kind: 'cancelled' });
  }

  return (
    <AuthCard title="Your recovery key">
      <Alert color="yellow" title="Liaison shows this key only once">
        If you forget your passphrase, this key is the only way back into your records. Print the recovery sheet or write the
        key down, and keep it away from this laptop.
      </Alert>
      <SimpleGrid
        cols={4}
        spacing={6}
        verticalSpacing={6}
        data-testid="recovery-key"
        aria-label={`Recovery key: ${groups.join(', ')}`}
        role="group"
      >
        {groups.map((group, i) => (
          <Text key={i} ff="monospace" fz={17} fw={700} ta="center" py={6} bd="1px solid gray.4" style={{ borderRadius: 4, letterSpacing: 1 }}>
            {group}
          </Text>
        ))}
      </SimpleGrid>
      <Group>
        <Button variant="light" onClick={printSheet} loading={sheet.kind === 'saving'}>
          Print recovery sheet
        </Button>
      </Group>
      <div aria-live="polite">
        {sheet.kind === 'saved' ? (
          <Text fz="sm" c="green.9">
            Saved as “{sheet.fileName}” and opened for printing. After printing, delete that file: the key should not stay on this computer.
          </Text>
        ) : sheet.kind === 'cancelled' ? (
          <Text fz="sm" c="dimmed">
            Not saved. You can print the sheet or write the key down by hand.
          </Text>
        ) : sheet.kind === 'failed' ? (
          <Text fz="sm" c="red.8" role="alert">
            {sheet.message}
          </Text>
        ) : null}
      </div>
      <Stack gap="sm">
        <Checkbox
          label="I have printed or written down my recovery key and will keep it somewhere safe."
          checked={confirmed}
          onChange={(e) => setConfirmed(e.currentTarget.checked)}
        />
        <Button size="md" disabled={!confirmed} onClick={onDone}>
          Continue to Liaison
        </Button>
      </Stack>
    </AuthCard>
  );
}
