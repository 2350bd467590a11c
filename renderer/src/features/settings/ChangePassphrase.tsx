import { Alert, Button, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { call, type ApiError } from '../../lib/api.ts';
import { placeError } from '../../lib/forms.ts';
import { plainResolver } from '../../lib/resolver.ts';
import { NewPassphraseFields } from '../../ui/NewPassphraseFields.tsx';
import { changeForm, type ChangeValues } from '../vault/schemas.ts';

const EMPTY: ChangeValues = { currentPassphrase: '', newPassphrase: '', confirm: '' };

export function ChangePassphrase() {
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [done, setDone] = useState(false);
  const { register, handleSubmit, watch, reset, setError, formState } = useForm<ChangeValues>({
    resolver: plainResolver(changeForm),
    defaultValues: EMPTY,
    mode: 'onTouched',
  });
  const submit = handleSubmit(async ({ currentPassphrase, newPassphrase }) => {
    setFailure(null);
    setDone(false);
    const result = await call('vault:changePassphrase', { currentPassphrase, newPassphrase });
    if (!result.ok) return setFailure(placeError(result.error, setError, ['currentPassphrase', 'newPassphrase']));
    reset(EMPTY);
    setDone(true);
  });
  return (
    <Paper withBorder p="lg" radius="md">
      <form onSubmit={submit} noValidate aria-labelledby="passphrase-heading">
        <Stack gap="md">
          <Title order={2} fz="lg" id="passphrase-heading">
            Change passphrase
          </Title>
          <Text fz="sm" c="dimmed">
            Your recovery key stays the same.
          </Text>
          <PasswordInput
            label="Current passphrase"
            withAsterisk
            autoComplete="current-password"
            error={formState.errors.currentPassphrase?.message}
            {...register('currentPassphrase')}
          />
          <NewPassphraseFields register={register} errors={formState.errors} value={watch('newPassphrase')} label="New passphrase" />
          {failure ? (
            <Alert color="red" role="alert" title="The passphrase was not changed">
              {failure.message}
            </Alert>
          ) : null}
          <Group>
            <Button type="submit" loading={formState.isSubmitting}>
              Change passphrase
            </Button>
            <Text fz="sm" c="green.9" aria-live="polite">
              {done ? 'Passphrase changed. Use the new one next time you unlock.' : ''}
            </Text>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
