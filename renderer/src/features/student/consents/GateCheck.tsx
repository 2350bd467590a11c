/** Check before sharing: asks the consent gate whether these records may go to this recipient, for this purpose, on this day. */
import { Alert, Autocomplete, Button, Checkbox, List, Paper, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Controller, useForm, useWatch, type Path } from 'react-hook-form';
import { z } from 'zod';
import type { ChannelOutput } from '../../../../../electron/shared/contract.ts';
import { LEGAL_EXCEPTIONS, MIN_EXCEPTION_REASON } from '../../../../../electron/shared/domain/consent/exceptions.ts';
import { RECORD_CATEGORIES, RECORD_CATEGORY_LABELS, type RecordCategory } from '../../../../../electron/shared/domain/consent/types.ts';
import { isoDate, NOTE_MAX, plainText, requiredText } from '../../../../../electron/shared/schemas/common.ts';
import { exceptionKind, recordCategory } from '../../../../../electron/shared/schemas/releases.ts';
import { LegalExceptionSelect } from '../../../ui/LegalExceptionSelect.tsx';
import { call, type ApiError } from '../../../lib/api.ts';
import { plainResolver } from '../../../lib/resolver.ts';
import { todayIso } from '../format.ts';
import { DateField, ErrorAlert, formKeys } from '../kit.tsx';
import { useRecord } from '../record-context.ts';
import { ShareSummary, type ShareRequest } from './ShareSummary.tsx';

const gateForm = z
  .object({
    recipientName: requiredText(200),
    className: plainText(300),
    purpose: requiredText(1000),
    categories: z.array(recordCategory),
    date: isoDate,
    exception: exceptionKind.nullable(),
    reason: plainText(NOTE_MAX),
  })
  .superRefine((v, ctx) => {
    if (v.categories.length === 0) ctx.addIssue({ code: 'custom', path: ['categories'], message: 'Choose which records would be shared.' });
    if (v.exception && v.reason.trim().length < MIN_EXCEPTION_REASON) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: `Write why the exception applies (at least ${MIN_EXCEPTION_REASON} characters).` });
    }
  });
type GateValues = z.infer<typeof gateForm>;
type Answer = ChannelOutput<'releases:gate'>;

const FIELD_OF: Record<string, Path<GateValues>> = {
  'recipient.name': 'recipientName',
  'recipient.className': 'className',
  purpose: 'purpose',
  categories: 'categories',
  onDate: 'date',
  'exception.reason': 'reason',
};

export function GateCheck({ releases, onShared }: { releases: readonly { id: string; formId: string; recipients: string[] }[]; onShared(message: string): Promise<void> }) {
  const { record, studentId } = useRecord();
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [asked, setAsked] = useState<{ request: ShareRequest; today: boolean } | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const { register, control, handleSubmit, setError, watch, formState } = useForm<GateValues>({
    resolver: plainResolver(gateForm),
    mode: 'onTouched',
    defaultValues: { recipientName: '', className: '', purpose: '', categories: [], date: todayIso(), exception: null, reason: '' },
  });
  const exception = useWatch({ control, name: 'exception' });
  // An answer is about exactly what was asked, against the releases as they were: any change clears it.
  useEffect(() => {
    const sub = watch(() => setAnswer(null));
    return () => sub.unsubscribe();
  }, [watch]);
  useEffect(() => setAnswer(null), [releases]);
  const names = [...new Set([...releases.flatMap((r) => r.recipients), ...record.contacts.map((c) => `${c.firstName} ${c.lastName}`), ...record.team.map((t) => t.name)])];

  const check = handleSubmit(async (v) => {
    setFailure(null);
    setAnswer(null);
    const request: ShareRequest = {
      studentId,
      recipient: { name: v.recipientName, contactId: null, providerId: null, className: v.className.trim() ? v.className : null },
      purpose: v.purpose,
      categories: v.categories,
      exception: v.exception ? { kind: v.exception, reason: v.reason } : null,
    };
    const result = await call('releases:gate', { ...request, onDate: v.date });
    if (result.ok) {
      setAsked({ request, today: v.date === todayIso() });
      return setAnswer(result.value);
    }
    const field = result.error.field ? FIELD_OF[result.error.field] : undefined;
    if (field) setError(field, { type: 'server', message: result.error.message }, { shouldFocus: true });
    else setFailure(result.error);
  });

  return (
    <Paper withBorder p="md" maw={720}>
      <form noValidate aria-label="Check before sharing" onSubmit={(e) => void check(e)} onKeyDown={formKeys(() => void check())}>
        <Stack gap="sm">
          <Text fz="sm" c="dimmed">
            Before sending records anywhere, check that a release or a legal exception covers it. Checking shares nothing and adds nothing to the record of disclosures.
          </Text>
          <Controller
            control={control}
            name="recipientName"
            render={({ field, fieldState }) => (
              <Autocomplete label="Recipient" withAsterisk maw={420} data={names} value={field.value} onChange={field.onChange} onBlur={field.onBlur} ref={field.ref} error={fieldState.error?.message} />
            )}
          />
          <TextInput label="Class of recipients it belongs to" description="Only when a release names a class of parties, as written on the release." maw={420} error={formState.errors.className?.message} {...register('className')} />
          <Textarea label="Purpose" withAsterisk autosize minRows={2} maxRows={5} error={formState.errors.purpose?.message} {...register('purpose')} />
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
          <DateField control={control} name="date" label="Date of sharing" required />
          <Controller
            control={control}
            name="exception"
            render={({ field }) => <LegalExceptionSelect value={field.value} onChange={field.onChange} whenNone="Only when sharing without a release." />}
          />
          {exception ? <Textarea label="Written reason" withAsterisk description="Kept as the basis of the disclosure." autosize minRows={2} error={formState.errors.reason?.message} {...register('reason')} /> : null}
          <ErrorAlert error={failure} title="The check could not be made" />
          <div>
            <Button type="submit" loading={formState.isSubmitting}>
              Check
            </Button>
          </div>
          <div aria-live="polite">{answer ? <GateAnswer answer={answer} releases={releases} /> : null}</div>
          {answer?.allowed && asked ? <ShareSummary request={asked.request} today={asked.today} onShared={onShared} /> : null}
        </Stack>
      </form>
    </Paper>
  );
}

function GateAnswer({ answer, releases }: { answer: Answer; releases: readonly { id: string; formId: string }[] }) {
  if (!answer.allowed) {
    return (
      <Alert color="red" title="Refused:">
        <List size="sm" spacing={2}>
          {answer.reasons.map((r, i) => (
            <List.Item key={i}>{r}</List.Item>
          ))}
        </List>
      </Alert>
    );
  }
  const basis = answer.basis;
  if (basis.kind === 'release') {
    const formId = releases.find((r) => r.id === basis.releaseId)?.formId;
    return <Alert color="green" title={`Allowed: covered by release ${formId ?? 'on file'}`} />;
  }
  return (
    <Alert color="green" title={`Allowed: legal exception — ${LEGAL_EXCEPTIONS[basis.exception].label}`}>
      <Text fz="sm">Reason: {basis.reason}</Text>
    </Alert>
  );
}
