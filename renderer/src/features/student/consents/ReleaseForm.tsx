/** A new release, or a draft being finished: the terms on the left, the live checklist on the right. */
import { Alert, Button, Checkbox, Grid, Group, Kbd, Radio, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useRef, useState } from 'react';
import { Controller, useForm, type Path } from 'react-hook-form';
import { RECORD_CATEGORIES, RECORD_CATEGORY_LABELS, REGIMES, REGIME_LABELS, type RecordCategory, type Regime } from '../../../../../electron/shared/domain/consent/types.ts';
import type { ReleaseDraftFields } from '../../../../../electron/shared/schemas/releases.ts';
import { call, type ApiError } from '../../../lib/api.ts';
import { plainResolver } from '../../../lib/resolver.ts';
import { confirmDiscard, ErrorAlert, formKeys, unprefix } from '../kit.tsx';
import { useDirtyReport, useRecord } from '../record-context.ts';
import { ReleaseChecklist } from './ReleaseChecklist.tsx';
import { RecipientsField } from './RecipientsField.tsx';
import { DISCLOSER_OPTIONS, freshValues, fromDraft, LANGUAGE_LABELS, releaseForm, toDraft, type ReleaseValues } from './release-model.ts';
import { useFocusOnMount } from './use-focus-on-mount.ts';
import { useReleaseCheck } from './use-release-check.ts';

const TOP_FIELDS = ['discloser', 'recipients', 'purpose', 'categories', 'otherDescription', 'endOn', 'endEvent', 'language', 'regimes'];

/** The service names fields as the draft has them ("draft.expiry.on"); the form as it shows them ("endOn"). */
function formField(error: ApiError): string | null {
  const field = unprefix(error, 'draft.').field;
  if (!field) return null;
  if (field === 'expiry.on') return 'endOn';
  if (field === 'expiry.event') return 'endEvent';
  if (TOP_FIELDS.includes(field) || /^recipients\.\d+\.(name|address|description)$/.test(field)) return field;
  return null;
}

interface Props {
  release?: { id: string; formId: string; draft: ReleaseDraftFields };
  onClose(): void;
  onSaved(message: string): Promise<void>;
  onPrinted(id: string, fileName: string): void;
}

