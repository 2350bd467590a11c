/**
 * Building the referral packet: the purpose and records as the covering
 * release words them (prefilled from an active release naming this recipient),
 * chosen attachments each with its record category, or a legal exception.
 * The service asks the gate again and writes the file and its line in the
 * record of disclosures together; a refusal says what is missing.
 */
import { Button, Checkbox, Fieldset, FileInput, Group, Loader, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Controller, useFieldArray, useForm, useWatch, type FieldError } from 'react-hook-form';
import { z } from 'zod';
import { MIN_EXCEPTION_REASON } from '../../../../electron/shared/domain/consent/exceptions.ts';
import { RECORD_CATEGORIES, RECORD_CATEGORY_LABELS, type RecordCategory } from '../../../../electron/shared/domain/consent/types.ts';
import { NOTE_MAX, plainText, requiredText } from '../../../../electron/shared/schemas/common.ts';
import { exceptionKind, recordCategory } from '../../../../electron/shared/schemas/releases.ts';
import { LegalExceptionSelect } from '../../ui/LegalExceptionSelect.tsx';
import { call, type ApiError } from '../../lib/api.ts';
import { useNavigate } from '../../lib/navigation.ts';
import { plainResolver } from '../../lib/resolver.ts';
import { useCall } from '../../lib/use-call.ts';
import { BillingError } from '../billing/kit.tsx';
import { formKeys, isMissingSignerName } from '../student/kit.tsx';
import { toBase64 } from '../student/consents/release-model.ts';
import type { ReferralView } from './words.ts';

type Mime = 'application/pdf' | 'image/png' | 'image/jpeg';
const MIMES: readonly string[] = ['application/pdf', 'image/png', 'image/jpeg'];
const MAX_BYTES = 28 * 1024 * 1024;
const MAX_ATTACHMENTS = 10;
const CATEGORY_OPTIONS = RECORD_CATEGORIES.map((c) => ({ value: c, label: RECORD_CATEGORY_LABELS[c] }));

const packetForm = z
  .object({
    purpose: requiredText(1000),
    categories: z.array(recordCategory),
    exception: exceptionKind.nullable(),
    reason: plainText(NOTE_MAX),
    nameInFile: z.boolean(),
    attachments: z.array(z.object({ title: plainText(200), category: recordCategory.nullable(), file: z.instanceof(File) })).max(MAX_ATTACHMENTS),
  })
  .superRefine((v, ctx) => {
    if (v.categories.length === 0) ctx.addIssue({ code: 'custom', path: ['categories'], message: 'Choose which records go in the packet.' });
    if (v.exception && v.reason.trim().length < MIN_EXCEPTION_REASON) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: `Write why the exception applies (at least ${MIN_EXCEPTION_REASON} characters).` });
    }
    v.attachments.forEach((a, i) => {
      if (!a.title.trim()) ctx.addIssue({ code: 'custom', path: ['attachments', i, 'title'], message: 'Give the attachment a title.' });
      if (!a.category) ctx.addIssue({ code: 'custom', path: ['attachments', i, 'category'], message: 'Choose which records it holds.' });
      else if (!v.categories.includes(a.category)) {
        ctx.addIssue({ code: 'custom', path: ['attachments', i, 'category'], message: `Check “${RECORD_CATEGORY_LABELS[a.category]}” under Records to share, or choose another category.` });
      }
    });
  });
type PacketValues = z.infer<typeof packetForm>;
type Release = { formId: string; purpose: string; categories: RecordCategory[] };

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export function PacketForm({ referral }: { referral: ReferralView }) {
  const [releases] = useCall('releases:list', { studentId: referral.fields.studentId });
  if (releases.state === 'loading') {
    return (
      <Group gap="xs">
        <Loader size="sm" aria-hidden />
        <Text fz="sm">Looking for a release that names {referral.targetName}…</Text>
      </Group>
    );
  }
  // A release in force (active, or active and expiring soon) that names this recipient.
  const covering =
    releases.state === 'ready' ? releases.value.releases.find((r) => (r.status === 'active' || r.status === 'expiring') && r.recipients.some((n) => sameName(n, referral.targetName))) : undefined;
  return <PacketFields key={covering?.id ?? 'none'} referral={referral} release={covering ?? null} />;
}

