/** Beside the release form: what each chosen law still needs, laws to add, who must sign, and whether it can print. */
import { Alert, Badge, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { REGIME_LABELS, SIGNER_ROLE_LABELS, type Regime } from '../../../../../electron/shared/domain/consent/types.ts';
import type { ApiError } from '../../../lib/api.ts';
import type { ReleaseCheck } from './use-release-check.ts';

interface Props {
  check: ReleaseCheck | null;
  error: ApiError | null;
  pending: boolean;
  regimes: readonly Regime[];
  onAddRegime(regime: Regime): void;
}

export function ReleaseChecklist({ check, error, pending, regimes, onAddRegime }: Props) {
  const suggested = check?.suggestedRegimes.filter((s) => !regimes.includes(s.regime)) ?? [];
  return (
    <Paper withBorder p="md" component="section" aria-label="Checklist for this release">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} fz="sm">
            Checklist
          </Title>
          <Text fz="xs" c="dimmed" aria-live="polite">
            {pending ? 'Checking…' : check?.age != null ? `Student is ${check.age}` : ''}
          </Text>
        </Group>
        {error ? (
          <Alert color="red" title="The checklist could not be updated" role="alert">
            {error.message}
          </Alert>
        ) : null}
        {!check ? null : (
          <>
            <div aria-live="polite">
              {check.printProblems.length === 0 ? (
                <Alert color="green" title="Ready to print">
                  Save the draft, then print it for signature.
                </Alert>
              ) : (
                <Alert color="yellow" title="Not ready to print:">
                  <List size="sm" spacing={2}>
                    {check.printProblems.map((p, i) => (
                      <List.Item key={i}>{p}</List.Item>
                    ))}
                  </List>
                </Alert>
              )}
            </div>

            {regimes.map((r) => {
              const missing = check.gaps.find((g) => g.regime === r)?.missing ?? [];
              return (
                <Stack key={r} gap={2}>
                  <Group gap="xs">
                    <Text fz="sm" fw={700}>
                      {REGIME_LABELS[r]}
                    </Text>
                    <Badge size="sm" variant="light" color={missing.length ? 'yellow' : 'green'} tt="none">
                      {missing.length ? `${missing.length} missing` : 'Complete'}
                    </Badge>
                  </Group>
                  {missing.length ? (
                    <List size="sm" spacing={2}>
                      {missing.map((m) => (
                        <List.Item key={m.id}>{m.message}</List.Item>
                      ))}
                    </List>
                  ) : null}
                </Stack>
              );
            })}

            {suggested.length ? (
              <Stack gap={4}>
                <Text fz="sm" fw={700}>
                  Also needed for these records
                </Text>
                {suggested.map((s) => (
                  <Group key={s.regime} gap="xs" wrap="nowrap" align="flex-start">
                    <Button size="xs" variant="light" style={{ flexShrink: 0 }} onClick={() => onAddRegime(s.regime)} aria-label={`Add ${REGIME_LABELS[s.regime]}`}>
                      Add
                    </Button>
                    <Text fz="sm">
                      <b>{REGIME_LABELS[s.regime]}</b>: {s.why}
                    </Text>
                  </Group>
                ))}
              </Stack>
            ) : null}

            <Stack gap={4}>
              <Text fz="sm" fw={700}>
                Who must sign
              </Text>
              {check.signers.length === 0 ? (
                <Text fz="sm" c="dimmed">
                  No one yet: choose the records to share.
                </Text>
              ) : (
                <List size="sm" spacing={2}>
                  {check.signers.map((s, i) => (
                    <List.Item key={i}>
                      <b>{SIGNER_ROLE_LABELS[s.role]}</b>
                      {s.name ? `: ${s.name}` : ''} — {s.why}
                    </List.Item>
                  ))}
                </List>
              )}
              {check.signerProblems.length ? (
                <Alert color="red" title="A signature line has a problem">
                  <List size="sm" spacing={2}>
                    {check.signerProblems.map((p, i) => (
                      <List.Item key={i}>{p}</List.Item>
                    ))}
                  </List>
                </Alert>
              ) : null}
            </Stack>
          </>
        )}
      </Stack>
    </Paper>
  );
}
