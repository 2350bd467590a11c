/** The small forms on an enrollment card: its dates, a status change, and "entered in the county system". */
import { Button, Group, Paper, Popover, Radio, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { changeEnrollmentStatusInput, enrollmentDates, markChangeEnteredInput } from '../../../../electron/shared/schemas/programs.ts';
import type { StudentRecord } from '../../../../electron/shared/schemas/record.ts';
import { call, type ApiError } from '../../lib/api.ts';
import { placeError } from '../../lib/forms.ts';
import { plainResolver } from '../../lib/resolver.ts';
import { STATUS_LABEL, todayIso } from './format.ts';
import { confirmDiscard, DateField, ErrorAlert, FormActions, formKeys, unprefix } from './kit.tsx';
import { datesShown, type DateKey } from './program-dates.ts';
import { useDirtyReport, useRecord } from './record-context.ts';

type Enrollment = StudentRecord['enrollments'][number];
type DatesValues = z.infer<typeof enrollmentDates>;
const DATE_KEYS = Object.keys(enrollmentDates.shape) as (keyof DatesValues)[];

export function DatesForm({ enrollment, onDone }: { enrollment: Enrollment; onDone(): void }) {
  const { changed } = useRecord();
  const [failure, setFailure] = useState<ApiError | null>(null);
  const { control, handleSubmit, setError, formState } = useForm<DatesValues>({
    resolver: plainResolver(enrollmentDates),
    mode: 'onTouched',
    defaultValues: Object.fromEntries(DATE_KEYS.map((k) => [k, enrollment[k]])) as DatesValues,
  });
  useDirtyReport(formState.isDirty);
  const cancel = () => confirmDiscard(formState.isDirty) && onDone();
  const save = handleSubmit(async (values) => {
    setFailure(null);
    const changedKeys = DATE_KEYS.filter((k) => values[k] !== enrollment[k]);
    if (changedKeys.length === 0) return onDone();
    const dates = Object.fromEntries(changedKeys.map((k) => [k, values[k]]));
    const result = await call('enrollments:update', { id: enrollment.id, dates });
    if (!result.ok) return setFailure(placeError(unprefix(result.error, 'dates.'), setError, DATE_KEYS));
    onDone();
    await changed(`${enrollment.program} dates saved.`);
  });
  const specs = datesShown(enrollment.program, enrollment);
  return (
    <Paper withBorder p="md" maw={560}>
      <form onSubmit={save} noValidate aria-label={`Edit ${enrollment.program} dates`} onKeyDown={formKeys(() => void save(), cancel)}>
        <Stack gap="sm">
          {specs.map((d) => (
            <DateField key={d.key} control={control} name={d.key as DateKey} label={d.label} description={d.hint} />
          ))}
          {enrollment.endDate || enrollment.status === 'closed' ? <DateField control={control} name="endDate" label="End date" /> : null}
          <ErrorAlert error={failure} title="The dates were not saved" />
          <FormActions submitLabel="Save dates" submitting={formState.isSubmitting} onCancel={cancel} />
        </Stack>
      </form>
    </Paper>
  );
}

const statusForm = changeEnrollmentStatusInput.omit({ id: true });
type StatusValues = z.infer<typeof statusForm>;
const NEXT: Record<Enrollment['status'], Enrollment['status']> = { referred: 'pending', pending: 'active', active: 'closed', closed: 'active' };

export function StatusForm({ enrollment, onDone }: { enrollment: Enrollment; onDone(): void }) {
  const { changed } = useRecord();
  const [failure, setFailure] = useState<ApiError | null>(null);
  const { register, control, handleSubmit, setError, formState } = useForm<StatusValues>({
    resolver: plainResolver(statusForm),
    mode: 'onTouched',
    defaultValues: { status: NEXT[enrollment.status], changedOn: todayIso(), note: '' },
  });
  useDirtyReport(formState.isDirty);
  const cancel = () => confirmDiscard(formState.isDirty) && onDone();
  const save = handleSubmit(async (values) => {
    setFailure(null);
    const result = await call('enrollments:changeStatus', { id: enrollment.id, ...values });
    if (!result.ok) return setFailure(placeError(result.error, setError, ['status', 'changedOn', 'note']));
    onDone();
    await changed(`${enrollment.program} is now ${values.status}. Enter the change in the county system.`);
  });
  const options = (['referred', 'pending', 'active', 'closed'] as const).filter((s) => s !== enrollment.status);
  return (
    <Paper withBorder p="md" maw={560}>
      <form onSubmit={save} noValidate aria-label={`Change ${enrollment.program} status`} onKeyDown={formKeys(() => void save(), cancel)}>
        <Stack gap="sm">
          <Controller
            control={control}
            name="status"
            render={({ field, fieldState }) => (
              <Radio.Group label="New status" withAsterisk value={field.value} onChange={(v) => field.onChange(v)} error={fieldState.error?.message}>
                <Group gap="lg" mt={4}>
                  {options.map((s) => (
                    <Radio key={s} value={s} label={STATUS_LABEL[s]} />
                  ))}
                </Group>
              </Radio.Group>
            )}
          />
          <DateField control={control} name="changedOn" label="Date of the change" required description="Closing sets the enrollment’s end date to this date." />
          <Textarea label="Note" autosize minRows={2} error={formState.errors.note?.message} {...register('note')} />
          <ErrorAlert error={failure} title="The status was not changed" />
          <FormActions submitLabel="Change status" submitting={formState.isSubmitting} onCancel={cancel} />
        </Stack>
      </form>
    </Paper>
  );
}

/** "Mark entered": the day the change was entered in the county system (today unless she says otherwise). */
export function MarkEntered({ changeId, label }: { changeId: string; label: string }) {
  const { changed } = useRecord();
  const [opened, setOpened] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const { control, handleSubmit, setError, formState, reset } = useForm<{ enteredOn: string }>({
    resolver: plainResolver(markChangeEnteredInput.pick({ enteredOn: true })),
    defaultValues: { enteredOn: todayIso() },
  });
  const save = handleSubmit(async ({ enteredOn }) => {
    setFailure(null);
    const result = await call('enrollments:markEntered', { changeId, enteredOn });
    if (!result.ok) return setFailure(placeError(result.error, setError, ['enteredOn']));
    setOpened(false);
    await changed('Marked as entered in the county system.');
  });
  return (
    <Popover opened={opened} onChange={setOpened} trapFocus returnFocus position="bottom-start" withArrow shadow="md">
      <Popover.Target>
        <Button size="compact-xs" variant="default" aria-label={`Mark entered: ${label}`} onClick={() => {
            reset({ enteredOn: todayIso() });
            setFailure(null);
            setOpened((o) => !o);
          }}>
          Mark entered
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <form onSubmit={save} noValidate aria-label="Date entered in the county system">
          <Stack gap="xs" w={260}>
            <DateField control={control} name="enteredOn" label="Entered in county system on" required />
            <ErrorAlert error={failure} title="Not marked" />
            <Group gap="xs">
              <Button type="submit" size="xs" loading={formState.isSubmitting}>
                Mark entered
              </Button>
              <Button size="xs" variant="default" onClick={() => setOpened(false)}>
                Cancel
              </Button>
            </Group>
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}
