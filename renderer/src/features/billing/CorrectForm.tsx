/**
 * A signed correction from the month close table: one thing to change, its
 * new value, and why. The signed entry stays as written; the correction is
 * dated and signed (services:correct). The field that the entry's reason
 * points at is chosen to start with; the new value never is.
 */
import { Button, Group, Paper, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { ACTIVITIES, ACTIVITY_LABELS, CONTACT_MODES, CONTACT_MODE_LABELS, FUNDING_STREAMS, FUNDING_STREAM_LABELS, PLACE_OF_SERVICE_LABELS } from '../../../../electron/shared/domain/billing/types.ts';
import { requiredText } from '../../../../electron/shared/schemas/common.ts';
import type { CorrectionChanges, EntryFields } from '../../../../electron/shared/schemas/services.ts';
import { call, type ApiError } from '../../lib/api.ts';
import { plainResolver } from '../../lib/resolver.ts';
import { useCall } from '../../lib/use-call.ts';
import { confirmDiscard, formKeys } from '../student/kit.tsx';
import { showDate, type Row } from './format.ts';
import { BillingError } from './kit.tsx';

const FIELDS = ['placeOfService', 'activity', 'contactMode', 'fundingStream', 'time'] as const;
type Field = (typeof FIELDS)[number];

const FIELD_LABELS: Record<Field, string> = {
  placeOfService: 'Place of service',
  activity: 'Activity',
  contactMode: 'Contact mode',
  fundingStream: 'Funding stream',
  time: 'Start and end time',
};

const cap = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;
const placeWords = (code: string) => `${code} · ${PLACE_OF_SERVICE_LABELS[code] ?? `Place of service ${code}`}`;

const OPTIONS: Record<Exclude<Field, 'time'>, { value: string; label: string }[]> = {
  placeOfService: Object.keys(PLACE_OF_SERVICE_LABELS)
    .sort()
    .map((code) => ({ value: code, label: placeWords(code) })),
  activity: ACTIVITIES.map((a) => ({ value: a, label: cap(ACTIVITY_LABELS[a]) })),
  contactMode: CONTACT_MODES.map((m) => ({ value: m, label: cap(CONTACT_MODE_LABELS[m]) })),
  fundingStream: FUNDING_STREAMS.map((s) => ({ value: s, label: s === 'none' ? 'Not claimed' : cap(FUNDING_STREAM_LABELS[s].replace(/^the /, '')) })),
};

/** The field a blocking reason points at, so the form opens on the likely fix. */
const FIELD_FOR_REASON: Record<string, Field> = {
  place_not_allowed: 'placeOfService',
  activity_not_billable: 'activity',
  contact_mode_not_allowed: 'contactMode',
  other_stream: 'fundingStream',
  not_claimed: 'fundingStream',
  no_units: 'time',
};

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

const correctForm = z
  .object({
    field: z.enum(FIELDS).nullable(),
    value: z.string(),
    startTime: z.string(),
    endTime: z.string(),
    reason: requiredText(2000),
  })
  .superRefine((v, ctx) => {
    if (v.field === null) return ctx.addIssue({ code: 'custom', path: ['field'], message: 'Choose what to change.' });
    if (v.field !== 'time') {
      if (v.value === '') ctx.addIssue({ code: 'custom', path: ['value'], message: 'Choose the new value.' });
      return;
    }
    if (!CLOCK.test(v.startTime)) ctx.addIssue({ code: 'custom', path: ['startTime'], message: 'Start time must be a time of day.' });
    if (!CLOCK.test(v.endTime)) ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'End time must be a time of day.' });
    else if (CLOCK.test(v.startTime) && v.endTime <= v.startTime) ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'The end time must be after the start time.' });
  });
type Values = z.infer<typeof correctForm>;

function currentWords(field: Exclude<Field, 'time'>, f: EntryFields): string {
  switch (field) {
    case 'placeOfService':
      return placeWords(f.placeOfService);
    case 'activity':
      return cap(ACTIVITY_LABELS[f.activity]);
    case 'contactMode':
      return cap(CONTACT_MODE_LABELS[f.contactMode]);
    case 'fundingStream':
      return OPTIONS.fundingStream.find((o) => o.value === f.fundingStream)?.label ?? f.fundingStream;
  }
}

