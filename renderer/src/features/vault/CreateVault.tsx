import { Alert, Button, Stack } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { call, type ApiError } from '../../lib/api.ts';
import { placeError } from '../../lib/forms.ts';
import { plainResolver } from '../../lib/resolver.ts';
import { AuthCard } from '../../ui/AuthCard.tsx';
import { NewPassphraseFields } from '../../ui/NewPassphraseFields.tsx';
import { createForm, type CreateValues } from './schemas.ts';

export function CreateVault({ onCreated }: { onCreated(recoveryKey: string): void }) {
  const [failure, setFailure] = useState<ApiError | null>(null);
  const { register, handleSubmit, watch, setError, formState } = useForm<CreateValues>({
    resolver: plainResolver(createForm),
    defaultValues: { newPassphrase: '', confirm: '' },
    mode: 'onTouched',
  });
  const submit = handleSubmit(async (values) => {
    setFailure(null);
    const result = await call('vault:create', { passphrase: values.newPassphrase });
    if (result.ok) onCreated(result.value.recoveryKey);
    else setFailure(placeError({ ...result.error, field: result.error.field === 'passphrase' ? 'newPassphrase' : result.error.field }, setError, ['newPassphrase']));
  });
  return (
    <AuthCard
      title="Create your vault"
      intro="Liaison keeps your whole caseload in one encrypted file on this computer. Choose a passphrase you will remember; you will type it each time you open Liaison."
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <NewPassphraseFields register={register} errors={formState.errors} value={watch('newPassphrase')} autoFocus />
          {failure ? (
            <Alert color="red" title="The vault was not created" role="alert">
              {failure.message}
            </Alert>
          ) : null}
          <Button type="submit" loading={formState.isSubmitting} size="md">
            Create vault
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
