/**
 * Logging a service: the entry on the left, the live units-and-billing panel
 * on the right. Save a draft, sign it (which locks it), or discard a draft;
 * after signing the form is ready for the next entry with the same student.
 */
import { Box, Button, Grid, Group, Kbd, Stack, Text, Title } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { EntryFields } from '../../../../electron/shared/schemas/services.ts';
import { call, type ApiError } from '../../lib/api.ts';
import { plainResolver } from '../../lib/resolver.ts';
import { useCall } from '../../lib/use-call.ts';
import { confirmDiscard, isMissingSignerName } from '../student/kit.tsx';
import { entryForm, freshValues, stillNeeded, timeProblemOf, templateFieldsOf, toEntryFields, valuesFromFields, applyTemplate, type EntryValues } from './entry-model.ts';
import { EntryFields as Fields } from './EntryFields.tsx';
import { announceServicesChanged } from './events.ts';
import { ServiceError } from './kit.tsx';
import { PreviewPanel } from './PreviewPanel.tsx';
import { saveEntry, signedMessage, type Outcome } from './save-entry.ts';
import { TemplateBar } from './TemplateBar.tsx';
import { useEntryPreview, type PreviewRequest } from './use-entry-preview.ts';
import { programOptions, useStudentFacts } from './use-student-facts.ts';
import { defaultStream, showDate } from './labels.ts';

export interface ServiceEntryFormProps {
  /** The student to start with (the record she is on). */
  studentId?: string | null;
  /** A draft to finish. */
  draft?: { id: string; fields: EntryFields };
  /** Shows a Close button and lets Esc close (asking first when something is typed). */
  onClose?(): void;
  onDirtyChange?(dirty: boolean): void;
  /** Called before the form sends her to Settings (a window closes first). */
  beforeLeaving?(): void;
  /** In the Ctrl+N window, whose title already says "Log a service". */
  inDialog?: boolean;
}

/** Her usual place of service, when no entry says otherwise: she is a school social worker. */
const USUAL_PLACE = '03';