function PacketFields({ referral, release }: { referral: ReferralView; release: Release | null }) {
  const navigate = useNavigate();
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const { register, control, handleSubmit, formState } = useForm<PacketValues>({
    resolver: plainResolver(packetForm),
    mode: 'onTouched',
    defaultValues: { purpose: release?.purpose ?? '', categories: release?.categories ?? [], exception: null, reason: '', nameInFile: false, attachments: [] },
  });
  const { fields, append, remove } = useFieldArray({ control, name: 'attachments' });
  const exception = useWatch({ control, name: 'exception' });
  const categories = useWatch({ control, name: 'categories' });
  const busy = formState.isSubmitting;
  const errorAt = (i: number, key: 'title' | 'category'): string | undefined => (formState.errors.attachments?.[i]?.[key] as FieldError | undefined)?.message;

  function attach(file: File | null) {
    if (!file) return;
    if (!MIMES.includes(file.type)) return setFileError('Choose a PDF, PNG or JPEG file.');
    if (file.size > MAX_BYTES) return setFileError('This file is larger than 28 MB. Scan it at a lower resolution and attach it again.');
    if (fields.length >= MAX_ATTACHMENTS) return setFileError(`A packet holds at most ${MAX_ATTACHMENTS} attachments. Remove one first.`);
    setFileError(null);
    append({ title: file.name.replace(/\.[^.]+$/, ''), category: categories.length === 1 ? (categories[0] ?? null) : null, file });
  }

  const build = handleSubmit(async (v) => {
    setFailure(null);
    setDone(null);
    // Every attachment has a category by now: the form refuses one without.
    const attachments = await Promise.all(
      v.attachments.flatMap((a) => (a.category ? [{ title: a.title.trim(), category: a.category, file: a.file }] : [])).map(async (a) => ({ title: a.title, category: a.category, fileName: a.file.name, mime: a.file.type as Mime, base64: await toBase64(a.file) })),
    );
    const result = await call('referrals:packet', {
      referralId: referral.id,
      purpose: v.purpose,
      categories: v.categories,
      exception: v.exception ? { kind: v.exception, reason: v.reason } : null,
      attachments,
      nameInFile: v.nameInFile,
      openAfterSave: true,
    });
    if (!result.ok) return setFailure(result.error);
    if (!result.value.saved || !result.value.fileName) return setDone('The packet was not saved: no place was chosen. Build it again to save it.');
    setDone(`Packet saved as “${result.value.fileName}” (${result.value.pages} ${result.value.pages === 1 ? 'page' : 'pages'}) and added to the record of disclosures.`);
  });

  const refused = failure?.code === 'NOT_ALLOWED' && !isMissingSignerName(failure);
  return (
    <Paper withBorder p="md">
      <form noValidate aria-label="Build packet" onSubmit={(e) => void build(e)} onKeyDown={formKeys(() => void build())}>
        <Stack gap="sm">
          <Text fz="sm" c="dimmed">
            One PDF for {referral.targetName}: a cover letter, the referral form with only the records checked below, the signed release, and your attachments. Saving it adds it to the record of
            disclosures.
          </Text>
          <Textarea
            label="Purpose"
            withAsterisk
            description={release ? `As written on release ${release.formId}.` : `No active release names ${referral.targetName}. Write the purpose exactly as a release states it, or choose a legal exception below.`}
            autosize
            minRows={2}
            maxRows={5}
            error={formState.errors.purpose?.message}
            {...register('purpose')}
          />
          <Controller
            control={control}
            name="categories"
            render={({ field, fieldState }) => (
              <Checkbox.Group label="Records to share" withAsterisk value={field.value} onChange={(v) => field.onChange(v as RecordCategory[])} error={fieldState.error?.message}>
                <SimpleGrid cols={2} spacing="xs" verticalSpacing={10} mt={6}>
                  {RECORD_CATEGORIES.map((c) => (
                    <Checkbox key={c} value={c} label={RECORD_CATEGORY_LABELS[c]} />
                  ))}
                </SimpleGrid>
              </Checkbox.Group>
            )}
          />
          {fields.map((f, i) => (
            <Fieldset key={f.id} legend={`Attachment ${i + 1}: ${f.file.name}`} p="sm">
              <Group gap="sm" align="flex-start">
                <TextInput label="Title" withAsterisk w={220} error={errorAt(i, 'title')} {...register(`attachments.${i}.title` as const)} />
                <Controller
                  control={control}
                  name={`attachments.${i}.category` as const}
                  render={({ field }) => (
                    <Select
                      label="Record category"
                      withAsterisk
                      placeholder="Which records it holds"
                      w={340}
                      data={CATEGORY_OPTIONS}
                      value={field.value}
                      onChange={(v) => field.onChange(v as RecordCategory | null)}
                      onBlur={field.onBlur}
                      error={errorAt(i, 'category')}
                      comboboxProps={{ withinPortal: true }}
                    />
                  )}
                />
                <Button variant="default" mt={25} aria-label={`Remove attachment ${i + 1}: ${f.file.name}`} onClick={() => remove(i)}>
                  Remove
                </Button>
              </Group>
            </Fieldset>
          ))}
          <FileInput
            label="Add an attachment (PDF, PNG or JPEG)"
            description={`Optional, up to ${MAX_ATTACHMENTS}. Each one’s record category must be checked above.`}
            placeholder="Choose a file"
            styles={{ placeholder: { color: 'var(--mantine-color-gray-7)' } }}
            accept="application/pdf,image/png,image/jpeg"
            maw={420}
            value={null}
            onChange={attach}
            error={fileError}
          />
          <Controller
            control={control}
            name="exception"
            render={({ field }) => <LegalExceptionSelect value={field.value} onChange={field.onChange} whenNone="Only when sending without a release." />}
          />
          {exception ? <Textarea label="Written reason" withAsterisk description="Kept as the basis of the disclosure." autosize minRows={2} error={formState.errors.reason?.message} {...register('reason')} /> : null}
          <Controller
            control={control}
            name="nameInFile"
            render={({ field }) => (
              <Checkbox
                label="Put the student’s name in the file name"
                description="Off by default: file lists and recent-file menus show names."
                checked={field.value}
                onChange={(e) => field.onChange(e.currentTarget.checked)}
              />
            )}
          />
          <BillingError error={failure} title={refused ? 'Not allowed' : 'The packet was not built'}>
            {refused ? (
              <Button size="xs" variant="default" onClick={() => navigate({ area: 'caseload', studentId: referral.fields.studentId, tab: 'consents' })}>
                Start a release for this recipient
              </Button>
            ) : null}
          </BillingError>
          <div>
            <Button type="submit" loading={busy}>
              Build packet (PDF)
            </Button>
          </div>
          <div role="status" aria-live="polite">
            {busy ? (
              <Group gap="xs">
                <Loader size="sm" aria-hidden />
                <Text fz="sm">Building the packet…</Text>
              </Group>
            ) : done ? (
              <Text fz="sm" fw={600} c="#1e6b30">
                {done}
              </Text>
            ) : null}
          </div>
        </Stack>
      </form>
    </Paper>
  );
}
