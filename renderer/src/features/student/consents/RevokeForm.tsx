/** Recording that a signer revoked a release: when it was received, how, and by whom. From that day on the gate refuses it. */
import { Button, Group, Modal, Paper, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { revokeInput } from '../../../../../electron/shared/schemas/releases.ts';
import { call, type ApiError } from '../../../lib/api.ts';
import { formatDay } from '../../../lib/dates.ts';
import { placeError } from '../../../lib/forms.ts';
import { plainResolver } from '../../../lib/resolver.ts';
import { useCall } from '../../../lib/use-call.ts';
import { todayIso } from '../format.ts';
import { confirmDiscard, DateField, ErrorAlert, FormActions, formKeys } from '../kit.tsx';
import { useDirtyReport } from '../record-context.ts';
import { useFocusOnMount } from './use-focus-on-mount.ts';

const revokeForm = revokeInput.omit({ id: true });
type RevokeValues = z.infer<typeof revokeForm>;
const FIELDS = ['receivedOn', 'method', 'receivedBy'] as const;

interface Props {
  release: { id: string; formId: string };
  onCancel(): void;
  onRevoked(message: string): Promise<void>;
}

export function RevokeForm({ release, onCancel, onRevoked }: Props) {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const [settings] = useCall('settings:get', {});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [asking, setAsking] = useState<RevokeValues | null>(null);
  const [busy, setBusy] = useState(false);
  const { register, control, handleSubmit, setError, setValue, getFieldState, formState } = useForm<RevokeValues>({
    resolver: plainResolver(revokeForm),
    mode: 'onTouched',
    defaultValues: { receivedOn: todayIso(), method: 'written', receivedBy: '' },
  });
  useDirtyReport(formState.isDirty);
  const workerName = settings.state === 'ready' ? settings.value.workerName : '';
  useEffect(() => {
    if (workerName && !getFieldState('receivedBy').isDirty) setValue('receivedBy', workerName);
  }, [workerName, getFieldState, setValue]);

  const cancel = () => confirmDiscard(formState.isDirty) && onCancel();
  const ask = handleSubmit((values) => setAsking(values));
  async function revoke(values: RevokeValues) {
    setBusy(true);
    setFailure(null);
    const result = await call('releases:revoke', { id: release.id, ...values });
    setBusy(false);
    setAsking(null);
    if (result.ok) return onRevoked(`Revocation of ${release.formId} recorded.`);
    setFailure(placeError(result.error, setError, FIELDS));
  }

  return (
    <Paper withBorder p="md" maw={620}>
      <form noValidate aria-label="Record revocation" onSubmit={(e) => void ask(e)} onKeyDown={formKeys(() => void ask(), cancel)}>
        <Stack gap="sm">
          <Title order={4} fz="sm" ref={heading} tabIndex={-1}>
            Record a revocation
          </Title>
          <DateField control={control} name="receivedOn" label="Received on" required description="Nothing may be shared under this release from this day on." />
          <Controller
            control={control}
            name="method"
            render={({ field, fieldState }) => (
              <Radio.Group label="How it was received" withAsterisk value={field.value} onChange={(v) => field.onChange(v)} error={fieldState.error?.message}>
                <Group gap="lg" mt={4}>
                  <Radio value="written" label="In writing" />
                  <Radio value="oral" label="Orally" />
                </Group>
              </Radio.Group>
            )}
          />
          <TextInput label="Received by" withAsterisk maw={420} error={formState.errors.receivedBy?.message} {...register('receivedBy')} />
          <ErrorAlert error={failure} title="The revocation was not recorded" />
          <FormActions submitLabel="Record revocation" submitting={busy} onCancel={cancel} />
        </Stack>
      </form>
      <Modal
        opened={asking !== null}
        onClose={() => setAsking(null)}
        title="Record this revocation?"
        closeButtonProps={{ 'aria-label': 'Go back without recording the revocation' }}
      >
        <Stack gap="md">
          <Text fz="sm">
            {release.formId} will be revoked as of {formatDay(asking?.receivedOn)}. From that day on nothing may be shared under it. This cannot be undone.
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setAsking(null)}>
              Go back
            </Button>
            <Button color="red.9" loading={busy} onClick={() => asking && void revoke(asking)}>
              Yes, record the revocation
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
