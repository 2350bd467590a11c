import { Alert, Anchor, Button, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { call, type ApiError } from '../../lib/api.ts';
import { placeError } from '../../lib/forms.ts';
import { plainResolver } from '../../lib/resolver.ts';
import { AuthCard } from '../../ui/AuthCard.tsx';
import { NewPassphraseFields } from '../../ui/NewPassphraseFields.tsx';
import { recoverForm, type RecoverValues } from './schemas.ts';

/** Opens the vault with the recovery key; a new passphrase is required on the way in. */
export function Recover(props: { keyFileMissing: boolean; onRecovered(): void; onBack?: () => void }) {
  const [failure, setFailure] = useState<ApiError | null>(null);
  const { register, handleSubmit, watch, setError, formState } = useForm<RecoverValues>({
    resolver: plainResolver(recoverForm),
    defaultValues: { recoveryKey: '', newPassphrase: '', confirm: '' },
    mode: 'onTouched',
  });
  const submit = handleSubmit(async ({ recoveryKey, newPassphrase }) => {
    setFailure(null);
    const result = await call('vault:recover', { recoveryKey, newPassphrase });
    if (result.ok) return props.onRecovered();
    const field = result.error.code === 'WRONG_PASSPHRASE' ? 'recoveryKey' : result.error.field;
    setFailure(placeError({ ...result.error, field }, setError, ['recoveryKey', 'newPassphrase']));
  });
  return (
    <AuthCard
      title="Open with your recovery key"
      intro="Type the key from your recovery sheet, then choose a new passphrase. Your records stay as they are."
    >
      {props.keyFileMissing ? (
        <Alert color="yellow" title="The vault’s key file is missing">
          The encrypted records are here, but the file that holds your passphrase is gone. Your recovery key still opens them.
        </Alert>
      ) : null}
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Textarea
            label="Recovery key"
            withAsterisk
            autoFocus
            autosize
            minRows={2}
            spellCheck={false}
            autoComplete="off"
            placeholder="XXXXXXXX-XXXXXXXX-XXXXXXXX-XXXXXXXX-XXXXXXXX-XXXXXXXX-XXXXXXXX-XXXXXXXX"
            description="Dashes and spaces do not matter; capital or small letters both work."
            styles={{ input: { fontFamily: 'monospace' } }}
            error={formState.errors.recoveryKey?.message}
            {...register('recoveryKey')}
          />
          <NewPassphraseFields register={register} errors={formState.errors} value={watch('newPassphrase')} label="New passphrase" />
          {failure ? (
            <Alert color="red" title="The vault did not open" role="alert">
              {failure.message}
            </Alert>
          ) : null}
          <Button type="submit" size="md" loading={formState.isSubmitting}>
            Open and set new passphrase
          </Button>
          {props.onBack ? (
            <Text fz="sm">
              <Anchor component="button" type="button" onClick={props.onBack}>
                Back to unlock
              </Anchor>
            </Text>
          ) : null}
        </Stack>
      </form>
    </AuthCard>
  );
}
