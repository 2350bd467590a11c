/** Small building blocks shared by the student record's sections and forms. */
import { Alert, Button, Checkbox, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { useState, type KeyboardEvent, type ReactNode } from 'react';
import { Controller, type Control, type FieldValues, type Path } from 'react-hook-form';
import type { Result } from '../../../../electron/shared/errors.ts';
import type { ApiError } from '../../lib/api.ts';
import { useRecord } from './record-context.ts';

/** A date field (value YYYY-MM-DD); an optional one is null when left empty. */
export function DateField<T extends FieldValues>(props: { control: Control<T>; name: Path<T>; label: string; required?: boolean; description?: string }) {
  return (
    <Controller
      control={props.control}
      name={props.name}
      render={({ field, fieldState }) => (
        <TextInput
          type="date"
          label={props.label}
          withAsterisk={props.required}
          description={props.description}
          maw={240}
          value={(field.value as string | null | undefined) ?? ''}
          onChange={(e) => {
            const v = e.currentTarget.value;
            field.onChange(v === '' && !props.required ? null : v);
          }}
          onBlur={field.onBlur}
          name={field.name}
          ref={field.ref}
          error={fieldState.error?.message}
        />
      )}
    />
  );
}

/** A yes/no checkbox bound to a boolean form value. */
export function CheckField<T extends FieldValues>(props: { control: Control<T>; name: Path<T>; label: string; description?: string }) {
  return (
    <Controller
      control={props.control}
      name={props.name}
      render={({ field, fieldState }) => (
        <Checkbox
          label={props.label}
          description={props.description}
          checked={Boolean(field.value)}
          onChange={(e) => field.onChange(e.currentTarget.checked)}
          onBlur={field.onBlur}
          name={field.name}
          ref={field.ref}
          error={fieldState.error?.message}
        />
      )}
    />
  );
}

/** The worker's name is the signature: when it is missing the service says so and Settings is one click away. */
export function isMissingSignerName(error: ApiError): boolean {
  return error.code === 'NOT_ALLOWED' && /Settings/.test(error.message);
}

/** An API error that is not about one field, said plainly, with a way to Settings when that is the fix. */
export function ErrorAlert({ error, title, children }: { error: ApiError | null; title: string; children?: ReactNode }) {
  const { go } = useRecord();
  if (!error) return null;
  return (
    <Alert color="red" role="alert" title={title}>
      <Stack gap="xs" align="flex-start">
        <Text fz="sm">{error.message}</Text>
        {children}
        {isMissingSignerName(error) ? (
          <Button size="xs" variant="default" onClick={() => go({ area: 'settings' })}>
            Open Settings to add your name
          </Button>
        ) : null}
      </Stack>
    </Alert>
  );
}

/** Moves an API error's field from the call's shape ("contact.firstName") to the form's ("firstName"). */
export function unprefix(error: ApiError, prefix: string): ApiError {
  return error.field?.startsWith(prefix) ? { ...error, field: error.field.slice(prefix.length) } : error;
}

/** Asks before throwing away typed changes. */
export function confirmDiscard(dirty: boolean): boolean {
  return !dirty || window.confirm('Discard your unsaved changes?');
}

/** Keyboard for a form: Ctrl+S saves; Esc cancels (unless a dropdown inside is open and Esc is closing it). */
export function formKeys(save: () => void, cancel?: () => void) {
  const hotkeys = getHotkeyHandler([['mod+S', save]]);
  return (e: KeyboardEvent<HTMLElement>) => {
    if (cancel && e.key === 'Escape' && (e.target as HTMLElement).getAttribute('aria-expanded') !== 'true') {
      e.preventDefault();
      cancel();
      return;
    }
    hotkeys(e);
  };
}

/** Submit and Cancel under a form, with the keyboard hint. */
export function FormActions({ submitLabel, submitting, onCancel }: { submitLabel: string; submitting: boolean; onCancel?: () => void }) {
  return (
    <Group gap="sm">
      <Button type="submit" loading={submitting}>
        {submitLabel}
      </Button>
      {onCancel ? (
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
      ) : null}
      <Text fz="xs" c="dimmed">
        Ctrl+S saves{onCancel ? ' · Esc cancels' : ''}
      </Text>
    </Group>
  );
}

/** A titled part of a tab, with room for an action on the right. */
export function Section({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  return (
    <Stack gap="xs" component="section" aria-label={title}>
      <Group justify="space-between" wrap="nowrap" mih={30}>
        <Title order={2} fz="md">
          {title}
        </Title>
        {actions ? <Group gap="xs">{actions}</Group> : null}
      </Group>
      {children}
    </Stack>
  );
}

/** An empty state that says what to do next. */
export function Empty({ children }: { children: ReactNode }) {
  return (
    <Text fz="sm" c="dimmed">
      {children}
    </Text>
  );
}

/** A one-click change (mark a goal met, remove a team member): busy state, the error if any, and the reload afterwards. */
export function useAction() {
  const { changed } = useRecord();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  async function run(key: string, work: () => Promise<Result<unknown>>, message: string): Promise<boolean> {
    setBusy(key);
    setError(null);
    const result = await work();
    setBusy(null);
    if (!result.ok) {
      setError(result.error);
      return false;
    }
    await changed(message);
    return true;
  }
  return { run, busy, error };
}
