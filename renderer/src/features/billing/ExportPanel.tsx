/**
 * Exporting the month: the legal basis for every student on the file (a
 * release, or the billing exception with her written reason), whether the
 * signed log carries narratives, and the export itself. The export is one
 * request, so while it runs the bar is indeterminate and says how many entries.
 */
import { Alert, Button, Checkbox, Group, List, Paper, Progress, Stack, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import type { ChannelOutput } from '../../../../electron/shared/contract.ts';
import { LEGAL_EXCEPTIONS, MIN_EXCEPTION_REASON } from '../../../../electron/shared/domain/consent/exceptions.ts';
import { call, type ApiError } from '../../lib/api.ts';
import { plainResolver } from '../../lib/resolver.ts';
import { monthWords, plural, unitsWords, type Month } from './format.ts';
import { BillingError } from './kit.tsx';

const BILLING_EXCEPTION = LEGAL_EXCEPTIONS.billing_51_30_4_b_2;
// The label already names the statute; the citation is repeated only where it does not.
const citeAndLimit = [BILLING_EXCEPTION.label.includes(BILLING_EXCEPTION.cite) ? null : BILLING_EXCEPTION.cite, BILLING_EXCEPTION.limit].filter(Boolean).join(' ');

type Values = { useException: boolean; reason: string; includeNarratives: boolean };

/** The exception is required only when some student on the file has no release that covers it. */
function exportForm(exceptionNeeded: boolean) {
  return z
    .object({ useException: z.boolean(), reason: z.string(), includeNarratives: z.boolean() })
    .superRefine((v, ctx) => {
      if (!exceptionNeeded) return;
      if (!v.useException) ctx.addIssue({ code: 'custom', path: ['useException'], message: 'Choose the billing exception for the students no release covers, or record a release for them first.' });
      else if (v.reason.trim().length < MIN_EXCEPTION_REASON) ctx.addIssue({ code: 'custom', path: ['reason'], message: `Write the reason in at least ${MIN_EXCEPTION_REASON} characters.` });
    });
}

type Exported = ChannelOutput<'billing:export'>;

export function ExportPanel({ data, onExported }: { data: Month; onExported(message: string): Promise<void> }) {
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [done, setDone] = useState<Exported | null>(null);
  const covered = data.students.filter((s) => s.basis === 'release');
  const uncovered = data.students.filter((s) => s.basis === 'exception_needed');
  const exceptionNeeded = uncovered.length > 0;
  const resolver = useMemo(() => plainResolver(exportForm(exceptionNeeded)), [exceptionNeeded]);
  const { control, register, handleSubmit, reset, formState } = useForm<Values>({ resolver, mode: 'onTouched', defaultValues: { useException: false, reason: '', includeNarratives: false } });
  const useException = useWatch({ control, name: 'useException' });
  const ready = data.totals.ready;
  const exporting = formState.isSubmitting;
  const outcome = useRef<HTMLDivElement>(null);
  // The answer lands under the button, often below the fold on a laptop: take focus (and the view) there.
  useEffect(() => {
    if (failure || done) outcome.current?.focus();
  }, [failure, done]);

  const run = handleSubmit(async (v) => {
    setFailure(null);
    setDone(null);
    const result = await call('billing:export', {
      program: data.program,
      month: data.month,
      exception: exceptionNeeded && v.useException ? { kind: BILLING_EXCEPTION.kind, reason: v.reason.trim() } : null,
      includeNarratives: v.includeNarratives,
    });
    if (!result.ok) return setFailure(result.error);
    setDone(result.value);
    if (!result.value.saved) return;
    // Each export is its own disclosure: the next one asks for its basis again.
    reset({ useException: false, reason: '', includeNarratives: v.includeNarratives });
    await onExported(`Exported ${plural(result.value.lines, 'line')} for ${data.program} ${monthWords(data.month)}.`);
    // The page's reload moved focus to its notice; the files written are what she needs to see.
    outcome.current?.focus();
  });

  return (
    <form noValidate aria-label="Export the month" onSubmit={(e) => void run(e)}>
      <Stack gap="md" maw={760}>
        {ready === 0 ? (
          <Text>
            Nothing is ready to export for {data.program} {monthWords(data.month)}.{' '}
            {data.totals.exported > 0 ? `${plural(data.totals.exported, 'entry', 'entries')} already went out. ` : ''}
            {data.totals.blocked + data.totals.drafts > 0 ? 'Fix the entries under Entries first.' : ''}
          </Text>
        ) : (
          <Text>
            {plural(ready, 'entry', 'entries')} ready: {unitsWords(data.totals.readyUnits)} {data.totals.readyUnits === 1 ? 'unit' : 'units'}. The county billing file (CSV and XLSX) and the signed service log (PDF) are saved together in a folder you choose.
          </Text>
        )}

        {ready > 0 ? (
          <Paper withBorder p="md">
            <Stack gap="sm" role="group" aria-labelledby="legal-basis">
              <Title order={2} fz="md" id="legal-basis">
                Legal basis for sharing with the county
              </Title>
              {covered.length > 0 ? (
                <div>
                  <Text fz="sm" fw={600}>
                    Covered by a signed release
                  </Text>
                  <List size="sm">
                    {covered.map((s) => (
                      <List.Item key={s.studentId}>{s.name}</List.Item>
                    ))}
                  </List>
                </div>
              ) : null}
              {exceptionNeeded ? (
                <>
                  <div>
                    <Text fz="sm" fw={600}>
                      No release covers the billing file
                    </Text>
                    <List size="sm">
                      {uncovered.map((s) => (
                        <List.Item key={s.studentId}>{s.name}</List.Item>
                      ))}
                    </List>
                  </div>
                  <Controller
                    control={control}
                    name="useException"
                    render={({ field, fieldState }) => (
                      <Checkbox
                        label={`Share under the legal exception: ${BILLING_EXCEPTION.label}`}
                        description={citeAndLimit}
                        checked={field.value}
                        onChange={(e) => field.onChange(e.currentTarget.checked)}
                        onBlur={field.onBlur}
                        error={fieldState.error?.message}
                      />
                    )}
                  />
                  {useException ? (
                    <Textarea
                      label="Reason for using the exception"
                      withAsterisk
                      description={`Recorded with each student’s record of disclosures. At least ${MIN_EXCEPTION_REASON} characters.`}
                      autosize
                      minRows={2}
                      error={formState.errors.reason?.message}
                      {...register('reason')}
                    />
                  ) : null}
                </>
              ) : (
                <Text fz="sm">Every student on the file has a signed release that covers billing.</Text>
              )}
            </Stack>
          </Paper>
        ) : null}

        {ready > 0 ? (
          <Controller
            control={control}
            name="includeNarratives"
            render={({ field }) => (
              <Checkbox
                label="Include narratives in the service log"
                description="Off: the signed log lists dates, times, activities and units. On: it also carries each entry’s narrative."
                checked={field.value}
                onChange={(e) => field.onChange(e.currentTarget.checked)}
              />
            )}
          />
        ) : null}

        {exporting ? (
          <Stack gap={6} role="status" aria-live="polite">
            <Text fz="sm" fw={600}>
              Exporting {plural(ready, 'entry', 'entries')}…
            </Text>
            {/* One request with no steps to count: an indeterminate bar, so no percentage is announced. */}
            <Progress.Root size="lg" role="progressbar" aria-label={`Exporting ${plural(ready, 'entry', 'entries')}`}>
              <Progress.Section value={100} animated withAria={false} />
            </Progress.Root>
          </Stack>
        ) : null}

        {ready > 0 ? (
          <Group>
            <Button type="submit" disabled={exporting}>
              Export {plural(ready, 'entry', 'entries')}
            </Button>
          </Group>
        ) : null}

        <Stack gap="sm" ref={outcome} tabIndex={-1} style={{ outline: 'none' }}>
          <BillingError error={failure} title="Not exported" />
          {done && !done.saved ? (
            <Alert color="gray" title="Not exported" role="status">
              No folder was chosen, so nothing was written.
            </Alert>
          ) : null}
          {done && done.saved ? (
            <Alert color="green" title="Exported" role="status">
              <Stack gap={4}>
                <Text fz="sm">
                  {plural(done.lines, 'line')}, {unitsWords(done.units)} {done.units === 1 ? 'unit' : 'units'}, saved in {done.folder}
                </Text>
                <List size="sm" aria-label="Files written">
                  {done.files.map((f) => (
                    <List.Item key={f}>{f}</List.Item>
                  ))}
                </List>
              </Stack>
            </Alert>
          ) : null}
        </Stack>
      </Stack>
    </form>
  );
}
