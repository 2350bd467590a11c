/** The entry form's fields, one column: who and when, what happened, how it is billed, and the note. */
import { Checkbox, Fieldset, Input, Group, NumberInput, SegmentedControl, Select, Stack, Switch, Text, TextInput, Textarea } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import { Controller, useFormState, type Control, type UseFormRegister, type UseFormSetValue } from 'react-hook-form';
import type { CaseloadRow } from '../../../../electron/shared/schemas/students.ts';
import { DateField } from '../student/kit.tsx';
import { ACTIVITY_OPTIONS, CONTACT_MODE_OPTIONS, CONTACT_TYPE_OPTIONS, FUNDING_OPTIONS, PLACE_OPTIONS, defaultStream, placeLabel } from './labels.ts';
import type { EntryValues } from './entry-model.ts';
import { StudentSelect, StudentsSelect } from './StudentPicker.tsx';
import { authorizationLabel, type Option, type StudentFacts } from './use-student-facts.ts';

interface Props {
  control: Control<EntryValues>;
  register: UseFormRegister<EntryValues>;
  setValue: UseFormSetValue<EntryValues>;
  values: EntryValues;
  rows: readonly CaseloadRow[];
  caseloadLoading: boolean;
  facts: StudentFacts | null;
  groupPrograms: Option[];
  /** A draft is one student's entry: it cannot become a group session. */
  canGroup: boolean;
}

/** A titled group of fields: the legend names it for screen readers and reads as a small heading. */
function Part({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <Fieldset
      legend={legend}
      variant="unstyled"
      styles={{ legend: { fontWeight: 700, fontSize: 'var(--mantine-font-size-xs)', textTransform: 'uppercase', letterSpacing: '0.05em', color: 'var(--mantine-color-dimmed)', marginBottom: 6 } }}
    >
      {children}
    </Fieldset>
  );
}

/** Keeps an option for a value the lists do not hold (a code from an old draft), so it still shows. */
function withValue(options: readonly Option[], value: string | null, label: (v: string) => string): Option[] {
  return value && !options.some((o) => o.value === value) ? [...options, { value, label: label(value) }] : [...options];
}