export function ServiceEntryForm({ studentId: initialStudent = null, draft, onClose, onDirtyChange, beforeLeaving, inDialog }: ServiceEntryFormProps) {
  const [draftId, setDraftId] = useState(draft?.id);
  const [failure, setFailure] = useState<{ error: ApiError; title: string } | null>(null);
  const [notice, setNotice] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState<'draft' | 'sign' | 'discard' | 'repeat' | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const top = useRef<HTMLDivElement>(null);
  const usualPlace = useRef(USUAL_PLACE);
  const [caseload] = useCall('caseload:list', { status: null, schoolId: null, grade: null, program: null });
  const rows = useMemo(() => (caseload.state === 'ready' ? caseload.value.rows : []), [caseload]);

  const form = useForm<EntryValues>({
    resolver: plainResolver(entryForm),
    mode: 'onTouched',
    defaultValues: draft ? valuesFromFields(draft.fields) : freshValues(initialStudent, null),
  });
  const { control, register, handleSubmit, reset, resetField, setValue, getValues, getFieldState, setError, formState } = form;
  const values = useWatch({ control }) as EntryValues;
  const facts = useStudentFacts(values.group ? null : values.studentId);

  useEffect(() => onDirtyChange?.(formState.isDirty), [formState.isDirty, onDirtyChange]);

  // Her usual place of service is the one she used last; a new entry starts there. Starting values
  // arrive after the form opens, so they become the fields' defaults (not changes she made).
  useEffect(() => {
    if (draft) return;
    let live = true;
    if (!getValues('placeOfService')) resetField('placeOfService', { defaultValue: USUAL_PLACE });
    void call('services:last', { studentId: null }).then((r) => {
      if (!live || !r.ok || !r.value.fields) return;
      usualPlace.current = r.value.fields.placeOfService;
      if (!getFieldState('placeOfService').isDirty) resetField('placeOfService', { defaultValue: usualPlace.current });
    });
    return () => {
      live = false;
    };
  }, [draft, getValues, getFieldState, resetField]);

  // When another student's programs arrive, the program follows the student (CLTS/CCS first) unless
  // she chose one herself; a goal or authorization of the student chosen before is dropped.
  const programsOf = useRef<string | null>(draft ? draft.fields.studentId : null);
  useEffect(() => {
    if (!facts) return;
    const v = getValues();
    if (programsOf.current !== facts.studentId) {
      programsOf.current = facts.studentId;
      const first = facts.programs[0]?.value ?? null;
      if (first && (!v.program || !getFieldState('program').isDirty)) {
        resetField('program', { defaultValue: first });
        resetField('fundingStream', { defaultValue: defaultStream(first) });
      }
    }
    if (v.goalId && !facts.goals.some((g) => g.value === v.goalId)) setValue('goalId', null);
    if (v.authorizationId && !facts.authorizations.some((a) => a.id === v.authorizationId)) setValue('authorizationId', null);
  }, [facts, getValues, getFieldState, resetField, setValue]);

  const groupPrograms = useMemo(() => {
    const picked = rows.filter((r) => values.studentIds.includes(r.id));
    return programOptions(picked.flatMap((r) => r.programs.map((program) => ({ program, status: 'active' as const })))).map((o) => ({ ...o, label: o.label.replace(' · active', '') }));
  }, [rows, values.studentIds]);

  const request = useMemo<PreviewRequest | null>(() => {
    if (values.group) {
      const fields = toEntryFields(values, values.studentIds[0] ?? null);
      if (!fields || values.studentIds.length < 2) return null;
      const names = new Map(rows.map((r) => [r.id, r.name]));
      return { kind: 'group', fields, students: values.studentIds.map((id) => ({ id, name: names.get(id) ?? 'Student' })) };
    }
    const fields = toEntryFields(values, values.studentId);
    return fields ? { kind: 'single', ...(draftId ? { id: draftId } : {}), fields } : null;
  }, [values, rows, draftId]);
  const live = useEntryPreview(request);

  const startNext = (keep: EntryValues) => {
    if (keep.placeOfService) usualPlace.current = keep.placeOfService;
    reset({ ...freshValues(keep.group ? null : keep.studentId, usualPlace.current), group: keep.group, studentIds: keep.group ? keep.studentIds : [], program: keep.program, fundingStream: keep.fundingStream });
    setDraftId(undefined);
    // Ready for the next entry: back to the top, where the confirmation is, with the focus on the first thing to change.
    requestAnimationFrame(() => {
      const first = heading.current ?? top.current?.closest('form')?.querySelector<HTMLInputElement>('input[name="date"]');
      first?.focus({ preventScroll: true });
      top.current?.scrollIntoView({ block: 'start' });
    });
  };

  const submit = (sign: boolean) =>
    handleSubmit(async (v) => {
      setFailure(null);
      setNotice(null);
      if (sign && !v.narrative.trim()) {
        setError('narrative', { type: 'sign', message: 'Write what happened before signing: the narrative is the case note.' }, { shouldFocus: true });
        return;
      }
      setBusy(sign ? 'sign' : 'draft');
      const outcome = await saveEntry(v, draftId, sign);
      setBusy(null);
      if (!outcome.ok) {
        if (outcome.field) setError(outcome.field, { type: 'server', message: outcome.error.message }, { shouldFocus: true });
        else setFailure({ error: outcome.error, title: sign ? 'The entry was not signed' : 'The draft was not saved' });
        if (outcome.keptAsDraft) {
          setDraftId(outcome.keptAsDraft);
          reset(v);
          announceServicesChanged();
        }
        return;
      }
      announceServicesChanged();
      if (sign || v.group) {
        setNotice(sign ? await signedMessage(outcome.ids, outcome.months, v.group) : { tone: 'good', text: `Saved ${outcome.ids.length} draft entries, one for each student.` });
        startNext(v);
      } else {
        setDraftId(outcome.ids[0]);
        reset(v);
        setNotice({ tone: 'good', text: outcome.split ? 'Saved as two drafts, one for each day.' : 'Draft saved. Sign it when it is ready.' });
        if (outcome.split) startNext(v);
      }
    })();

  const saveDraft = () => void submit(false);
  const sign = () => void submit(true);
  const close = () => onClose && confirmDiscard(formState.isDirty) && onClose();

  async function discard() {
    if (!draftId || !window.confirm('Discard this draft? It will be deleted.')) return;
    setBusy('discard');
    const result = await call('services:discardDraft', { id: draftId });
    setBusy(null);
    if (!result.ok) return setFailure({ error: result.error, title: 'The draft was not discarded' });
    announceServicesChanged();
    startNext(getValues());
    setNotice({ tone: 'good', text: 'Draft discarded.' });
  }

  async function repeatLast() {
    const v = getValues();
    setBusy('repeat');
    const result = await call('services:last', { studentId: v.studentId });
    setBusy(null);
    if (!result.ok) return setFailure({ error: result.error, title: 'The last entry could not be loaded' });
    if (!result.value.fields) return setNotice({ tone: 'plain', text: v.studentId ? 'No earlier entry for this student to repeat.' : 'No earlier entry to repeat yet.' });
    // A new entry for today. The narrative is not copied: each entry's note is written for that service.
    // The authorization is left to the rules again: the one used last time may have run out.
    const last = valuesFromFields(result.value.fields);
    reset({ ...last, date: freshValues(null, null).date, authorizationId: null, narrative: '', followUp: '' }, { keepDefaultValues: true });
    setNotice({ tone: 'plain', text: `Filled in from the entry of ${showDate(result.value.fields.date)}, dated today. Write what happened this time.` });
  }

  const keys = getHotkeyHandler([
    ['mod+S', saveDraft],
    ['mod+Enter', sign],
  ]);
  const title = draftId ? `Draft of ${showDate(values.date)}` : 'Log a service';

  return (
    <Box
      onKeyDown={(e) => {
        const target = e.target as HTMLElement;
        if (onClose && e.key === 'Escape' && target.getAttribute('aria-expanded') !== 'true') {
          e.preventDefault();
          close();
        } else keys(e);
      }}
    >
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <form noValidate aria-label={title} onSubmit={(e) => (e.preventDefault(), saveDraft())}>
            {/* The margin keeps the confirmation clear of the window's title bar when scrolled back to. */}
            <Stack gap="md" ref={top} style={{ scrollMarginTop: 96 }}>
              {inDialog ? null : (
                <Title order={2} fz="lg" ref={heading} tabIndex={-1}>
                  {title}
                </Title>
              )}
              {/* Always present, so a screen reader hears each new confirmation. */}
              <Text fz="sm" fw={600} c={notice?.tone === 'good' ? '#1e6b30' : notice?.tone === 'bad' ? 'red.9' : undefined} role="status" aria-live="polite" mb={notice ? 0 : -16}>
                {notice?.text ?? ''}
              </Text>
              {draftId ? null : (
                <TemplateBar
                  canRepeat={!values.group}
                  repeating={busy === 'repeat'}
                  onRepeatLast={() => void repeatLast()}
                  onApply={(t) => reset(applyTemplate(getValues(), t.fields), { keepDefaultValues: true })}
                  templateFields={() => {
                    const v = getValues();
                    return v.activity || v.placeOfService ? templateFieldsOf(v) : null;
                  }}
                />
              )}
              <Fields
                control={control}
                register={register}
                setValue={setValue}
                values={values}
                rows={rows}
                caseloadLoading={caseload.state === 'loading'}
                facts={facts}
                groupPrograms={groupPrograms}
                canGroup={!draftId}
              />
              <ServiceError error={failure?.error ?? null} title={failure?.title ?? ''} beforeLeaving={beforeLeaving}>
                {failure && isMissingSignerName(failure.error) && draftId ? <Text fz="sm">Your entry is kept as a draft. Sign it once your name is set.</Text> : null}
              </ServiceError>
              <Group gap="sm">
                <Button type="button" onClick={sign} loading={busy === 'sign'} disabled={busy !== null && busy !== 'sign'}>
                  Sign
                </Button>
                <Button type="submit" variant="default" loading={busy === 'draft'} disabled={busy !== null && busy !== 'draft'}>
                  Save draft
                </Button>
                {draftId ? (
                  <Button type="button" variant="subtle" color="red" onClick={() => void discard()} loading={busy === 'discard'}>
                    Discard draft
                  </Button>
                ) : null}
                {onClose ? (
                  <Button type="button" variant="subtle" onClick={close}>
                    Close
                  </Button>
                ) : null}
              </Group>
              <Text fz="xs" c="dimmed">
                <Kbd size="xs">Ctrl+Enter</Kbd> signs · <Kbd size="xs">Ctrl+S</Kbd> saves a draft{onClose ? <> · <Kbd size="xs">Esc</Kbd> closes</> : null}. Signing locks
                the entry; a mistake is fixed with a signed correction.
              </Text>
            </Stack>
          </form>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <PreviewPanel needed={stillNeeded(values)} timeProblem={timeProblemOf(values)} answer={live.answer} error={live.error} pending={live.pending} />
        </Grid.Col>
      </Grid>
    </Box>
  );
}