function changesOf(v: Values): CorrectionChanges {
  switch (v.field) {
    case 'placeOfService':
      return { placeOfService: v.value };
    case 'activity':
      return { activity: v.value as EntryFields['activity'] };
    case 'contactMode':
      return { contactMode: v.value as EntryFields['contactMode'] };
    case 'fundingStream':
      return { fundingStream: v.value as EntryFields['fundingStream'] };
    case 'time':
      return { time: { kind: 'clock', startTime: v.startTime, endTime: v.endTime, endsNextDay: false } };
    default:
      return {};
  }
}

export function CorrectForm({ row, month, onDone }: { row: Row; month: string; onDone(message: string | null): void }) {
  const [failure, setFailure] = useState<ApiError | null>(null);
  // The month close row has the billed values; the entry's own fields say what each is now.
  const [entries] = useCall('services:list', { studentId: row.studentId, month });
  const fields = entries.state === 'ready' ? (entries.value.entries.find((e) => e.id === row.entryId)?.fields ?? null) : null;
  const suggested = row.reasons.map((r) => FIELD_FOR_REASON[r.code]).find((f): f is Field => f !== undefined) ?? null;
  const { control, register, handleSubmit, setValue, formState } = useForm<Values>({
    resolver: plainResolver(correctForm),
    mode: 'onTouched',
    defaultValues: { field: suggested, value: '', startTime: '', endTime: '', reason: '' },
  });
  const field = useWatch({ control, name: 'field' });

  const cancel = () => confirmDiscard(formState.isDirty) && onDone(null);
  const save = handleSubmit(async (values) => {
    setFailure(null);
    const result = await call('services:correct', { id: row.entryId, changes: changesOf(values), reason: values.reason });
    if (!result.ok) return setFailure(result.error);
    onDone(`Correction signed: ${row.studentName}, ${showDate(row.date)}.`);
  });
  // The row already shows the time as she reads it ("10:00 AM–10:30 AM").
  const now = field === 'time' ? `Now: ${row.time}` : field && fields ? `Now: ${currentWords(field, fields)}` : undefined;

  return (
    <Paper withBorder p="md" maw={560}>
      <form noValidate aria-label="Correct the entry" onSubmit={(e) => void save(e)} onKeyDown={formKeys(() => void save(), cancel)}>
        <Stack gap="sm">
          <Title order={3} fz="md">
            Correct the entry
          </Title>
          <Text fz="sm" c="dimmed">
            The signed entry stays as written. The correction is dated today, signed with your name, and changes the entry as billed.
          </Text>
          <Controller
            control={control}
            name="field"
            render={({ field: f, fieldState }) => (
              <Select
                label="What to change"
                withAsterisk
                autoFocus
                placeholder="Choose one"
                data={FIELDS.map((k) => ({ value: k, label: FIELD_LABELS[k] }))}
                value={f.value}
                onChange={(v) => {
                  f.onChange(FIELDS.find((k) => k === v) ?? null);
                  // A value chosen for one field means nothing for another.
                  setValue('value', '');
                }}
                onBlur={f.onBlur}
                allowDeselect={false}
                error={fieldState.error?.message}
                maw={320}
              />
            )}
          />
          {field === 'time' ? (
            <Group gap="md" align="flex-start">
              <TextInput type="time" label="New start time" withAsterisk w={170} description={now} error={formState.errors.startTime?.message} {...register('startTime')} />
              <TextInput type="time" label="New end time" withAsterisk w={170} error={formState.errors.endTime?.message} {...register('endTime')} />
            </Group>
          ) : field ? (
            <Controller
              control={control}
              name="value"
              render={({ field: f, fieldState }) => (
                <Select
                  label={`New ${FIELD_LABELS[field].toLowerCase()}`}
                  withAsterisk
                  placeholder="Choose the new value"
                  description={now}
                  searchable={field === 'placeOfService'}
                  data={OPTIONS[field]}
                  value={f.value || null}
                  onChange={(v) => f.onChange(v ?? '')}
                  onBlur={f.onBlur}
                  allowDeselect={false}
                  error={fieldState.error?.message}
                />
              )}
            />
          ) : null}
          <Textarea
            label="Reason for the correction"
            withAsterisk
            description="What was wrong and what is right. It is signed with the correction."
            autosize
            minRows={2}
            error={formState.errors.reason?.message}
            {...register('reason')}
          />
          <BillingError error={failure} title="The correction was not added" />
          <Group gap="sm">
            <Button type="submit" loading={formState.isSubmitting}>
              Sign correction
            </Button>
            <Button variant="default" onClick={cancel}>
              Cancel
            </Button>
            <Text fz="xs" c="dimmed">
              Ctrl+S signs the correction · Esc cancels
            </Text>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
