/** Writing a case note, or finishing a draft: date, record type, text; save as a draft or sign and lock it. */
import { Button, Group, Kbd, Radio, Stack, Text, Textarea } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { saveNoteInput } from '../../../../electron/shared/schemas/notes.ts';
import { call, type ApiError } from '../../lib/api.ts';
import { placeError } from '../../lib/forms.ts';
import { plainResolver } from '../../lib/resolver.ts';
import { todayIso } from './format.ts';
import { confirmDiscard, DateField, ErrorAlert, isMissingSignerName } from './kit.tsx';
import { useDirtyReport, useRecord } from './record-context.ts';

const noteForm = saveNoteInput.pick({ occurredOn: true, regime: true, body: true });
type NoteValues = { occurredOn: string; regime: 'pupil' | 'county'; body: string };
const FIELDS = ['occurredOn', 'regime', 'body'] as const;

export interface Draft extends NoteValues {
  id: string;
}

export function NoteForm({ draft, onDone }: { draft?: Draft; onDone?: () => void }) {
  const { record, studentId, changed } = useRecord();
  // CLTS and CCS work belongs in the county's case record; school social work in the pupil record.
  const countyProgram = record.enrollments.some((e) => e.status !== 'closed' && (e.program === 'CLTS' || e.program === 'CCS'));
  const fresh = (): NoteValues => ({ occurredOn: todayIso(), regime: countyProgram ? 'county' : 'pupil', body: '' });
  const [draftId, setDraftId] = useState(draft?.id);
  const [failure, setFailure] = useState<{ error: ApiError; keptAsDraft: boolean } | null>(null);
  const { register, control, handleSubmit, reset, setError, setValue, getFieldState, formState } = useForm<NoteValues>({
    resolver: plainResolver(noteForm),
    mode: 'onTouched',
    defaultValues: draft ? { occurredOn: draft.occurredOn, regime: draft.regime, body: draft.body } : fresh(),
  });
  useDirtyReport(formState.isDirty);
  // The form stays mounted across tabs: when a CLTS/CCS enrollment is added or closed, follow it
  // unless she has already chosen a record type herself.
  useEffect(() => {
    if (!draft && !getFieldState('regime').isDirty) setValue('regime', countyProgram ? 'county' : 'pupil');
  }, [countyProgram, draft, getFieldState, setValue]);

  const finish = async (message: string) => {
    if (onDone) onDone();
    else {
      reset(fresh());
      setDraftId(undefined);
    }
    await changed(message);
  };

  const save = (sign: boolean) =>
    handleSubmit(async (values) => {
      setFailure(null);
      const input = { ...(draftId ? { id: draftId } : {}), studentId, ...values, sign };
      const result = await call('notes:save', input);
      if (result.ok) return finish(sign ? 'Note signed and locked.' : 'Draft saved.');
      if (sign && isMissingSignerName(result.error)) {
        // Keep her words: save them as a draft she can sign once her name is set.
        const kept = await call('notes:save', { ...input, sign: false });
        if (kept.ok) {
          if (draftId) reset(values);
          else reset(fresh());
          setFailure({ error: result.error, keptAsDraft: true });
          await changed('Saved as a draft.');
          return;
        }
      }
      const error = placeError(result.error, setError, FIELDS);
      if (error) setFailure({ error, keptAsDraft: false });
    })();
  const saveDraft = () => void save(false);
  const sign = () => void save(true);
  const cancel = () => {
    if (onDone && confirmDiscard(formState.isDirty)) onDone();
  };
  const keys = getHotkeyHandler([
    ['mod+S', saveDraft],
    ['mod+Enter', sign],
  ]);

  return (
    <form
      noValidate
      aria-label={draft ? 'Edit draft note' : 'Write a note'}
      onSubmit={(e) => {
        e.preventDefault();
        saveDraft();
      }}
      onKeyDown={(e) => {
        if (onDone && e.key === 'Escape') {
          e.preventDefault();
          cancel();
        } else keys(e);
      }}
    >
      <Stack gap="sm">
        <DateField control={control} name="occurredOn" label="Date" required />
        <Controller
          control={control}
          name="regime"
          render={({ field, fieldState }) => (
            <Radio.Group label="Record type" withAsterisk value={field.value} onChange={(v) => field.onChange(v)} error={fieldState.error?.message}>
              <Group gap="xl" mt={4}>
                <Radio value="county" label="County case record" description="CLTS / CCS case notes" />
                <Radio value="pupil" label="District pupil record" description="School social work notes" />
              </Group>
            </Radio.Group>
          )}
        />
        <Textarea
          label="Note"
          withAsterisk
          autosize
          minRows={4}
          maxRows={18}
          autoFocus={Boolean(draft)}
          error={formState.errors.body?.message}
          {...register('body')}
        />
        {failure ? (
          <ErrorAlert error={failure.error} title={failure.keptAsDraft ? 'Saved as a draft, not signed' : 'The note was not saved'}>
            {failure.keptAsDraft ? <Text fz="sm">Your note is kept as a draft below. Sign it once your name is set.</Text> : null}
          </ErrorAlert>
        ) : null}
        <Group gap="sm">
          <Button type="submit" variant="default" loading={formState.isSubmitting}>
            Save draft
          </Button>
          <Button type="button" onClick={sign} loading={formState.isSubmitting}>
            Sign and save
          </Button>
          {onDone ? (
            <Button type="button" variant="subtle" onClick={cancel}>
              Cancel
            </Button>
          ) : null}
          <Text fz="xs" c="dimmed">
            <Kbd size="xs">Ctrl+S</Kbd> saves a draft · <Kbd size="xs">Ctrl+Enter</Kbd> signs. Signing locks the note; corrections are added as dated addenda.
          </Text>
        </Group>
      </Stack>
    </form>
  );
}
