/** The release's recipients: people or agencies by name (from the record or typed), or a class of parties. */
import { Button, Group, Input, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useId, useState } from 'react';
import { get, useFieldArray, type Control, type FieldError, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import { useRecord } from '../record-context.ts';
import type { RecipientValue, ReleaseValues } from './release-model.ts';

interface Props {
  control: Control<ReleaseValues>;
  register: UseFormRegister<ReleaseValues>;
  errors: FieldErrors<ReleaseValues>;
}

export function RecipientsField({ control, register, errors }: Props) {
  const { record } = useRecord();
  const labelId = useId();
  const { fields, append, remove } = useFieldArray({ control, name: 'recipients' });
  const [picked, setPicked] = useState<string | null>(null);
  const chosen = fields as unknown as (RecipientValue & { id: string })[];
  const has = (name: string, contactId: string | null) =>
    chosen.some((r) => r.kind === 'party' && ((contactId && r.contactId === contactId) || r.name.trim().toLowerCase() === name.toLowerCase()));

  const people = new Map<string, RecipientValue>();
  for (const c of record.contacts) {
    const name = `${c.firstName} ${c.lastName}`;
    if (!has(name, c.contactId)) people.set(`c:${c.contactId}`, { kind: 'party', name, contactId: c.contactId, providerId: null, address: '' });
  }
  for (const t of record.team) {
    const name = t.organization ? `${t.name}, ${t.organization}` : t.name;
    if (!has(name, null)) people.set(`t:${t.id}`, { kind: 'party', name, contactId: null, providerId: null, address: '' });
  }
  const options = [
    {
      group: 'Guardians and contacts',
      items: record.contacts
        .filter((c) => people.has(`c:${c.contactId}`))
        .map((c) => ({ value: `c:${c.contactId}`, label: `${c.firstName} ${c.lastName} (${c.relationship})${c.noContact ? ' — no contact' : ''}` })),
    },
    { group: 'Team', items: record.team.filter((t) => people.has(`t:${t.id}`)).map((t) => ({ value: `t:${t.id}`, label: `${t.name} — ${[t.role, t.organization].filter(Boolean).join(', ')}` })) },
  ].filter((g) => g.items.length > 0);

  // The resolver reports "recipients.0.name" flat after a save and nested after a blur: `get` reads both.
  const errorAt = (path: string) => (get(errors, path) as FieldError | undefined)?.message;
  const listError = errorAt('recipients') ?? errorAt('recipients.root');
  return (
    <Stack gap={6} role="group" aria-labelledby={labelId}>
      <div>
        <Input.Label id={labelId} required>
          Recipients
        </Input.Label>
        <Input.Description>Who may receive the records: a named person or agency, or a class of parties.</Input.Description>
      </div>
      {/* The add controls sit above the rows: an error appearing under a row as it loses focus cannot move them. */}
      {options.length ? (
        <Select
          label="Add from contacts and team"
          placeholder="Choose a person"
          data={options}
          value={picked}
          searchable
          maw={360}
          onChange={(value) => {
            const person = value ? people.get(value) : undefined;
            if (person) append(person, { shouldFocus: false });
            setPicked(null);
          }}
        />
      ) : null}
      <Group gap="sm">
        <Button variant="default" size="xs" onClick={() => append({ kind: 'party', name: '', contactId: null, providerId: null, address: '' })}>
          Add a person or agency
        </Button>
        <Button variant="default" size="xs" onClick={() => append({ kind: 'class', description: '' })}>
          Add a class of recipients
        </Button>
      </Group>
      {fields.length === 0 ? (
        <Text fz="sm" c="dimmed">
          No recipients yet.
        </Text>
      ) : null}
      {chosen.map((r, i) => {
        return (
          <Paper key={r.id} withBorder p="xs">
            <Group justify="space-between" mb={4}>
              <Text fz="xs" fw={700} c="dimmed">
                Recipient {i + 1}: {r.kind === 'party' ? 'a person or agency' : 'a class of parties'}
              </Text>
              <Button variant="default" size="xs" onClick={() => remove(i)} aria-label={`Remove recipient ${i + 1}`}>
                Remove
              </Button>
            </Group>
            {r.kind === 'party' ? (
              <Group align="flex-start" wrap="nowrap" gap="sm" grow>
                <TextInput label="Person or agency" withAsterisk error={errorAt(`recipients.${i}.name`)} {...register(`recipients.${i}.name` as const)} />
                <TextInput label="Address (optional)" error={errorAt(`recipients.${i}.address`)} {...register(`recipients.${i}.address` as const)} />
              </Group>
            ) : (
              <TextInput
                label="Class of recipients"
                description="For example: the student’s teachers at Arcadia Middle"
                withAsterisk
                error={errorAt(`recipients.${i}.description`)}
                {...register(`recipients.${i}.description` as const)}
              />
            )}
          </Paper>
        );
      })}
      {listError ? (
        <Text fz="xs" c="red.9" role="alert">
          {listError}
        </Text>
      ) : null}
    </Stack>
  );
}
