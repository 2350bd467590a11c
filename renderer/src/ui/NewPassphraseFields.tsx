/** "New passphrase" + "Type it again" + strength meter, for create, recover and change. */
import { PasswordInput, Stack } from '@mantine/core';
import type { FieldErrors, UseFormRegister } from 'react-hook-form';
import { StrengthMeter } from './StrengthMeter.tsx';

export interface NewPassphraseValues {
  newPassphrase: string;
  confirm: string;
}

export function NewPassphraseFields<T extends NewPassphraseValues>(props: {
  register: UseFormRegister<T>;
  errors: FieldErrors<T>;
  value: string;
  label?: string;
  autoFocus?: boolean;
}) {
  // The generic form type is wider than the two fields used here.
  const register = props.register as unknown as UseFormRegister<NewPassphraseValues>;
  const errors = props.errors as FieldErrors<NewPassphraseValues>;
  return (
    <Stack gap="xs">
      <PasswordInput
        label={props.label ?? 'New passphrase'}
        withAsterisk
        autoComplete="new-password"
        autoFocus={props.autoFocus}
        aria-describedby="strength"
        error={errors.newPassphrase?.message}
        {...register('newPassphrase')}
      />
      <StrengthMeter value={props.value} id="strength" />
      <PasswordInput
        label="Type it again"
        withAsterisk
        autoComplete="new-password"
        error={errors.confirm?.message}
        {...register('confirm')}
      />
    </Stack>
  );
}
