/** One program's billing profile: the form, its save (Ctrl+S inside it) and what the vault holds now. */
import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState, type KeyboardEvent } from 'react';
import { Controller, useForm, type Control } from 'react-hook-form';
import { call, type ApiError } from '../../lib/api.ts';
import { showDate } from '../student/format.ts';
import { ColumnTemplateField } from './BillingProfilesColumns.tsx';
import { CodeFields, EnrollmentFields, FieldGroup, WhatFields } from './BillingProfilesFields.tsx';
import { profileResolver, toProfile, toValues, type Profile, type Program, type ProfileValues, type RuleChoice } from './BillingProfilesModel.tsx';

interface Props {
  initial: Profile;
  rules: readonly RuleChoice[];
  onDirtyChange(program: Program, dirty: boolean): void;
}

export function ProfileForm({ initial, rules, onDirtyChange }: Props) {
  const program = initial.program;
  // What the vault holds: the banner and "Undo changes" go by this, not by the form.
  const [stored, setStored] = useState(initial);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [justSaved, setJustSaved] = useState(false);
  const { control, register, handleSubmit, reset, formState } = useForm<ProfileValues>({
    resolver: profileResolver,
    defaultValues: toValues(initial),
    mode: 'onTouched',
  });
  useEffect(() => onDirtyChange(program, formState.isDirty), [program, formState.isDirty, onDirtyChange]);

  const save = handleSubmit(async (values) => {
    setFailure(null);
    setJustSaved(false);
    const result = await call('billing:saveProfile', { profile: toProfile(values) });
    if (!result.ok) return setFailure(result.error);
    const saved = result.value.profiles.find((p) => p.program === program) ?? toProfile(values);
    setStored(saved);
    reset(toValues(saved));
    setJustSaved(true);
  });

  // Ctrl+S saves this form only: stopping the key here keeps the General section's page-wide Ctrl+S out of it.
  const keys = (e: KeyboardEvent<HTMLFormElement>) => {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 's') {
      e.preventDefault();
      e.stopPropagation();
      if (formState.isDirty) void save();
    }
  };

  const status = formState.isDirty ? 'Unsaved changes (Ctrl+S saves)' : justSaved ? 'Saved.' : '';

  return (
    <form onSubmit={save} onKeyDown={keys} noValidate aria-label={`${program} billing profile`}>
      <Stack gap="lg">
        {stored.reviewedOn === null ? (
          <Alert color="yellow" title="Not yet confirmed with county billing staff">
            These are Liaison’s shipped defaults. Confirm each value with your county’s billing staff; the Billing screen reminds you until a date is entered here.
          </Alert>
        ) : (
          <Text fz="sm">Confirmed with county billing staff on {showDate(stored.reviewedOn)}.</Text>
        )}
        <CodeFields control={control} rules={rules} />
        <WhatFields control={control} />
        <EnrollmentFields control={control} prerequisites={stored.prerequisites} />
        <FieldGroup legend="Columns of the monthly export">
          <Text fz="sm" c="dimmed">
            The county’s billing staff decide the layout of the monthly file. Each row is one column, left to right: the header printed at the top, and what fills it.
          </Text>
          <ColumnTemplateField control={control} register={register} errors={formState.errors} />
        </FieldGroup>
        <FieldGroup legend="Review">
          <ReviewDate control={control} />
        </FieldGroup>
        {failure ? (
          <Alert color="red" role="alert" title={`${program} billing settings were not saved`}>
            {/* The title already says it was not saved; the service's sentence starts by saying so too. */}
            {failure.message.replace(/^The profile was not saved:\s*/, '')}
          </Alert>
        ) : null}
        <Group>
          <Button type="submit" loading={formState.isSubmitting} disabled={!formState.isDirty}>
            Save {program} billing settings
          </Button>
          {formState.isDirty ? (
            <Button
              variant="default"
              onClick={() => {
                setFailure(null);
                reset(toValues(stored));
              }}
            >
              Undo changes
            </Button>
          ) : null}
          <Text fz="sm" c="dimmed" aria-live="polite">
            {status}
          </Text>
        </Group>
      </Stack>
    </form>
  );
}

/** The day county billing staff confirmed the profile (YYYY-MM-DD); empty is null, "not yet". */
function ReviewDate({ control }: { control: Control<ProfileValues> }) {
  return (
    <Controller
      control={control}
      name="reviewedOn"
      render={({ field, fieldState }) => (
        <TextInput
          type="date"
          label="Confirmed with county billing staff on"
          description="Leave empty until they have checked these values."
          maw={340}
          value={field.value ?? ''}
          onChange={(e) => field.onChange(e.currentTarget.value === '' ? null : e.currentTarget.value)}
          onBlur={field.onBlur}
          name={field.name}
          ref={field.ref}
          error={fieldState.error?.message}
        />
      )}
    />
  );
}
