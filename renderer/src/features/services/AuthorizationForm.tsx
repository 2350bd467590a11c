/** Adding or editing a prior authorization: the number, code and modifiers, units and dates the county authorized. */
import { Group, NumberInput, Paper, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useId, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { z } from 'zod';
import { isoDate, optionalText, requiredText } from '../../../../electron/shared/schemas/common.ts';
import { call, type ApiError } from '../../lib/api.ts';
import { placeError } from '../../lib/forms.ts';
import { plainResolver } from '../../lib/resolver.ts';
import { todayIso } from '../student/format.ts';
import { confirmDiscard, DateField, FormActions, formKeys, unprefix } from '../student/kit.tsx';
import { announceServicesChanged } from './events.ts';
import { ServiceError } from './kit.tsx';
import type { Authorization } from './use-student-facts.ts';

/** A date field worded by its label here ("Last day"), not by its key ("End on"). */
const day = (label: string) => z.string().refine((s) => isoDate.safeParse(s).success, { message: `${label} must be a real date (MM/DD/YYYY).` });

const authorizationForm = z
  .object({
    program: z.enum(['CLTS', 'CCS']),
    number: requiredText(60),
    procedureCode: requiredText(12),
    modifiers: z.string(),
    unitsAuthorized: z
      .number()
      .nullable()
      .refine((n): boolean => n !== null, { message: 'Units authorized is required.' })
      .refine((n) => n === null || (n > 0 && n <= 100_000), { message: 'Units authorized must be more than 0 and at most 100,000.' }),
    startOn: day('First day'),
    endOn: day('Last day'),
    diagnosisCode: optionalText(12),
    providerId: optionalText(20),
  })
  .superRefine((v, ctx) => {
    const mods = modifierList(v.modifiers);
    if (mods.length > 4) ctx.addIssue({ code: 'custom', path: ['modifiers'], message: 'A claim line holds at most 4 modifiers.' });
    const bad = mods.find((m) => !/^[A-Z0-9]{2}$/.test(m));
    if (bad) ctx.addIssue({ code: 'custom', path: ['modifiers'], message: `Modifier “${bad}” must be two letters or digits.` });
    if (v.startOn && v.endOn && v.endOn < v.startOn) ctx.addIssue({ code: 'custom', path: ['endOn'], message: 'The authorization ends before it starts: check the dates.' });
  });
type AuthorizationValues = z.infer<typeof authorizationForm>;
const FIELDS = ['program', 'number', 'procedureCode', 'modifiers', 'unitsAuthorized', 'startOn', 'endOn', 'diagnosisCode', 'providerId'] as const;

/** "CG, U1" or "CG U1" → ['CG', 'U1']. */
function modifierList(text: string): string[] {
  return text
    .toUpperCase()
    .split(/[\s,]+/)
    .filter(Boolean);
}

export function AuthorizationForm({ studentId, existing, defaultProgram, onDone }: { studentId: string; existing?: Authorization; defaultProgram: 'CLTS' | 'CCS'; onDone(message: string | null): void }) {
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [codes, setCodes] = useState<Record<string, string>>({});
  const { register, control, handleSubmit, setError, setValue, getFieldState, watch, formState } = useForm<AuthorizationValues>({
    resolver: plainResolver(authorizationForm),
    mode: 'onTouched',
    defaultValues: existing
      ? { ...existing, modifiers: existing.modifiers.join(' ') }
      : { program: defaultProgram, number: '', procedureCode: '', modifiers: '', unitsAuthorized: null, startOn: todayIso(), endOn: '', diagnosisCode: null, providerId: null },
  });
  const program = watch('program');
  const programLabel = useId();

  // The code the program bills, from its billing profile, unless she has typed one.
  useEffect(() => {
    void call('billing:profiles', {}).then((r) => {
      if (r.ok) setCodes(Object.fromEntries(r.value.profiles.map((p) => [p.program, p.procedureCode])));
    });
  }, []);
  useEffect(() => {
    if (!existing && codes[program] && !getFieldState('procedureCode').isDirty) setValue('procedureCode', codes[program]);
  }, [codes, program, existing, getFieldState, setValue]);

  const cancel = () => confirmDiscard(formState.isDirty) && onDone(null);
  const save = handleSubmit(async (v) => {
    setFailure(null);
    const fields = { ...v, studentId, unitsAuthorized: v.unitsAuthorized ?? 0, modifiers: modifierList(v.modifiers), diagnosisCode: v.diagnosisCode?.trim() || null, providerId: v.providerId?.trim() || null };
    const result = await call('authorizations:save', { ...(existing ? { id: existing.id } : {}), fields });
    if (!result.ok) return setFailure(placeError(unprefix(result.error, 'fields.'), setError, FIELDS));
    announceServicesChanged();
    onDone(existing ? `Authorization ${v.number.trim()} updated.` : `Authorization ${v.number.trim()} added.`);
  });

  return (
    <Paper withBorder p="md" maw={640}>
      <form noValidate aria-label={existing ? `Edit authorization ${existing.number}` : 'Add a prior authorization'} onSubmit={(e) => void save(e)} onKeyDown={formKeys(() => void save(), cancel)}>
        <Stack gap="sm">
          <Controller
            control={control}
            name="program"
            render={({ field }) => (
              <Stack gap={4}>
                <Text fz="sm" fw={500} id={programLabel}>
                  Program
                </Text>
                <SegmentedControl aria-labelledby={programLabel} value={field.value} onChange={field.onChange} data={['CLTS', 'CCS']} w="fit-content" />
              </Stack>
            )}
          />
          <TextInput label="Authorization number" withAsterisk maw={320} autoFocus error={formState.errors.number?.message} {...register('number')} />
          <Group gap="md" align="flex-start">
            <TextInput label="Procedure code" withAsterisk w={160} error={formState.errors.procedureCode?.message} {...register('procedureCode')} />
            <TextInput label="Modifiers" description="Up to 4, for example CG" w={220} error={formState.errors.modifiers?.message} {...register('modifiers')} />
          </Group>
          <Controller
            control={control}
            name="unitsAuthorized"
            render={({ field, fieldState }) => (
              <NumberInput
                label="Units authorized"
                withAsterisk
                w={200}
                min={0}
                allowNegative={false}
                decimalScale={2}
                value={field.value ?? ''}
                onChange={(x) => field.onChange(typeof x === 'number' ? x : null)}
                onBlur={field.onBlur}
                error={fieldState.error?.message}
              />
            )}
          />
          <Group gap="md" align="flex-start">
            <DateField control={control} name="startOn" label="First day" required />
            <DateField control={control} name="endOn" label="Last day" required />
          </Group>
          <Group gap="md" align="flex-start">
            <TextInput label="Diagnosis code" w={160} error={formState.errors.diagnosisCode?.message} {...register('diagnosisCode')} />
            <TextInput label="Provider ID" w={220} error={formState.errors.providerId?.message} {...register('providerId')} />
          </Group>
          <ServiceError error={failure} title="The authorization was not saved" />
          <FormActions submitLabel={existing ? 'Save authorization' : 'Add authorization'} submitting={formState.isSubmitting} onCancel={cancel} />
        </Stack>
      </form>
    </Paper>
  );
}
