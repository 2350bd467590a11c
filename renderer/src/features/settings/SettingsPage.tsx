import { Alert, Button, Group, NumberInput, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { Controller, useForm, type Control } from 'react-hook-form';
import { settingsSchema, type Settings } from '../../../../electron/shared/schemas/settings.ts';
import { call, type ApiError } from '../../lib/api.ts';
import { placeError } from '../../lib/forms.ts';
import { plainResolver } from '../../lib/resolver.ts';
import { BillingProfiles } from './BillingProfiles.tsx';
import { ChangePassphrase } from './ChangePassphrase.tsx';

const FIELDS = ['autoLockMinutes', 'organizationName', 'organizationAddress', 'workerName', 'districtName', 'countyName', 'workerProviderId', 'planReviewMonths', 'releaseExpiringDays'] as const;

export function SettingsPage({ settings, location, onSaved }: { settings: Settings; location: string; onSaved(s: Settings): void }) {
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const { register, control, handleSubmit, reset, setError, formState } = useForm<Settings>({
    resolver: plainResolver(settingsSchema),
    defaultValues: settings,
    mode: 'onTouched',
  });
  useEffect(() => reset(settings), [settings, reset]);

  const save = handleSubmit(async (values) => {
    setFailure(null);
    const result = await call('settings:set', values);
    if (!result.ok) return setFailure(placeError(result.error, setError, FIELDS));
    reset(result.value);
    setSavedAt(new Date());
    onSaved(result.value);
  });
  useHotkeys([['mod+S', () => void save()]], [], false);

  return (
    <Stack gap="lg" maw={640}>
      <Paper withBorder p="lg" radius="md">
        <form onSubmit={save} noValidate aria-labelledby="general-heading">
          <Stack gap="md">
            <Title order={2} fz="lg" id="general-heading">
              General
            </Title>
            <WholeNumberField
              control={control}
              name="autoLockMinutes"
              label="Lock after (minutes)"
              description="Minutes without keyboard or mouse. Liaison also locks when the computer sleeps or the screen locks."
              min={1}
              max={240}
            />
            <WholeNumberField
              control={control}
              name="planReviewMonths"
              label="Months between plan reviews"
              description="CLTS ISP and CCS service plan reviews are due this long after the plan or its last review (county practice; 6 is usual)."
              min={1}
              max={24}
            />
            <TextInput
              label="District or county name"
              description="Printed as the letterhead on documents."
              error={formState.errors.organizationName?.message}
              {...register('organizationName')}
            />
            <Textarea
              label="Office address"
              description="Printed on releases: where a parent sends a written revocation."
              autosize
              minRows={2}
              error={formState.errors.organizationAddress?.message}
              {...register('organizationAddress')}
            />
            <WholeNumberField
              control={control}
              name="releaseExpiringDays"
              label="Warn this many days before a release expires"
              description="Releases show as expiring, and appear on Home, from this many days before their end date."
              min={1}
              max={180}
            />
            <TextInput
              label="Your name"
              description="Your signature on case notes, and printed under your signature line on documents."
              autoComplete="name"
              error={formState.errors.workerName?.message}
              {...register('workerName')}
            />
            <TextInput
              label="School district’s name"
              description="Named on releases the district gives, e.g. “Whitehall School District”."
              error={formState.errors.districtName?.message}
              {...register('districtName')}
            />
            <TextInput
              label="County human services agency’s name"
              description="Named on releases the county gives, and as the recipient of the monthly billing file."
              error={formState.errors.countyName?.message}
              {...register('countyName')}
            />
            <TextInput
              label="Your rendering provider ID"
              description="Your Medicaid provider ID or NPI, when the county’s billing file asks for it."
              maw={280}
              error={formState.errors.workerProviderId?.message}
              {...register('workerProviderId')}
            />
            {failure ? (
              <Alert color="red" role="alert" title="Settings were not saved">
                {failure.message}
              </Alert>
            ) : null}
            <Group>
              <Button type="submit" loading={formState.isSubmitting} disabled={!formState.isDirty}>
                Save settings
              </Button>
              <Text fz="sm" c="dimmed" aria-live="polite">
                {formState.isDirty ? 'Unsaved changes (Ctrl+S saves)' : savedAt ? 'Saved.' : ''}
              </Text>
            </Group>
          </Stack>
        </form>
      </Paper>
      <BillingProfiles />
      <ChangePassphrase />
      <Paper withBorder p="lg" radius="md">
        <Stack gap={4}>
          <Title order={2} fz="lg">
            Where your records are
          </Title>
          <Text fz="sm">Everything is in one encrypted vault in this folder. Back up the whole folder.</Text>
          <Text fz="sm" ff="monospace" c="dimmed" style={{ wordBreak: 'break-all' }}>
            {location}
          </Text>
        </Stack>
      </Paper>
    </Stack>
  );
}

/** A whole-number setting; an emptied box is NaN so the schema names the problem instead of saving 0. */
function WholeNumberField(props: { control: Control<Settings>; name: 'autoLockMinutes' | 'planReviewMonths' | 'releaseExpiringDays'; label: string; description: string; min: number; max: number }) {
  return (
    <Controller
      control={props.control}
      name={props.name}
      render={({ field, fieldState }) => (
        <NumberInput
          label={props.label}
          description={props.description}
          min={props.min}
          max={props.max}
          allowDecimal={false}
          maw={480}
          value={field.value}
          onChange={(v) => field.onChange(typeof v === 'number' ? v : Number.NaN)}
          onBlur={field.onBlur}
          name={field.name}
          ref={field.ref}
          error={fieldState.error?.message}
        />
      )}
    />
  );
}
