/** Writing a referral: the student, where it goes (a provider from the directory or county intake), why, how soon, what should come of it, and when to check in. */
import { Paper, SegmentedControl, Select, Stack, Text, Textarea } from '@mantine/core';
import { useId, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { z } from 'zod';
import { COUNTY_INTAKE_LABELS, URGENCY_LABELS, type Urgency } from '../../../../electron/shared/domain/providers/types.ts';
import { isoDate, plainText, requiredText } from '../../../../electron/shared/schemas/common.ts';
import { call, type ApiError } from '../../lib/api.ts';
import { placeError } from '../../lib/forms.ts';
import { plainResolver } from '../../lib/resolver.ts';
import { useCall } from '../../lib/use-call.ts';
import { BillingError } from '../billing/kit.tsx';
import { StudentSelect } from '../services/StudentPicker.tsx';
import { DateField, FormActions, confirmDiscard, formKeys, unprefix } from '../student/kit.tsx';
import { targetFrom } from './words.ts';

const referralForm = z.object({
  studentId: z.string().min(1, { message: 'Choose the student.' }),
  target: z.string().min(1, { message: 'Choose where the referral goes.' }),
  reason: requiredText(4000),
  urgency: z.enum(['routine', 'soon', 'urgent']),
  expectedOutcome: plainText(2000),
  followUpOn: z.string().refine((s) => isoDate.safeParse(s).success, { message: 'Follow up on must be a real date (MM/DD/YYYY).' }).nullable(),
});
type Values = z.infer<typeof referralForm>;
const FIELDS = ['studentId', 'reason', 'urgency', 'expectedOutcome', 'followUpOn'] as const;
const URGENCIES: Urgency[] = ['routine', 'soon', 'urgent'];

/** `framed` is off inside a window, which is its own frame. */
export function ReferralForm({ studentId, framed = true, onDone }: { studentId: string | null; framed?: boolean; onDone(saved: { id: string; message: string } | null): void }) {
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [providers] = useCall('providers:list', {});
  const [caseload] = useCall('caseload:list', { status: null, schoolId: null, grade: null, program: null });
  const urgencyLabel = useId();
  const { register, control, handleSubmit, setError, formState } = useForm<Values>({
    resolver: plainResolver(referralForm),
    mode: 'onTouched',
    defaultValues: { studentId: studentId ?? '', target: '', reason: '', urgency: 'routine', expectedOutcome: '', followUpOn: null },
  });
  const cancel = () => confirmDiscard(formState.isDirty) && onDone(null);
  const providerList = providers.state === 'ready' ? providers.value.providers : [];
  const targets = [
    { group: 'County intake', items: (['CLTS', 'CCS'] as const).map((p) => ({ value: `county:${p}`, label: COUNTY_INTAKE_LABELS[p] })) },
    {
      group: 'Providers',
      items: providerList.map((p) => ({ value: p.id, label: `${p.fields.name}${p.fields.acceptingReferrals ? '' : ' (not accepting referrals)'}` })),
    },
  ];

  const save = handleSubmit(async (v) => {
    setFailure(null);
    const fields = { studentId: v.studentId, target: targetFrom(v.target), reason: v.reason.trim(), urgency: v.urgency, expectedOutcome: v.expectedOutcome.trim(), followUpOn: v.followUpOn, outcomeNote: '' };
    const result = await call('referrals:save', { fields });
    if (!result.ok) {
      const e = unprefix(result.error, 'fields.');
      return setFailure(placeError(e.field === 'target' ? { ...e, field: undefined } : e, setError, FIELDS));
    }
    const to = targets.flatMap((g) => g.items).find((t) => t.value === v.target)?.label ?? 'the provider';
    onDone({ id: result.value.id, message: `Referral to ${to} saved as a draft. Mark it sent when it goes out.` });
  });

  return (
    <Paper withBorder={framed} p={framed ? 'md' : 0} maw={640}>
      <form noValidate aria-label="Write a referral" onSubmit={(e) => void save(e)} onKeyDown={formKeys(() => void save(), cancel)}>
        <Stack gap="sm">
          {studentId ? null : (
            <Controller
              control={control}
              name="studentId"
              render={({ field, fieldState }) => (
                <StudentSelect rows={caseload.state === 'ready' ? caseload.value.rows : []} loading={caseload.state === 'loading'} value={field.value || null} onChange={(id) => field.onChange(id ?? '')} onBlur={field.onBlur} error={fieldState.error?.message} autoFocus />
              )}
            />
          )}
          <Controller
            control={control}
            name="target"
            render={({ field, fieldState }) => (
              <Select label="Refer to" withAsterisk searchable placeholder="A provider or county intake" nothingFoundMessage="No provider by that name; add it under Providers" data={targets} value={field.value || null} onChange={(v) => field.onChange(v ?? '')} onBlur={field.onBlur} error={fieldState.error?.message} autoFocus={Boolean(studentId)} comboboxProps={{ withinPortal: true }} />
            )}
          />
          <Textarea label="Reason for the referral" withAsterisk autosize minRows={2} error={formState.errors.reason?.message} {...register('reason')} />
          <Controller
            control={control}
            name="urgency"
            render={({ field }) => (
              <Stack gap={4}>
                <Text fz="sm" fw={500} id={urgencyLabel}>
                  Urgency
                </Text>
                <SegmentedControl aria-labelledby={urgencyLabel} value={field.value} onChange={(v) => field.onChange(v as Urgency)} data={URGENCIES.map((u) => ({ value: u, label: URGENCY_LABELS[u] }))} w="fit-content" />
              </Stack>
            )}
          />
          <Textarea label="Expected outcome" description="What should come of it, in the family’s words if you can" autosize minRows={2} error={formState.errors.expectedOutcome?.message} {...register('expectedOutcome')} />
          <DateField control={control} name="followUpOn" label="Follow up on" description="Leave empty and Liaison sets one when you mark it sent" />
          <BillingError error={failure} title="The referral was not saved" />
          <FormActions submitLabel="Save referral" submitting={formState.isSubmitting} onCancel={cancel} />
        </Stack>
      </form>
    </Paper>
  );
}