export function ReleaseForm({ release, onClose, onSaved, onPrinted }: Props) {
  const { record, studentId } = useRecord();
  const [id, setId] = useState(release?.id);
  const [failure, setFailure] = useState<{ error: ApiError; title: string } | null>(null);
  const [printNote, setPrintNote] = useState<string | null>(null);
  const [busy, setBusy] = useState<'saving' | 'printing' | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const { register, control, handleSubmit, reset, setError, setValue, getValues, watch, formState } = useForm<ReleaseValues>({
    resolver: plainResolver(releaseForm),
    mode: 'onTouched',
    defaultValues: release ? fromDraft(release.draft) : freshValues(record),
  });
  useDirtyReport(formState.isDirty);
  const values = watch();
  const live = useReleaseCheck(studentId, toDraft(values, true));
  const errors = formState.errors;

  async function persist(v: ReleaseValues): Promise<string | null> {
    setFailure(null);
    setPrintNote(null);
    const result = await call('releases:save', { ...(id ? { id } : {}), studentId, draft: toDraft(v) });
    if (!result.ok) {
      const field = formField(result.error);
      if (field) setError(field as Path<ReleaseValues>, { type: 'server', message: result.error.message }, { shouldFocus: true });
      else setFailure({ error: result.error, title: 'The release was not saved' });
      return null;
    }
    setId(result.value.id);
    reset(v);
    return result.value.id;
  }

  const save = handleSubmit(async (v) => {
    setBusy('saving');
    const saved = await persist(v);
    setBusy(null);
    if (saved) await onSaved('Release draft saved.');
  });

  const print = handleSubmit(async (v) => {
    setBusy('printing');
    // Print what is on screen: unsaved changes are saved first.
    const needsSave = formState.isDirty || !id;
    const saved = needsSave ? await persist(v) : id;
    if (!saved) return setBusy(null);
    if (needsSave) await onSaved('Release draft saved.');
    const result = await call('releases:print', { id: saved });
    setBusy(null);
    if (!result.ok) setFailure({ error: result.error, title: 'The release was not printed' });
    else if (result.value.saved && result.value.fileName) onPrinted(saved, result.value.fileName);
    else setPrintNote('Not saved. The release stays a draft; print it when you are ready.');
  });

  const close = () => confirmDiscard(formState.isDirty) && onClose();
  const addRegime = (r: Regime) => {
    setValue('regimes', [...getValues('regimes'), r], { shouldDirty: true });
    // The "Add" button goes away with the suggestion: keep the focus in the form, on the law just added.
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLInputElement>(`input[type="checkbox"][value="${r}"]`)?.focus());
  };

  return (
    // Keys on the wrapper, so Ctrl+S and Esc also work from the checklist beside the form.
    <div onKeyDown={formKeys(() => void save(), close)}>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <form noValidate aria-label={release ? `Edit draft release ${release.formId}` : 'New release'} onSubmit={(e) => void save(e)} ref={formRef}>
            <Stack gap="md">
              <div>
                <Title order={3} fz="md" ref={heading} tabIndex={-1}>
                  {release ? `Edit draft ${release.formId}` : 'New release'}
                </Title>
                <Text fz="sm" c="dimmed">
                  A draft can be saved at any time. Fields marked * are needed before it can be printed for signature.
                </Text>
              </div>
              <Controller
                control={control}
                name="discloser"
                render={({ field, fieldState }) => (
                  <Radio.Group label="Who discloses" withAsterisk value={field.value ?? ''} onChange={(v) => field.onChange(v)} error={fieldState.error?.message}>
                    <Stack gap={10} mt={6}>
                      {DISCLOSER_OPTIONS.map((o) => (
                        <Radio key={o.value} value={o.value} label={o.label} />
                      ))}
                    </Stack>
                  </Radio.Group>
                )}
              />
              <RecipientsField control={control} register={register} errors={errors} />
              <Textarea label="Purpose" withAsterisk description="Why the records are shared, in words the family will understand." autosize minRows={2} maxRows={6} error={errors.purpose?.message} {...register('purpose')} />
              <Controller
                control={control}
                name="categories"
                render={({ field, fieldState }) => (
                  <Checkbox.Group label="Records to share" withAsterisk value={field.value} onChange={(v) => field.onChange(v as RecordCategory[])} error={fieldState.error?.message}>
                    <Stack gap={10} mt={6}>
                      {RECORD_CATEGORIES.map((c) => (
                        <Checkbox key={c} value={c} label={RECORD_CATEGORY_LABELS[c]} />
                      ))}
                    </Stack>
                  </Checkbox.Group>
                )}
              />
              {values.categories.includes('other') ? <TextInput label="Describe the other records" withAsterisk error={errors.otherDescription?.message} {...register('otherDescription')} /> : null}
              <Controller
                control={control}
                name="endKind"
                render={({ field }) => (
                  <Radio.Group label="When it ends" value={field.value} onChange={(v) => field.onChange(v)}>
                    <Group gap="lg" mt={4}>
                      <Radio value="date" label="On a date" />
                      <Radio value="event" label="At an event" />
                      <Radio value="none" label="No end (until revoked)" />
                    </Group>
                  </Radio.Group>
                )}
              />
              {values.endKind === 'date' ? <TextInput type="date" label="Valid through" withAsterisk maw={240} description="The last day it can be used." error={errors.endOn?.message} {...register('endOn')} /> : null}
              {values.endKind === 'event' ? <TextInput label="Event that ends it" withAsterisk description="For example: when the student leaves the district" error={errors.endEvent?.message} {...register('endEvent')} /> : null}
              <Controller
                control={control}
                name="language"
                render={({ field }) => (
                  <Radio.Group label="Language of the form" withAsterisk value={field.value} onChange={(v) => field.onChange(v)}>
                    <Group gap="lg" mt={4}>
                      {(['en', 'es'] as const).map((l) => (
                        <Radio key={l} value={l} label={LANGUAGE_LABELS[l]} />
                      ))}
                    </Group>
                  </Radio.Group>
                )}
              />
              <Controller
                control={control}
                name="regimes"
                render={({ field, fieldState }) => (
                  <Checkbox.Group label="Laws it must satisfy" withAsterisk description="The checklist suggests the laws these records need." value={field.value} onChange={(v) => field.onChange(v as Regime[])} error={fieldState.error?.message}>
                    <Group gap="md" mt={6}>
                      {REGIMES.map((r) => (
                        <Checkbox key={r} value={r} label={REGIME_LABELS[r]} />
                      ))}
                    </Group>
                  </Checkbox.Group>
                )}
              />
              <ErrorAlert error={failure?.error ?? null} title={failure?.title ?? ''} />
              {printNote ? (
                <Alert color="gray" role="status">
                  {printNote}
                </Alert>
              ) : null}
              <Group gap="sm">
                <Button type="submit" variant={id ? 'default' : 'filled'} loading={busy === 'saving'} disabled={busy === 'printing'}>
                  Save draft
                </Button>
                {id ? (
                  <Button type="button" onClick={() => void print()} loading={busy === 'printing'} disabled={busy === 'saving'}>
                    Print for signature
                  </Button>
                ) : null}
                <Button type="button" variant="subtle" onClick={close}>
                  Close
                </Button>
                <Text fz="xs" c="dimmed">
                  <Kbd size="xs">Ctrl+S</Kbd> saves · <Kbd size="xs">Esc</Kbd> closes
                </Text>
              </Group>
            </Stack>
          </form>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <ReleaseChecklist check={live.check} error={live.error} pending={live.pending} regimes={values.regimes} onAddRegime={addRegime} />
        </Grid.Col>
      </Grid>
    </div>
  );
}
