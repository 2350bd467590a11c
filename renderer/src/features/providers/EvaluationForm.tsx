/**
 * The vetting checklist for one provider: must-haves then nice-to-haves, each
 * rated on the five-point scale with its evidence, who completed it and when,
 * and an optional override with its reason. The verdict is worked out here as
 * she rates, with the same rule the service applies when it saves.
 */
import { Checkbox, Group, Paper, Radio, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { Controller, useForm, useWatch, type Control, type UseFormRegister } from 'react-hook-form';
import { z } from 'zod';
import { scoreEvaluation } from '../../../../electron/shared/domain/providers/checklist.ts';
import { CRITERION_KIND_LABELS, RATINGS, RATING_LABELS, VERDICTS, VERDICT_LABELS, type Rating, type Verdict } from '../../../../electron/shared/domain/providers/types.ts';
import { isoDate, plainText, requiredText } from '../../../../electron/shared/schemas/common.ts';
import { call, type ApiError } from '../../lib/api.ts';
import { todayIso } from '../../lib/dates.ts';
import { plainResolver } from '../../lib/resolver.ts';
import { useCall } from '../../lib/use-call.ts';
import { LoadState } from '../../ui/Failure.tsx';
import { BillingError } from '../billing/kit.tsx';
import { DateField, FormActions, confirmDiscard, formKeys } from '../student/kit.tsx';
import { verdictWords, type ProviderView, type Template } from './words.ts';

const evaluationForm = z
  .object({
    ratings: z.array(z.object({ key: z.string(), rating: z.enum(RATINGS as [Rating, ...Rating[]]).nullable(), evidence: plainText(2000) })),
    completedBy: requiredText(200),
    completedOn: z.string().refine((s) => isoDate.safeParse(s).success, { message: 'Completed on must be a real date (MM/DD/YYYY).' }),
    overriding: z.boolean(),
    overrideVerdict: z.enum(VERDICTS as [Verdict, ...Verdict[]]).nullable(),
    overrideReason: plainText(2000),
  })
  .superRefine((v, ctx) => {
    if (!v.overriding) return;
    if (!v.overrideVerdict) ctx.addIssue({ code: 'custom', path: ['overrideVerdict'], message: 'Choose the verdict you are setting.' });
    if (!v.overrideReason.trim()) ctx.addIssue({ code: 'custom', path: ['overrideReason'], message: 'Write why the verdict differs from the ratings.' });
  });
type Values = z.infer<typeof evaluationForm>;

export function EvaluationForm({ provider, onDone }: { provider: ProviderView; onDone(message: string | null): void }) {
  const [template] = useCall('checklist:template', {});
  const [settings] = useCall('settings:get', {});
  if (template.state !== 'ready') return <LoadState loaded={template} what="the checklist" />;
  if (settings.state === 'loading') return <LoadState loaded={settings} what="your name" />;
  const workerName = settings.state === 'ready' ? settings.value.workerName : '';
  return <ChecklistForm provider={provider} template={template.value} workerName={workerName} onDone={onDone} />;
}

function ChecklistForm({ provider, template, workerName, onDone }: { provider: ProviderView; template: Template; workerName: string; onDone(message: string | null): void }) {
  const [failure, setFailure] = useState<ApiError | null>(null);
  // Must-haves first: they decide whether she refers at all.
  const criteria = [...template.criteria.filter((c) => c.kind === 'must'), ...template.criteria.filter((c) => c.kind === 'nice')];
  const { register, control, handleSubmit, formState } = useForm<Values>({
    resolver: plainResolver(evaluationForm),
    mode: 'onTouched',
    defaultValues: { ratings: criteria.map((c) => ({ key: c.key, rating: null, evidence: '' })), completedBy: workerName, completedOn: todayIso(), overriding: false, overrideVerdict: null, overrideReason: '' },
  });
  const cancel = () => confirmDiscard(formState.isDirty) && onDone(null);

  const save = handleSubmit(async (v) => {
    setFailure(null);
    const result = await call('evaluations:save', {
      providerId: provider.id,
      // Unrated criteria are left out; the service names what is still missing.
      ratings: v.ratings.flatMap((r) => (r.rating ? [{ criterionKey: r.key, rating: r.rating, evidence: r.evidence.trim() }] : [])),
      completedBy: v.completedBy.trim(),
      completedOn: v.completedOn,
      override: v.overriding && v.overrideVerdict ? { verdict: v.overrideVerdict, reason: v.overrideReason.trim() } : null,
    });
    if (!result.ok) return setFailure(result.error);
    onDone(`Evaluation saved: ${verdictWords(result.value.verdict)}.`);
  });

  const mustCount = criteria.filter((c) => c.kind === 'must').length;
  return (
    <form noValidate aria-label={`Evaluate ${provider.fields.name}`} onSubmit={(e) => void save(e)} onKeyDown={formKeys(() => void save(), cancel)}>
      <Stack gap="sm" maw={860}>
        <LiveVerdict control={control} template={template} />
        <Text fz="sm" c="dimmed">
          {template.name}, version {template.version}. {template.verdictRule}
        </Text>
        {criteria.map((c, i) => (
          <div key={c.key}>
            {i === 0 || i === mustCount ? (
              <Title order={2} fz="md" mt={i === 0 ? 0 : 'sm'} mb="xs">
                {i === 0 ? 'Must-haves' : 'Nice-to-haves'}
              </Title>
            ) : null}
            <CriterionFields index={i} text={c.text} kind={c.kind} help={c.help} control={control} register={register} />
          </div>
        ))}
        <Group gap="md" align="flex-start">
          <TextInput label="Completed by" withAsterisk w={280} error={formState.errors.completedBy?.message} {...register('completedBy')} />
          <DateField control={control} name="completedOn" label="Completed on" required />
        </Group>
        <Override control={control} register={register} errors={{ verdict: formState.errors.overrideVerdict?.message, reason: formState.errors.overrideReason?.message }} />
        <BillingError error={failure} title="The evaluation was not saved" />
        <FormActions submitLabel="Save evaluation" submitting={formState.isSubmitting} onCancel={cancel} />
      </Stack>
    </form>
  );
}

function CriterionFields(props: { index: number; text: string; kind: 'must' | 'nice'; help: string | undefined; control: Control<Values>; register: UseFormRegister<Values> }) {
  const { index: i } = props;
  return (
    <Paper withBorder p="sm" role="group" aria-label={props.text} mb="xs">
      <Text fz="sm" fw={600}>
        {props.text}{' '}
        <Text span fz="xs" c="dimmed" fw={400}>
          ({CRITERION_KIND_LABELS[props.kind]})
        </Text>
      </Text>
      {props.help ? (
        <Text fz="xs" c="dimmed">
          {props.help}
        </Text>
      ) : null}
      <Controller
        control={props.control}
        name={`ratings.${i}.rating`}
        render={({ field }) => (
          <Radio.Group label="Rating" value={field.value} onChange={(v) => field.onChange(v as Rating)} mt={6}>
            <Group gap="md" mt={4}>
              {RATINGS.map((r) => (
                <Radio key={r} value={r} label={RATING_LABELS[r]} />
              ))}
            </Group>
          </Radio.Group>
        )}
      />
      <Textarea label="Evidence" description="What you saw or were told; needed for every rating but No evidence" autosize minRows={1} mt={6} {...props.register(`ratings.${i}.evidence`)} />
    </Paper>
  );
}

/** The verdict as she rates, read out politely so a screen reader hears it change. */
function LiveVerdict({ control, template }: { control: Control<Values>; template: Template }) {
  const [ratings, completedBy, completedOn, overriding, overrideVerdict, overrideReason] = useWatch({ control, name: ['ratings', 'completedBy', 'completedOn', 'overriding', 'overrideVerdict', 'overrideReason'] });
  const score = scoreEvaluation(template, {
    id: 'draft',
    providerId: 'draft',
    templateId: template.id,
    templateVersion: template.version,
    ratings: ratings.flatMap((r) => (r.rating ? [{ criterionKey: r.key, rating: r.rating, evidence: r.evidence }] : [])),
    completedBy,
    completedOn,
    ...(overriding && overrideVerdict ? { verdictOverride: { verdict: overrideVerdict, reason: overrideReason } } : {}),
  });
  const rated = score.criteria.length - score.unratedKeys.length;
  return (
    <Paper withBorder p="sm" bg="var(--mantine-color-gray-0)" style={{ position: 'sticky', top: 'calc(var(--app-shell-header-offset, 0px) + 4px)', zIndex: 2 }} aria-label="Verdict so far" component="section">
      <Text fz="sm" role="status" aria-live="polite">
        <b>Verdict so far: {score.verdict ? VERDICT_LABELS[score.verdict] : 'not yet'}</b> · {rated} of {score.criteria.length} rated · {score.total} of {score.maxTotal} points
      </Text>
      <Text fz="sm">{score.explanation}</Text>
    </Paper>
  );
}

function Override({ control, register, errors }: { control: Control<Values>; register: UseFormRegister<Values>; errors: { verdict: string | undefined; reason: string | undefined } }) {
  const overriding = useWatch({ control, name: 'overriding' });
  return (
    <Stack gap="xs">
      <Controller control={control} name="overriding" render={({ field }) => <Checkbox label="Set the verdict by hand" description="Only when the ratings miss something; the reason is kept with the evaluation" checked={field.value} onChange={(e) => field.onChange(e.currentTarget.checked)} />} />
      {overriding ? (
        <>
          <Controller
            control={control}
            name="overrideVerdict"
            render={({ field }) => (
              <Select label="Verdict" withAsterisk w={220} data={VERDICTS.map((v) => ({ value: v, label: VERDICT_LABELS[v] }))} value={field.value} onChange={(v) => field.onChange(v as Verdict | null)} onBlur={field.onBlur} error={errors.verdict} />
            )}
          />
          <Textarea label="Reason for setting the verdict" withAsterisk autosize minRows={2} error={errors.reason} {...register('overrideReason')} />
        </>
      ) : null}
    </Stack>
  );
}