export function EntryFields({ control, register, setValue, values, rows, caseloadLoading, facts, groupPrograms, canGroup }: Props) {
  const timeLabel = useId();
  const timeMessageId = useId();
  const { errors } = useFormState({ control, name: ['startTime', 'endTime', 'endsNextDay'] });
  const timeMessage = errors.startTime?.message ?? errors.endTime?.message ?? errors.endsNextDay?.message ?? null;
  const programs = values.group ? groupPrograms : (facts?.programs ?? []);
  const authorizations = (facts?.authorizations ?? []).filter((a) => !values.program || a.program === values.program);
  const number = (v: number | string) => (typeof v === 'number' ? v : v.trim() === '' ? null : Number(v));

  return (
    <Stack gap="md">
      <Part legend="Who and when">
        <Stack gap="sm">
          {canGroup ? (
            <Controller
              control={control}
              name="group"
              render={({ field }) => (
                <Switch
                  label="Group session (several students at once)"
                  checked={field.value}
                  onChange={(e) => {
                    const on = e.currentTarget.checked;
                    field.onChange(on);
                    // The student already chosen is the first one in the session.
                    if (on && values.studentId && values.studentIds.length === 0) setValue('studentIds', [values.studentId]);
                  }}
                />
              )}
            />
          ) : null}
          {values.group ? (
            <Controller
              control={control}
              name="studentIds"
              render={({ field, fieldState }) => (
                <StudentsSelect rows={rows} loading={caseloadLoading} value={field.value} onChange={field.onChange} onBlur={field.onBlur} error={fieldState.error?.message} />
              )}
            />
          ) : (
            <Controller
              control={control}
              name="studentId"
              render={({ field, fieldState }) => (
                <StudentSelect rows={rows} loading={caseloadLoading} value={field.value} onChange={field.onChange} onBlur={field.onBlur} error={fieldState.error?.message} />
              )}
            />
          )}
          <DateField control={control} name="date" label="Date of service" required />
          <Controller
            control={control}
            name="timeKind"
            render={({ field }) => (
              <Stack gap={4}>
                <Input.Label id={timeLabel} component="div">
                  Time
                </Input.Label>
                <SegmentedControl
                  aria-labelledby={timeLabel}
                  value={field.value}
                  onChange={(v) => field.onChange(v)}
                  data={[
                    { value: 'clock', label: 'Start and end times' },
                    { value: 'minutes', label: 'Minutes only' },
                  ]}
                  w="fit-content"
                />
              </Stack>
            )}
          />
          {values.timeKind === 'clock' ? (
            <>
              {/* The checkbox sits beside the times, and a time problem is said under the whole row, so the
                  message appearing when she leaves the end time does not move the checkbox she is reaching for. */}
              <Group gap="md" align="flex-start" wrap="wrap">
                <Controller
                  control={control}
                  name="startTime"
                  render={({ field, fieldState }) => (
                    <TextInput type="time" label="Start time" withAsterisk w={150} {...field} error={Boolean(fieldState.error)} aria-describedby={timeMessage ? timeMessageId : undefined} />
                  )}
                />
                <Controller
                  control={control}
                  name="endTime"
                  render={({ field, fieldState }) => (
                    <TextInput type="time" label="End time" withAsterisk w={150} {...field} error={Boolean(fieldState.error)} aria-describedby={timeMessage ? timeMessageId : undefined} />
                  )}
                />
                <Controller
                  control={control}
                  name="endsNextDay"
                  render={({ field }) => (
                    <Checkbox
                      mt={32}
                      label="Ended after midnight"
                      description={values.group ? 'A group session is entered one day at a time.' : 'The end time is the next day'}
                      checked={field.value}
                      onChange={(e) => field.onChange(e.currentTarget.checked)}
                      onBlur={field.onBlur}
                      disabled={values.group}
                    />
                  )}
                />
              </Group>
              {timeMessage ? (
                <Text id={timeMessageId} fz="sm" c="var(--mantine-color-error)" mt={-4}>
                  {timeMessage}
                </Text>
              ) : null}
            </>
          ) : (
            <Controller
              control={control}
              name="minutes"
              render={({ field, fieldState }) => (
                <NumberInput label="Minutes of service" withAsterisk w={170} min={1} max={1440} allowDecimal={false} allowNegative={false} value={field.value ?? ''} onChange={(v) => field.onChange(number(v))} onBlur={field.onBlur} error={fieldState.error?.message} />
              )}
            />
          )}
        </Stack>
      </Part>

      <Part legend="What happened">
        <Stack gap="sm">
          <Controller
            control={control}
            name="activity"
            render={({ field, fieldState }) => (
              <Select label="Activity" withAsterisk placeholder="Choose the activity" data={ACTIVITY_OPTIONS} value={field.value} onChange={(v) => field.onChange(v)} onBlur={field.onBlur} allowDeselect={false} error={fieldState.error?.message} maw={360} />
            )}
          />
          <Group gap="md" align="flex-start" grow>
            <Controller
              control={control}
              name="contactMode"
              render={({ field }) => <Select label="Contact mode" withAsterisk data={CONTACT_MODE_OPTIONS} value={field.value} onChange={(v) => v && field.onChange(v)} allowDeselect={false} />}
            />
            <Controller
              control={control}
              name="contactType"
              render={({ field }) => <Select label="Contact type" withAsterisk data={CONTACT_TYPE_OPTIONS.map((o) => ({ ...o }))} value={field.value} onChange={(v) => v && field.onChange(v)} allowDeselect={false} />}
            />
          </Group>
          <Controller
            control={control}
            name="placeOfService"
            render={({ field, fieldState }) => (
              <Select
                label="Place of service"
                withAsterisk
                searchable
                placeholder="Type a code or a place"
                data={withValue(PLACE_OPTIONS, field.value, placeLabel)}
                value={field.value}
                onChange={(v) => field.onChange(v)}
                onBlur={field.onBlur}
                allowDeselect={false}
                error={fieldState.error?.message}
              />
            )}
          />
          <TextInput label="Persons present" description="For example: student, mother, teacher" {...register('personsPresent')} />
        </Stack>
      </Part>

      <Part legend="Program and billing">
        <Stack gap="sm">
          <Group gap="md" align="flex-start" grow>
            <Controller
              control={control}
              name="program"
              render={({ field, fieldState }) => (
                <Select
                  label="Program"
                  withAsterisk
                  placeholder={values.group || facts ? 'Choose the program' : 'Choose the student first'}
                  data={withValue(programs, field.value, (v) => v)}
                  value={field.value}
                  onChange={(v) => {
                    field.onChange(v);
                    // The funding stream follows the program; she can still claim it elsewhere.
                    setValue('fundingStream', defaultStream(v), { shouldDirty: true });
                    setValue('authorizationId', null);
                  }}
                  onBlur={field.onBlur}
                  allowDeselect={false}
                  error={fieldState.error?.message}
                />
              )}
            />
            <Controller
              control={control}
              name="fundingStream"
              render={({ field, fieldState }) => (
                <Select label="Funding stream" withAsterisk data={FUNDING_OPTIONS} value={field.value} onChange={(v) => field.onChange(v)} onBlur={field.onBlur} allowDeselect={false} error={fieldState.error?.message} />
              )}
            />
          </Group>
          {values.group ? (
            <Text fz="sm" c="dimmed">
              Plan goals and prior authorizations belong to each student: the rules pick each student’s authorization.
            </Text>
          ) : (
            <>
              <Controller
                control={control}
                name="goalId"
                render={({ field }) => (
                  <Select label="Plan goal addressed" placeholder={facts && facts.goals.length === 0 ? 'No open plan goals' : 'None'} clearable data={facts?.goals ?? []} value={field.value} onChange={(v) => field.onChange(v)} />
                )}
              />
              <Controller
                control={control}
                name="authorizationId"
                render={({ field, fieldState }) => (
                  <Select
                    label="Prior authorization"
                    description="Left empty, the rules pick the one that covers this date and code."
                    placeholder={authorizations.length ? 'Let the rules choose' : 'None on file for this program'}
                    clearable
                    data={authorizations.map((a) => ({ value: a.id, label: authorizationLabel(a) }))}
                    value={field.value}
                    onChange={(v) => field.onChange(v)}
                    error={fieldState.error?.message}
                  />
                )}
              />
            </>
          )}
          <Group gap="md" align="flex-start" grow>
            <Controller
              control={control}
              name="travelMinutes"
              render={({ field, fieldState }) => (
                <NumberInput label="Travel minutes" description="Kept separately from the service" min={0} max={1440} allowDecimal={false} allowNegative={false} value={field.value} onChange={(v) => field.onChange(number(v) ?? 0)} onBlur={field.onBlur} error={fieldState.error?.message} />
              )}
            />
            <Controller
              control={control}
              name="documentationMinutes"
              render={({ field, fieldState }) => (
                <NumberInput label="Documentation minutes" description="Kept separately from the service" min={0} max={1440} allowDecimal={false} allowNegative={false} value={field.value} onChange={(v) => field.onChange(number(v) ?? 0)} onBlur={field.onBlur} error={fieldState.error?.message} />
              )}
            />
          </Group>
        </Stack>
      </Part>

      <Part legend="The note">
        <Stack gap="sm">
          <Controller
            control={control}
            name="narrative"
            render={({ field, fieldState }) => (
              <Textarea label="Narrative" description="What happened. Needed to sign: this is the case note." autosize minRows={4} maxRows={14} {...field} error={fieldState.error?.message} />
            )}
          />
          <Textarea label="Follow-up" description="What happens next, and who does it" autosize minRows={2} maxRows={6} {...register('followUp')} />
        </Stack>
      </Part>
    </Stack>
  );
}
