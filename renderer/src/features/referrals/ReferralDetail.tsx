/** One referral: what was asked, its history, and the next steps it allows, each dated with the follow-up date and an outcome note. */
import { Anchor, Button, Group, List, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { REFERRAL_STATUS_LABELS, URGENCY_LABELS, type ReferralStatus } from '../../../../electron/shared/domain/providers/types.ts';
import { isoDate, plainText } from '../../../../electron/shared/schemas/common.ts';
import { call, type ApiError } from '../../lib/api.ts';
import { formatDay, todayIso } from '../../lib/dates.ts';
import { plainResolver } from '../../lib/resolver.ts';
import { BillingError, Notice } from '../billing/kit.tsx';
import { DateField, FormActions, Section, confirmDiscard, formKeys } from '../student/kit.tsx';
import { PacketForm } from './PacketForm.tsx';
import { STEP_LABELS, followUpWords, nextSteps, type ReferralView } from './words.ts';

export function ReferralDetail({ referral, onBack, onChanged }: { referral: ReferralView; onBack(): void; onChanged(): Promise<void> }) {
  const [step, setStep] = useState<ReferralStatus | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const f = referral.fields;
  const steps = nextSteps(referral.status);
  return (
    <Stack gap="md" maw={760}>
      <Group gap="sm" align="baseline">
        <Anchor component="button" type="button" fz="sm" onClick={onBack}>
          ← Back to referrals
        </Anchor>
        <Title order={1} fz={24}>
          {referral.studentName} → {referral.targetName}
        </Title>
      </Group>
      <Notice text={notice} />
      <Text fz="sm">
        <b>Status: {REFERRAL_STATUS_LABELS[referral.status]}</b> · {URGENCY_LABELS[f.urgency]} · Follow-up: {followUpWords(referral)}
      </Text>
      <Section title="Referral">
        <Text fz="sm">
          <b>Reason:</b> {f.reason}
        </Text>
        <Text fz="sm">
          <b>Expected outcome:</b> {f.expectedOutcome || '—'}
        </Text>
        <Text fz="sm">
          <b>Outcome note:</b> {f.outcomeNote || '—'}
        </Text>
      </Section>
      <Section title="History">
        <List fz="sm" aria-label="Status history">
          <List.Item>Written (draft)</List.Item>
          {referral.history
            .filter((h) => h.status !== 'draft')
            .map((h, i) => (
              <List.Item key={`${h.status}-${i}`}>
                {REFERRAL_STATUS_LABELS[h.status]} on {formatDay(h.on)}
              </List.Item>
            ))}
        </List>
      </Section>
      <Section title="Build packet">
        <PacketForm referral={referral} />
      </Section>
      <Section title="Next step">
        {steps.length === 0 ? (
          <Text fz="sm">This referral is closed. Start a new referral if the student needs one.</Text>
        ) : (
          <Group gap="xs">
            {steps.map((s) => (
              <Button key={s} variant={step === s ? 'filled' : 'default'} aria-pressed={step === s} onClick={() => setStep(s)}>
                {STEP_LABELS[s]}
              </Button>
            ))}
          </Group>
        )}
        {step ? (
          <StepForm
            key={step}
            referral={referral}
            to={step}
            onDone={async (message) => {
              setStep(null);
              if (message) {
                setNotice(message);
                await onChanged();
              }
            }}
          />
        ) : null}
      </Section>
    </Stack>
  );
}

const stepForm = z.object({
  on: z.string().refine((s) => isoDate.safeParse(s).success, { message: 'Date must be a real date (MM/DD/YYYY).' }),
  followUpOn: z.string().refine((s) => isoDate.safeParse(s).success, { message: 'Follow up on must be a real date (MM/DD/YYYY).' }).nullable(),
  outcomeNote: plainText(4000),
});
type StepValues = z.infer<typeof stepForm>;

function StepForm({ referral, to, onDone }: { referral: ReferralView; to: ReferralStatus; onDone(message: string | null): Promise<void> }) {
  const [failure, setFailure] = useState<ApiError | null>(null);
  const initial: StepValues = { on: todayIso(), followUpOn: referral.fields.followUpOn, outcomeNote: referral.fields.outcomeNote };
  const { register, control, handleSubmit, formState } = useForm<StepValues>({ resolver: plainResolver(stepForm), mode: 'onTouched', defaultValues: initial });
  const cancel = () => confirmDiscard(formState.isDirty) && void onDone(null);
  const save = handleSubmit(async (v) => {
    setFailure(null);
    const moved = await call('referrals:transition', { id: referral.id, to, on: v.on });
    if (!moved.ok) return setFailure(moved.error);
    // The status change has its own call; the follow-up date and note are saved after it only when she changed them,
    // so a follow-up date the service sets on sending is not wiped by an empty field.
    if (v.followUpOn !== initial.followUpOn || v.outcomeNote !== initial.outcomeNote) {
      const followUpOn = v.followUpOn ?? moved.value.followUpOn;
      const saved = await call('referrals:save', { id: referral.id, fields: { ...referral.fields, followUpOn, outcomeNote: v.outcomeNote } });
      if (!saved.ok) return setFailure({ ...saved.error, message: `Marked ${REFERRAL_STATUS_LABELS[to].toLowerCase()}, but the follow-up date and note were not saved: ${saved.error.message}` });
    }
    await onDone(`Marked ${REFERRAL_STATUS_LABELS[to].toLowerCase()} on ${formatDay(v.on)}.`);
  });
  return (
    <Paper withBorder p="md" mt="xs">
      <form noValidate aria-label={`${STEP_LABELS[to]}: date and follow-up`} onSubmit={(e) => void save(e)} onKeyDown={formKeys(() => void save(), cancel)}>
        <Stack gap="sm">
          <Group gap="md" align="flex-start">
            <DateField control={control} name="on" label={to === 'sent' ? 'Sent on' : `${REFERRAL_STATUS_LABELS[to]} on`} required />
            <DateField control={control} name="followUpOn" label="Follow up on" description={to === 'sent' && !initial.followUpOn ? 'Empty: Liaison sets the usual date' : undefined} />
          </Group>
          <Textarea label="Outcome note" autosize minRows={2} error={formState.errors.outcomeNote?.message} {...register('outcomeNote')} />
          <BillingError error={failure} title="The referral did not change" />
          <FormActions submitLabel={`Save: ${REFERRAL_STATUS_LABELS[to]}`} submitting={formState.isSubmitting} onCancel={cancel} />
        </Stack>
      </form>
    </Paper>
  );
}
