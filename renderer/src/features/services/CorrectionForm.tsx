/**
 * A signed correction to a signed entry: she picks what to change, sets the
 * new values, and says why. The entry as corrected is checked live, so she
 * sees whether the correction makes it billable before signing it.
 */
import { Button, Checkbox, Group, NumberInput, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { serviceMinutes } from '../../../../electron/shared/domain/billing/time.ts';
import { isoDate, requiredText } from '../../../../electron/shared/schemas/common.ts';
import { activity, contactMode, contactType, fundingStream, type CorrectionChanges, type EntryFields } from '../../../../electron/shared/schemas/services.ts';
import { call, type ApiError } from '../../lib/api.ts';
import { plainResolver } from '../../lib/resolver.ts';
import { confirmDiscard, formKeys } from '../student/kit.tsx';
import { AssessmentView } from './Assessment.tsx';
import { CORRECTABLE, type Correctable } from './corrections.ts';
import type { Entry } from './EntriesTable.tsx';
import { announceServicesChanged } from './events.ts';
import { ServiceError } from './kit.tsx';
import { ACTIVITY_OPTIONS, CONTACT_MODE_OPTIONS, CONTACT_TYPE_OPTIONS, FUNDING_OPTIONS, PLACE_OPTIONS } from './labels.ts';
import { useEntryPreview } from './use-entry-preview.ts';
import { authorizationLabel, useStudentFacts } from './use-student-facts.ts';

const correctionForm = z
  .object({
    what: z.array(z.enum(CORRECTABLE.map((c) => c.key) as [Correctable, ...Correctable[]])),
    date: isoDate,
    timeKind: z.enum(['clock', 'minutes']),
    startTime: z.string(),
    endTime: z.string(),
    minutes: z.number().nullable(),
    activity,
    contactMode,
    contactType,
    placeOfService: z.string(),
    program: z.string(),
    fundingStream,
    authorizationId: z.string().nullable(),
    travelMinutes: z.number().int().min(0).max(1440),
    documentationMinutes: z.number().int().min(0).max(1440),
    reason: requiredText(2000),
  })
  .superRefine((v, ctx) => {
    if (v.what.length === 0) ctx.addIssue({ code: 'custom', path: ['what'], message: 'Choose at least one thing to change.' });
    if (!v.what.includes('time')) return;
    const time = v.timeKind === 'clock' ? { kind: 'clock' as const, startTime: v.startTime, endTime: v.endTime, endsNextDay: false } : { kind: 'minutes' as const, minutes: v.minutes ?? 0 };
    const checked = serviceMinutes(time);
    if (!checked.ok) ctx.addIssue({ code: 'custom', path: [v.timeKind === 'clock' ? 'endTime' : 'minutes'], message: checked.problem.message });
  });
type CorrectionValues = z.infer<typeof correctionForm>;

function startingValues(f: EntryFields): CorrectionValues {
  return {
    what: [],
    date: f.date,
    timeKind: f.time.kind,
    startTime: f.time.kind === 'clock' ? f.time.startTime : '',
    endTime: f.time.kind === 'clock' ? f.time.endTime : '',
    minutes: f.time.kind === 'minutes' ? f.time.minutes : null,
    activity: f.activity,
    contactMode: f.contactMode,
    contactType: f.contactType,
    placeOfService: f.placeOfService,
    program: f.program,
    fundingStream: f.fundingStream,
    authorizationId: f.authorizationId,
    travelMinutes: f.travelMinutes,
    documentationMinutes: f.documentationMinutes,
    reason: '',
  };
}

function changesOf(v: CorrectionValues): CorrectionChanges {
  const all: CorrectionChanges = {
    date: v.date,
    time: v.timeKind === 'clock' ? { kind: 'clock', startTime: v.startTime, endTime: v.endTime, endsNextDay: false } : { kind: 'minutes', minutes: v.minutes ?? 0 },
    activity: v.activity,
    contactMode: v.contactMode,
    contactType: v.contactType,
    placeOfService: v.placeOfService,
    program: v.program,
    fundingStream: v.fundingStream,
    authorizationId: v.authorizationId,
    travelMinutes: v.travelMinutes,
    documentationMinutes: v.documentationMinutes,
  };
  return Object.fromEntries(v.what.map((k) => [k, all[k]])) as CorrectionChanges;
}

export function CorrectionForm({ entry, onDone }: { entry: Entry; onDone(message: string | null): void }) {
  const [failure, setFailure] = useState<ApiError | null>(null);
  const facts = useStudentFacts(entry.studentId);
  const { control, register, handleSubmit, formState } = useForm<CorrectionValues>({ resolver: plainResolver(correctionForm), mode: 'onTouched', defaultValues: startingValues(entry.fields) });
  const v = useWatch({ control }) as CorrectionValues;
  const chosen = new Set(v.what);
  const changes = changesOf(v);
  const live = useEntryPreview(chosen.size ? { kind: 'single', id: entry.id, fields: { ...entry.fields, ...changes } } : null);
  const number = (x: number | string) => (typeof x === 'number' ? x : x.trim() === '' ? null : Number(x));

  const cancel = () => confirmDiscard(formState.isDirty) && onDone(null);
  const save = handleSubmit(async (values) => {
    setFailure(null);
    const result = await call('services:correct', { id: entry.id, changes: changesOf(values), reason: values.reason });
    if (!result.ok) return setFailure(result.error);
    announceServicesChanged();
    onDone('Correction signed and added to the entry.');
  });

  return (
    <Paper withBorder p="md">
      <form noValidate aria-label="Add a correction" onSubmit={(e) => void save(e)} onKeyDown={formKeys(() => void save(), cancel)}>
        <Stack gap="sm">
          <Title order={3} fz="md">
            Add a correction
          </Title>
          <Text fz="sm" c="dimmed">
            The signed entry stays as written; the correction is dated today, signed with your name, and changes the entry as billed. The narrative is corrected in words, in the reason.
          </Text>
          <Controller
            control={control}
            name="what"
            render={({ field, fieldState }) => (
              <Checkbox.Group label="What to change" withAsterisk value={field.value} onChange={(x) => field.onChange(x as Correctable[])} error={fieldState.error?.message}>
                <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs" verticalSpacing={8} mt={6}>
                  {CORRECTABLE.map((c) => (
                    <Checkbox key={c.key} value={c.key} label={c.label} />
                  ))}
                </SimpleGrid>
              </Checkbox.Group>
            )}
          />
          {chosen.has('date') ? <TextInput type="date" label="Date of service" withAsterisk maw={240} error={formState.errors.date?.message} {...register('date')} /> : null}
          {chosen.has('time') ? (
            <Stack gap="xs">
              <Controller
                control={control}
                name="timeKind"
                render={({ field }) => (
                  <SegmentedControl aria-label="How the time is given" value={field.value} onChange={field.onChange} w="fit-content" data={[{ value: 'clock', label: 'Start and end times' }, { value: 'minutes', label: 'Minutes only' }]} />
                )}
              />
              {v.timeKind === 'clock' ? (
                <Group gap="md" align="flex-start">
                  <TextInput type="time" label="Start time" withAsterisk w={170} error={formState.errors.startTime?.message} {...register('startTime')} />
                  <TextInput type="time" label="End time" withAsterisk w={170} error={formState.errors.endTime?.message} {...register('endTime')} />
                </Group>
              ) : (
                <Controller
                  control={control}
                  name="minutes"
                  render={({ field, fieldState }) => (
                    <NumberInput label="Minutes of service" withAsterisk w={170} min={1} max={1440} allowDecimal={false} allowNegative={false} value={field.value ?? ''} onChange={(x) => field.onChange(number(x))} error={fieldState.error?.message} />
                  )}
                />
              )}
            </Stack>
          ) : null}
          {chosen.has('activity') ? <Controller control={control} name="activity" render={({ field }) => <Select label="Activity" withAsterisk data={ACTIVITY_OPTIONS} value={field.value} onChange={(x) => x && field.onChange(x)} allowDeselect={false} maw={360} />} /> : null}
          {chosen.has('contactMode') ? <Controller control={control} name="contactMode" render={({ field }) => <Select label="Contact mode" withAsterisk data={CONTACT_MODE_OPTIONS} value={field.value} onChange={(x) => x && field.onChange(x)} allowDeselect={false} maw={360} />} /> : null}
          {chosen.has('contactType') ? <Controller control={control} name="contactType" render={({ field }) => <Select label="Contact type" withAsterisk data={CONTACT_TYPE_OPTIONS.map((o) => ({ ...o }))} value={field.value} onChange={(x) => x && field.onChange(x)} allowDeselect={false} maw={360} />} /> : null}
          {chosen.has('placeOfService') ? <Controller control={control} name="placeOfService" render={({ field }) => <Select label="Place of service" withAsterisk searchable data={PLACE_OPTIONS} value={field.value} onChange={(x) => x && field.onChange(x)} allowDeselect={false} />} /> : null}
          {chosen.has('program') ? <Controller control={control} name="program" render={({ field }) => <Select label="Program" withAsterisk data={facts?.programs ?? [{ value: field.value, label: field.value }]} value={field.value} onChange={(x) => x && field.onChange(x)} allowDeselect={false} maw={360} />} /> : null}
          {chosen.has('fundingStream') ? <Controller control={control} name="fundingStream" render={({ field }) => <Select label="Funding stream" withAsterisk data={FUNDING_OPTIONS} value={field.value} onChange={(x) => x && field.onChange(x)} allowDeselect={false} maw={360} />} /> : null}
          {chosen.has('authorizationId') ? (
            <Controller
              control={control}
              name="authorizationId"
              render={({ field }) => (
                <Select label="Prior authorization" placeholder="Let the rules choose" clearable data={(facts?.authorizations ?? []).map((a) => ({ value: a.id, label: authorizationLabel(a) }))} value={field.value} onChange={field.onChange} />
              )}
            />
          ) : null}
          {chosen.has('travelMinutes') ? (
            <Controller control={control} name="travelMinutes" render={({ field }) => <NumberInput label="Travel minutes" w={200} min={0} max={1440} allowDecimal={false} allowNegative={false} value={field.value} onChange={(x) => field.onChange(number(x) ?? 0)} />} />
          ) : null}
          {chosen.has('documentationMinutes') ? (
            <Controller control={control} name="documentationMinutes" render={({ field }) => <NumberInput label="Documentation minutes" w={200} min={0} max={1440} allowDecimal={false} allowNegative={false} value={field.value} onChange={(x) => field.onChange(number(x) ?? 0)} />} />
          ) : null}
          <Textarea label="Reason for the correction" withAsterisk description="What was wrong and what is right. This is signed with the correction." autosize minRows={2} error={formState.errors.reason?.message} {...register('reason')} />
          {chosen.size && live.answer?.kind === 'single' ? (
            <Stack gap={4} aria-label="The entry as corrected" role="group">
              <Text fz="sm" fw={700}>
                As corrected:
              </Text>
              {live.answer.preview.timeProblem ? <Text fz="sm" c="red.9">{live.answer.preview.timeProblem}</Text> : live.answer.preview.parts.map((p) => <AssessmentView key={p.date} part={p} />)}
            </Stack>
          ) : null}
          <ServiceError error={failure} title="The correction was not added" />
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
