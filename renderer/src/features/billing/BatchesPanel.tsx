/**
 * The month's export batches: when and by whom, the files, lines and units,
 * live or voided. Voiding asks for a reason and a confirmation; a corrected
 * batch says which batch it replaces and what changed, line by line.
 */
import { Badge, Button, Group, List, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { requiredText } from '../../../../electron/shared/schemas/common.ts';
import { call, type ApiError } from '../../lib/api.ts';
import { plainResolver } from '../../lib/resolver.ts';
import { showStamp } from '../student/format.ts';
import { confirmDiscard, formKeys } from '../student/kit.tsx';
import { batchLabel, changeWords, monthWords, plural, unitsWords, type Batch } from './format.ts';
import { BillingError } from './kit.tsx';

const voidForm = z.object({ reason: requiredText(1000) });
type VoidValues = z.infer<typeof voidForm>;

function VoidForm({ batch, onDone }: { batch: Batch; onDone(message: string | null): void }) {
  const [confirming, setConfirming] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const { register, handleSubmit, formState } = useForm<VoidValues>({ resolver: plainResolver(voidForm), mode: 'onTouched', defaultValues: { reason: '' } });
  const label = batchLabel(batch.id);

  const cancel = () => confirmDiscard(formState.isDirty) && onDone(null);
  const ask = handleSubmit(({ reason }) => setConfirming(reason.trim()));
  const confirm = async () => {
    if (!confirming) return;
    setBusy(true);
    setFailure(null);
    const result = await call('billing:void', { batchId: batch.id, reason: confirming });
    setBusy(false);
    if (!result.ok) return setFailure(result.error);
    onDone(`Batch ${label} voided. Its entries can be exported again in a corrected batch.`);
  };

  return (
    <Paper withBorder p="md" maw={560}>
      <form noValidate aria-label={`Void batch ${label}`} onSubmit={(e) => void ask(e)} onKeyDown={formKeys(() => void ask(), cancel)}>
        <Stack gap="sm">
          <Textarea
            label="Reason for voiding"
            withAsterisk
            autoFocus
            description="Kept with the batch. For example: a corrected time on one visit."
            autosize
            minRows={2}
            readOnly={confirming !== null}
            error={formState.errors.reason?.message}
            {...register('reason')}
          />
          {confirming === null ? (
            <Group gap="sm">
              <Button type="submit" color="red">
                Void batch {label}
              </Button>
              <Button variant="default" onClick={cancel}>
                Cancel
              </Button>
            </Group>
          ) : (
            <Stack gap="xs" role="alertdialog" aria-label={`Confirm voiding batch ${label}`}>
              <Text fz="sm" fw={600}>
                Void batch {label}? Its {plural(batch.lines, 'line')} go back to the month to be exported again in a corrected batch. The files already saved are not deleted: tell county billing staff not to use them.
              </Text>
              <Group gap="sm">
                <Button color="red" loading={busy} onClick={() => void confirm()} autoFocus>
                  Yes, void the batch
                </Button>
                <Button variant="default" onClick={() => setConfirming(null)} disabled={busy}>
                  No, keep it
                </Button>
              </Group>
            </Stack>
          )}
          <BillingError error={failure} title="The batch was not voided" />
        </Stack>
      </form>
    </Paper>
  );
}

function BatchCard({ batch, onChanged }: { batch: Batch; onChanged(message: string): Promise<void> }) {
  const [voiding, setVoiding] = useState(false);
  const label = batchLabel(batch.id);
  const voided = batch.voidedAt !== null;
  return (
    <Paper withBorder p="md" component="section" aria-label={`Batch ${label}`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="sm">
            <Title order={3} fz="md">
              Batch {label}
            </Title>
            <Badge color={voided ? 'gray' : 'green'} variant="light" tt="none" radius="sm">
              {voided ? 'Voided' : 'Live'}
            </Badge>
          </Group>
          {!voided && !voiding ? (
            <Button size="xs" variant="default" onClick={() => setVoiding(true)}>
              Void…
            </Button>
          ) : null}
        </Group>
        <Text fz="sm">
          Exported {showStamp(batch.exportedAt)} by {batch.exportedBy} · {plural(batch.lines, 'line')} · {unitsWords(batch.units)} {batch.units === 1 ? 'unit' : 'units'}
        </Text>
        {voided ? (
          <Text fz="sm">
            <Text span fw={700} fz="sm">
              Voided {showStamp(batch.voidedAt!)}:
            </Text>{' '}
            {batch.voidReason}
          </Text>
        ) : null}
        <List size="sm" aria-label={`Files of batch ${label}`}>
          {batch.files.map((f) => (
            <List.Item key={f.name}>{f.name}</List.Item>
          ))}
        </List>
        {batch.correctsBatchId ? (
          <Stack gap={2}>
            <Text fz="sm" fw={600}>
              Corrects batch {batchLabel(batch.correctsBatchId)}
            </Text>
            {batch.changes.length === 0 ? (
              <Text fz="sm">The same lines as the batch it replaces.</Text>
            ) : (
              <List size="sm" aria-label={`Changes from batch ${batchLabel(batch.correctsBatchId)}`}>
                {batch.changes.map((c) => (
                  <List.Item key={`${c.entryId}-${c.change}`}>{changeWords(c)}</List.Item>
                ))}
              </List>
            )}
          </Stack>
        ) : null}
        {voiding ? (
          <VoidForm
            batch={batch}
            onDone={(message) => {
              setVoiding(false);
              if (message) void onChanged(message);
            }}
          />
        ) : null}
      </Stack>
    </Paper>
  );
}

export function BatchesPanel({ program, month, batches, onChanged }: { program: string; month: string; batches: readonly Batch[]; onChanged(message: string): Promise<void> }) {
  if (batches.length === 0) {
    return (
      <Text c="dimmed" fz="sm">
        No {program} batches for {monthWords(month)} yet. Each export makes one, with its files, lines and units.
      </Text>
    );
  }
  return (
    <Stack gap="sm" maw={820}>
      {batches.map((b) => (
        <BatchCard key={b.id} batch={b} onChanged={onChanged} />
      ))}
    </Stack>
  );
}
