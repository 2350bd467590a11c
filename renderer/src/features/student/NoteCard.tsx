/** One case note: a draft (edit or discard) or a signed, locked note with its dated, signed addenda. */
import { Badge, Box, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { addAddendumInput } from '../../../../electron/shared/schemas/notes.ts';
import type { StudentRecord } from '../../../../electron/shared/schemas/record.ts';
import { call, type ApiError } from '../../lib/api.ts';
import { placeError } from '../../lib/forms.ts';
import { plainResolver } from '../../lib/resolver.ts';
import { REGIME_LABEL, showDate, showStamp } from './format.ts';
import { confirmDiscard, ErrorAlert, FormActions, formKeys, useAction } from './kit.tsx';
import { NoteForm } from './NoteForm.tsx';
import { useDirtyReport, useRecord } from './record-context.ts';

type Note = StudentRecord['notes'][number];

function LockIcon() {
  return (
    <svg width={14} height={14} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M7 10V7a5 5 0 0 1 10 0v3h1a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1V11a1 1 0 0 1 1-1h1Zm2 0h6V7a3 3 0 0 0-6 0v3Z" fill="currentColor" />
    </svg>
  );
}

export function NoteCard({ note }: { note: Note }) {
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const action = useAction();
  const when = showDate(note.occurredOn);

  if (editing && !note.signedAt) {
    return (
      <Paper withBorder p="md" component="article" aria-label={`Draft note of ${when}`}>
        <NoteForm draft={{ id: note.id, occurredOn: note.occurredOn, regime: note.regime, body: note.body }} onDone={() => setEditing(false)} />
      </Paper>
    );
  }

  return (
    <Paper withBorder p="md" component="article" aria-label={`Note of ${when}`}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Group gap="xs" wrap="wrap">
          <Text fw={700} fz="sm">
            {when}
          </Text>
          <Badge variant="light" color="gray" tt="none">
            {REGIME_LABEL[note.regime]}
          </Badge>
          {note.signedAt ? (
            <Group gap={4} wrap="nowrap" c="dimmed">
              <LockIcon />
              <Text fz="xs" c="dimmed">
                Signed by {note.signedBy} on {showStamp(note.signedAt)}
              </Text>
            </Group>
          ) : (
            <Badge color="yellow" variant="light" tt="none">
              Draft
            </Badge>
          )}
        </Group>
        <Group gap={6} wrap="nowrap">
          {note.signedAt ? (
            adding ? null : (
              <Button size="compact-xs" variant="default" onClick={() => setAdding(true)} aria-label={`Add addendum to the note of ${when}`}>
                Add addendum
              </Button>
            )
          ) : (
            <>
              <Button size="compact-xs" variant="default" onClick={() => setEditing(true)} aria-label={`Edit draft of ${when}`}>
                Edit
              </Button>
              <Button
                size="compact-xs"
                variant="default"
                loading={action.busy === note.id}
                aria-label={`Discard draft of ${when}`}
                onClick={() =>
                  window.confirm('Discard this draft? It will be deleted.') &&
                  void action.run(note.id, () => call('notes:discardDraft', { id: note.id }), 'Draft discarded.')
                }
              >
                Discard
              </Button>
            </>
          )}
        </Group>
      </Group>
      <Text fz="sm" mt="xs" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {note.body}
      </Text>
      {note.addenda.length > 0 ? (
        <Stack gap="xs" mt="sm">
          {note.addenda.map((a) => (
            <Box key={a.id} pl="sm" style={{ borderLeft: '3px solid var(--mantine-color-gray-4)' }}>
              <Text fz="xs" fw={600}>
                Addendum · signed by {a.signedBy} on {showStamp(a.signedAt)}
              </Text>
              <Text fz="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {a.body}
              </Text>
            </Box>
          ))}
        </Stack>
      ) : null}
      {adding ? <AddendumForm noteId={note.id} onDone={() => setAdding(false)} /> : null}
      <Box mt={action.error ? 'sm' : 0}>
        <ErrorAlert error={action.error} title="The draft was not discarded" />
      </Box>
    </Paper>
  );
}

function AddendumForm({ noteId, onDone }: { noteId: string; onDone(): void }) {
  const { changed } = useRecord();
  const [failure, setFailure] = useState<ApiError | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<{ body: string }>({
    resolver: plainResolver(addAddendumInput.pick({ body: true })),
    mode: 'onTouched',
    defaultValues: { body: '' },
  });
  useDirtyReport(formState.isDirty);
  const cancel = () => confirmDiscard(formState.isDirty) && onDone();
  const save = handleSubmit(async ({ body }) => {
    setFailure(null);
    const result = await call('notes:addAddendum', { noteId, body });
    if (!result.ok) return setFailure(placeError(result.error, setError, ['body']));
    onDone();
    await changed('Addendum signed and added.');
  });
  return (
    <Box mt="sm" maw={640}>
      <form onSubmit={save} noValidate aria-label="Add an addendum" onKeyDown={formKeys(() => void save(), cancel)}>
        <Stack gap="sm">
          <Textarea
            label="Addendum"
            withAsterisk
            autosize
            minRows={3}
            autoFocus
            description="Dated today and signed with your name. The original note does not change."
            error={formState.errors.body?.message}
            {...register('body')}
          />
          <ErrorAlert error={failure} title="The addendum was not added" />
          <FormActions submitLabel="Sign addendum" submitting={formState.isSubmitting} onCancel={cancel} />
        </Stack>
      </form>
    </Box>
  );
}
