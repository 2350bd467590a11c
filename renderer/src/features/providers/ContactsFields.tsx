/** The provider's contacts: a short list she can add to and remove from (intake line, a clinician, the billing office). */
import { Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useId } from 'react';
import { useFieldArray, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import type { ProviderFormValues } from './ProviderForm.tsx';

const MAX = 10;

export function ContactsFields({ control, register, errors }: { control: Control<ProviderFormValues>; register: UseFormRegister<ProviderFormValues>; errors: FieldErrors<ProviderFormValues> }) {
  const { fields, append, remove } = useFieldArray({ control, name: 'contacts' });
  const heading = useId();
  return (
    <Stack gap={6} role="group" aria-labelledby={heading}>
      <Text fz="sm" fw={500} id={heading}>
        Contacts
      </Text>
      {fields.length === 0 ? (
        <Text fz="sm" c="dimmed">
          No contacts yet.
        </Text>
      ) : null}
      {fields.map((f, i) => {
        const e = errors.contacts?.[i];
        const n = i + 1;
        return (
          <Paper key={f.id} withBorder p="xs" role="group" aria-label={`Contact ${n}`}>
            <Group gap="xs" align="flex-end" wrap="wrap">
              <TextInput label="Name" w={150} error={e?.name?.message} {...register(`contacts.${i}.name`)} />
              <TextInput label="Role" w={170} error={e?.role?.message} {...register(`contacts.${i}.role`)} />
              <TextInput label="Phone" w={130} error={e?.phone?.message} {...register(`contacts.${i}.phone`)} />
              <TextInput label="Email" w={160} error={e?.email?.message} {...register(`contacts.${i}.email`)} />
              <Button variant="subtle" color="red" size="xs" mb={4} onClick={() => remove(i)} aria-label={`Remove contact ${n}`}>
                Remove
              </Button>
            </Group>
          </Paper>
        );
      })}
      <Button variant="default" size="xs" w="fit-content" disabled={fields.length >= MAX} onClick={() => append({ name: '', role: '', phone: '', email: '' })}>
        Add a contact
      </Button>
    </Stack>
  );
}
