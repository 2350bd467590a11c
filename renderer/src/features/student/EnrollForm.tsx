/** Enrolling the student in a program: which one, where it stands, and the dates that matter for it. */
import { Group, Paper, Radio, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { isoDate, plainText } from '../../../../electron/shared/schemas/common.ts';
import { enrollmentDates } from '../../../../electron/shared/schemas/programs.ts';
import { call, type ApiError } from '../../lib/api.ts';
import { placeError } from '../../lib/forms.ts';
import { plainResolver } from '../../lib/resolver.ts';
import { todayIso } from './format.ts';
import { confirmDiscard, DateField, ErrorAlert, FormActions, formKeys, unprefix } from './kit.tsx';
import { datesFor, type DateKey } from './program-dates.ts';
import { useDirtyReport, useRecord } from './record-context.ts';

const PROGRAMS = [
  { value: 'CLTS', label: 'CLTS (Children’s Long-Term Support waiver)' },
  { value: 'CCS', label: 'CCS (Comprehensive Community Services)' },
  { value: 'School-only', label: 'School-only (no county program)' },
  { value: 'other', label: 'Other…' },
] as const;

const enrollForm = enrollmentDates
  .omit({ endDate: true })
  .extend({
    program: z.enum(['CLTS', 'CCS', 'School-only', 'other']),
    otherProgram: plainText(40),
    status: z.enum(['referred', 'pending', 'active']),
    statusDate: isoDate,
  })
  .superRefine((v, ctx) => {
    if (v.program === 'other' && !v.otherProgram.trim()) ctx.addIssue({ code: 'custom', path: ['otherProgram'], message: 'Program name is required.' });
  });
type EnrollValues = z.infer<typeof enrollForm>;
const DATE_FIELDS: DateKey[] = ['referralDate', 'applicationDate', 'eligibilityDate', 'functionalScreenDate', 'assessmentDate', 'abbreviatedAssessmentDate', 'planDate', 'lastPlanReviewDate'];
const FIELDS = ['program', 'otherProgram', 'status', 'statusDate', ...DATE_FIELDS] as const;

export function EnrollForm({ onDone }: { onDone(): void }) {
  const { record, studentId, changed } = useRecord();
  const [failure, setFailure] = useState<ApiError | null>(null);
  const open = new Set(record.enrollments.filter((e) => e.status !== 'closed').map((e) => e.program));
  const { register, control, handleSubmit, setError, formState } = useForm<EnrollValues>({
    resolver: plainResolver(enrollForm),
    mode: 'onTouched',
    defaultValues: {
      program: open.has('CLTS') ? 'CCS' : 'CLTS',
      otherProgram: '',
      status: 'referred',
      statusDate: todayIso(),
      referralDate: null,
      applicationDate: null,
      eligibilityDate: null,
      functionalScreenDate: null,
      assessmentDate: null,
      abbreviatedAssessmentDate: null,
      planDate: null,
      lastPlanReviewDate: null,
    },
  });
  useDirtyReport(formState.isDirty);
  const choice = useWatch({ control, name: 'program' });
  const otherName = useWatch({ control, name: 'otherProgram' });
  const program = choice === 'other' ? otherName : choice;

  const cancel = () => confirmDiscard(formState.isDirty) && onDone();
  const save = handleSubmit(async (v) => {
    setFailure(null);
    const name = v.program === 'other' ? v.otherProgram.trim() : v.program;
    const dates = Object.fromEntries(datesFor(name).map((d) => [d.key, v[d.key]]));
    const result = await call('enrollments:create', { studentId, program: name, status: v.status, statusDate: v.statusDate, dates });
    if (!result.ok) {
      const error = unprefix(result.error, 'dates.');
      const field = error.field === 'program' && v.program === 'other' ? 'otherProgram' : error.field;
      return setFailure(placeError({ ...error, field }, setError, FIELDS));
    }
    onDone();
    await changed(`Enrolled in ${name} (${v.status}).`);
  });

  return (
    <Paper withBorder p="md" maw={560}>
      <form onSubmit={save} noValidate aria-label="Enroll in a program" onKeyDown={formKeys(() => void save(), cancel)}>
        <Stack gap="sm">
          <Controller
            control={control}
            name="program"
            render={({ field, fieldState }) => (
              <Select
                label="Program"
                withAsterisk
                data={PROGRAMS.map((p) => ({ ...p }))}
                allowDeselect={false}
                value={field.value}
                onChange={(value) => field.onChange(value)}
                onBlur={field.onBlur}
                ref={field.ref}
                error={fieldState.error?.message}
                autoFocus
              />
            )}
          />
          {choice === 'other' ? <TextInput label="Program name" withAsterisk maw={320} error={formState.errors.otherProgram?.message} {...register('otherProgram')} /> : null}
          <Controller
            control={control}
            name="status"
            render={({ field, fieldState }) => (
              <Radio.Group label="Status" withAsterisk value={field.value} onChange={(value) => field.onChange(value)} error={fieldState.error?.message}>
                <Group gap="lg" mt={4}>
                  <Radio value="referred" label="Referred" />
                  <Radio value="pending" label="Pending" />
                  <Radio value="active" label="Active" />
                </Group>
              </Radio.Group>
            )}
          />
          <DateField control={control} name="statusDate" label="Status date" required description="When the student reached this status." />
          {datesFor(program).map((d) => (
            <DateField key={d.key} control={control} name={d.key} label={d.label} description={d.hint} />
          ))}
          <ErrorAlert error={failure} title="The enrollment was not saved" />
          <FormActions submitLabel="Enroll" submitting={formState.isSubmitting} onCancel={cancel} />
        </Stack>
      </form>
    </Paper>
  );
}
