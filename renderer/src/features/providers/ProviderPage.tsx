/** One provider: the details form, the referral history in words, the evaluations, and the checklist when she evaluates. */
import { Anchor, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useCall } from '../../lib/use-call.ts';
import { formatDay } from '../../lib/dates.ts';
import { LoadState } from '../../ui/Failure.tsx';
import { Notice } from '../billing/kit.tsx';
import { Section } from '../student/kit.tsx';
import { EvaluationForm } from './EvaluationForm.tsx';
import { EvaluationsList, PrintChecklist } from './EvaluationsList.tsx';
import { ProviderForm } from './ProviderForm.tsx';
import { historyWords, verdictWords, type ProviderView } from './words.ts';

export function ProviderPage({ provider, notice, onBack, onSaved }: { provider: ProviderView | null; notice: string | null; onBack(): void; onSaved(id: string, message: string): void }) {
  const [evaluating, setEvaluating] = useState(false);
  const name = provider?.fields.name ?? 'Add provider';

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="nowrap">
        <Group gap="sm" align="baseline" wrap="nowrap">
          <Anchor component="button" type="button" fz="sm" style={{ whiteSpace: 'nowrap' }} onClick={onBack}>
            ← Back to providers
          </Anchor>
          <Title order={1} fz={24}>
            {name}
          </Title>
          {provider?.stale ? (
            <Badge color="orange" variant="light" tt="none">
              Check again: last verified {provider.fields.lastVerifiedOn ? formatDay(provider.fields.lastVerifiedOn) : 'never'}
            </Badge>
          ) : null}
        </Group>
        {provider && !evaluating ? <Button onClick={() => setEvaluating(true)}>Evaluate</Button> : null}
      </Group>
      <Notice text={notice} />
      {provider && evaluating ? (
        <EvaluationForm
          provider={provider}
          onDone={(message) => {
            setEvaluating(false);
            if (message) onSaved(provider.id, message);
          }}
        />
      ) : (
        <>
          {provider ? <Summary provider={provider} /> : null}
          <Section title="Details">
            <ProviderForm
              provider={provider}
              onCancel={onBack}
              onSaved={(id, saved) => {
                onSaved(id, provider ? `${saved} saved.` : `${saved} added to the directory.`);
              }}
            />
          </Section>
        </>
      )}
    </Stack>
  );
}

/** The referral history and the evaluations, above the details: what she looks at before referring. */
function Summary({ provider }: { provider: ProviderView }) {
  const [evaluations] = useCall('evaluations:list', { providerId: provider.id });
  return (
    <>
      <Section title="Referral history">
        <Text fz="sm">{historyWords(provider.history)}</Text>
      </Section>
      <Section title="Evaluations">
        <Group justify="space-between" wrap="wrap">
          <Text fz="sm">Latest verdict: {verdictWords(provider.latestVerdict)}</Text>
          <PrintChecklist providerId={provider.id} evaluationId={null} label="Print a blank checklist" />
        </Group>
        {evaluations.state === 'ready' ? <EvaluationsList evaluations={evaluations.value.evaluations} /> : <LoadState loaded={evaluations} what="the evaluations" />}
      </Section>
    </>
  );
}
