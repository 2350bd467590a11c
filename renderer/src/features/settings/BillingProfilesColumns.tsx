/** The county's monthly export layout: an ordered list of columns, each a header and the value under it. */
import { Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { Controller, get, useFieldArray, useWatch, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import { EXPORT_FIELDS } from '../../../../electron/shared/domain/billing/types.ts';
import { EXPORT_FIELD_LABELS, type ProfileValues } from './BillingProfilesModel.tsx';

const FIELD_OPTIONS = EXPORT_FIELDS.map((f) => ({ value: f, label: EXPORT_FIELD_LABELS[f] }));

interface Props {
  control: Control<ProfileValues>;
  register: UseFormRegister<ProfileValues>;
  errors: FieldErrors<ProfileValues>;
}

export function ColumnTemplateField({ control, register, errors }: Props) {
  const { fields, append, remove, move } = useFieldArray({ control, name: 'columnTemplate' });
  const columns = useWatch({ control, name: 'columnTemplate' });
  const buttons = useRef(new Map<string, HTMLButtonElement | null>());
  const addButton = useRef<HTMLButtonElement>(null);
  // Moving or removing a row re-orders the page under the keyboard: put focus back on the
  // first of these buttons that is still there and enabled (the one she pressed, else a neighbour).
  const [refocus, setRefocus] = useState<string[] | null>(null);
  useEffect(() => {
    if (!refocus) return;
    const target = refocus.map((key) => buttons.current.get(key)).find((b) => b && !b.disabled && b.isConnected);
    (target ?? addButton.current)?.focus();
    setRefocus(null);
  }, [refocus]);

  const name = (i: number) => {
    const header = columns[i]?.header.trim();
    return header ? `“${header}”` : `column ${i + 1}`;
  };
  const shift = (i: number, dir: 'up' | 'down') => {
    const id = fields[i]!.id;
    move(i, dir === 'up' ? i - 1 : i + 1);
    setRefocus([`${id}-${dir}`, `${id}-${dir === 'up' ? 'down' : 'up'}`]);
  };
  const drop = (i: number) => {
    const next = fields[i + 1]?.id;
    const previous = fields[i - 1]?.id;
    remove(i);
    setRefocus([`${next}-remove`, `${previous}-remove`]);
  };
  const listError = (get(errors, 'columnTemplate') as { message?: string } | undefined)?.message ?? (get(errors, 'columnTemplate.root') as { message?: string } | undefined)?.message;
  const unused = EXPORT_FIELDS.find((f) => !columns.some((c) => c.field === f)) ?? EXPORT_FIELDS[0]!;

  return (
    <Stack gap="xs">
      <Table withTableBorder verticalSpacing={6} horizontalSpacing="xs" aria-label="Columns of the monthly export, in order">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={32}>#</Table.Th>
            <Table.Th>Header in the file</Table.Th>
            <Table.Th>Filled with</Table.Th>
            <Table.Th>Order</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {fields.map((f, i) => (
            <Table.Tr key={f.id}>
              <Table.Td>
                <Text fz="sm">{i + 1}</Text>
              </Table.Td>
              <Table.Td>
                <TextInput
                  aria-label={`Column ${i + 1} header`}
                  size="xs"
                  error={(get(errors, `columnTemplate.${i}.header`) as { message?: string } | undefined)?.message}
                  {...register(`columnTemplate.${i}.header` as const)}
                />
              </Table.Td>
              <Table.Td>
                <Controller
                  control={control}
                  name={`columnTemplate.${i}.field` as const}
                  render={({ field, fieldState }) => (
                    <Select
                      aria-label={`Column ${i + 1} filled with`}
                      size="xs"
                      data={FIELD_OPTIONS}
                      allowDeselect={false}
                      maxDropdownHeight={280}
                      comboboxProps={{ width: 280, position: 'bottom-start' }}
                      value={field.value}
                      onChange={(v) => v && field.onChange(v)}
                      onBlur={field.onBlur}
                      name={field.name}
                      ref={field.ref}
                      error={fieldState.error?.message}
                    />
                  )}
                />
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Button
                    size="compact-xs"
                    variant="default"
                    disabled={i === 0}
                    aria-label={`Move ${name(i)} up`}
                    ref={(el) => void buttons.current.set(`${f.id}-up`, el)}
                    onClick={() => shift(i, 'up')}
                  >
                    Up
                  </Button>
                  <Button
                    size="compact-xs"
                    variant="default"
                    disabled={i === fields.length - 1}
                    aria-label={`Move ${name(i)} down`}
                    ref={(el) => void buttons.current.set(`${f.id}-down`, el)}
                    onClick={() => shift(i, 'down')}
                  >
                    Down
                  </Button>
                  <Button
                    size="compact-xs"
                    variant="default"
                    disabled={fields.length === 1}
                    aria-label={`Remove ${name(i)}`}
                    ref={(el) => void buttons.current.set(`${f.id}-remove`, el)}
                    onClick={() => drop(i)}
                  >
                    Remove
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {listError ? (
        <Text fz="sm" c="red.9" role="alert">
          {listError}
        </Text>
      ) : null}
      <Group>
        <Button ref={addButton} size="xs" variant="default" disabled={fields.length >= 40} onClick={() => append({ header: '', field: unused })}>
          Add a column
        </Button>
      </Group>
    </Stack>
  );
}
