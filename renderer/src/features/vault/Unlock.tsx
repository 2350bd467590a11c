import { Alert, Anchor, Button, PasswordInput, Stack, Text } from '@mantine/core';
import { useState, type KeyboardEvent } from 'react';
import { useForm } from 'react-hook-form';
import { call, type ApiError } from '../../lib/api.ts';
import { placeError } from '../../lib/forms.ts';
import { plainResolver } from '../../lib/resolver.ts';
import { AuthCard } from '../../ui/AuthCard.tsx';
import { unlockForm, type UnlockValues } from './schemas.ts';

export function Unlock({ onUnlocked, onForgot }: { onUnlocked(): void; onForgot(): void }) {
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [capsLock, setCapsLock] = useState(false);
  const { register, handleSubmit, setError, setFocus, resetField, formState } = useForm<UnlockValues>({
    resolver: plainResolver(unlockForm),
    defaultValues: { passphrase: '' },
  });
  const submit = handleSubmit(async ({ passphrase }) => {
    setFailure(null);
    const result = await call('vault:unlock', { passphrase });
    if (result.ok) return onUnlocked();
    if (result.error.code === 'WRONG_PASSPHRASE') {
      resetField('passphrase');
      setError('passphrase', { type: 'server', message: result.error.message });
      setFocus('passphrase');
      return;
    }
    setFailure(placeError(result.error, setError, ['passphrase']));
  });
  const watchCaps = (e: KeyboardEvent) => setCapsLock(e.getModifierState('CapsLock'));

  return (
    <AuthCard title="Unlock Liaison" intro="Your records are encrypted. Type your passphrase to open them.">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <PasswordInput
            label="Passphrase"
            autoFocus
            autoComplete="current-password"
            onKeyDown={watchCaps}
            onKeyUp={watchCaps}
            error={formState.errors.passphrase?.message}
            description={capsLock ? 'Caps Lock is on.' : undefined}
            {...register('passphrase')}
          />
          {failure ? (
            <Alert color="red" title="The vault did not open" role="alert">
              {failure.message}
            </Alert>
          ) : null}
          <Button type="submit" size="md" loading={formState.isSubmitting}>
            Unlock
          </Button>
          <Text fz="sm">
            <Anchor component="button" type="button" onClick={onForgot}>
              Forgot passphrase?
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthCard>
  );
}
