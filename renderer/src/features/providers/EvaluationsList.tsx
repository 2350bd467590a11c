/** A provider's evaluations, latest first: verdict, the sentence that explains it, who completed it and when. */
import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { call } from '../../lib/api.ts';
import { formatDay } from '../../lib/dates.ts';
import { verdictWords, type EvaluationView } from './words.ts';

export function EvaluationsList({ evaluations }: { evaluations: EvaluationView[] }) {
  if (evaluations.length === 0) {
    return (
      <Text fz="sm" c="dimmed">
        Not evaluated yet — Evaluate rates this provider on the checklist.
      </Text>
    );
  }
  const latestFirst = [...evaluations].sort((a, b) => (a.completedOn < b.completedOn ? 1 : a.completedOn > b.completedOn ? -1 : 0));
  return (
    <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Evaluations, latest first">
      {latestFirst.map((e) => (
        <Paper component="li" key={e.id} withBorder p="sm">
          <Group gap="sm" wrap="wrap">
            <Text fw={700} fz="sm">
              {verdictWords(e.verdict)}
            </Text>
            {e.overridden ? (
              <Badge variant="light" color="gray" tt="none" size="sm">
                Set by hand
              </Badge>
            ) : null}
            <Text fz="sm">
              {e.total} of {e.maxTotal} points
            </Text>
            <Text fz="sm" c="dimmed">
              {formatDay(e.completedOn)} by {e.completedBy} · checklist version {e.templateVersion}
            </Text>
            <PrintChecklist providerId={e.providerId} evaluationId={e.id} label="Print" />
          </Group>
          <Text fz="sm" mt={4}>
            {e.explanation}
          </Text>
          {e.problems.length ? (
            <Text fz="xs" c="dimmed" mt={2}>
              {e.problems.join(' ')}
            </Text>
          ) : null}
        </Paper>
      ))}
    </Stack>
  );
}

/** Saves the checklist as a PDF: one evaluation as completed, or (no evaluation) blank, to fill in by hand. */
export function PrintChecklist({ providerId, evaluationId, label }: { providerId: string; evaluationId: string | null; label: string }) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ error: boolean; text: string } | null>(null);
  const print = async () => {
    setBusy(true);
    setOutcome(null);
    const result = await call('providers:printChecklist', { providerId, evaluationId });
    setBusy(false);
    if (!result.ok) setOutcome({ error: true, text: result.error.message });
    else if (result.value.saved) setOutcome({ error: false, text: `Saved as ${result.value.fileName ?? 'a PDF'}.` });
  };
  return (
    <Group gap="xs">
      <Button size="compact-sm" variant="light" loading={busy} onClick={() => void print()}>
        {label}
      </Button>
      {outcome ? (
        <Text fz="sm" c={outcome.error ? 'red' : 'dimmed'} role={outcome.error ? 'alert' : 'status'}>
          {outcome.text}
        </Text>
      ) : null}
    </Group>
  );
}
