/** Providers side by side on the checklist: criteria down the side (must-haves first), providers across, best verdict first. */
import { Anchor, Group, Stack, Table, Text, Title } from '@mantine/core';
import { CRITERION_KIND_LABELS } from '../../../../electron/shared/domain/providers/types.ts';
import { formatDay } from '../../lib/dates.ts';
import { useCall } from '../../lib/use-call.ts';
import { LoadState } from '../../ui/Failure.tsx';
import { verdictWords } from './words.ts';

export function ComparePanel({ providerIds, onBack, onOpen }: { providerIds: string[]; onBack(): void; onOpen(id: string): void }) {
  const [loaded] = useCall('providers:compare', { providerIds });
  const header = (
    <Group gap="sm" align="baseline" mb="md">
      <Anchor component="button" type="button" fz="sm" onClick={onBack}>
        ← Back to providers
      </Anchor>
      <Title order={1} fz={24}>
        Compare providers
      </Title>
    </Group>
  );
  if (loaded.state !== 'ready') {
    return (
      <>
        {header}
        <LoadState loaded={loaded} what="the comparison" />
      </>
    );
  }
  const c = loaded.value;
  const rows = [...c.rows.filter((r) => r.kind === 'must'), ...c.rows.filter((r) => r.kind === 'nice')];
  return (
    <Stack gap="sm">
      {header}
      <Text fz="sm" c="dimmed">
        {c.template.name}, version {c.template.version}. Each provider’s latest evaluation; best verdict first.
      </Text>
      {c.columns.length === 0 ? <Text>None of these providers has been evaluated yet.</Text> : (
        <Table.ScrollContainer minWidth={300 + c.columns.length * 160}>
          <Table withColumnBorders verticalSpacing={6} fz="sm" aria-label="Providers compared on the checklist">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={320}>Criterion</Table.Th>
                {c.columns.map((col) => (
                  <Table.Th key={col.providerId} scope="col" style={{ verticalAlign: 'top' }}>
                    <Anchor component="button" type="button" fw={700} fz="sm" ta="left" onClick={() => onOpen(col.providerId)}>
                      {col.providerName}
                    </Anchor>
                    <Text fz="sm" fw={600}>
                      {verdictWords(col.verdict)}
                    </Text>
                    <Text fz="xs" fw={400}>
                      {col.total} of {col.maxTotal} points · {formatDay(col.completedOn)}
                    </Text>
                    {col.outdated ? (
                      <Text fz="xs" fw={400}>
                        Done on an older checklist
                      </Text>
                    ) : null}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.key}>
                  <Table.Th scope="row" fw={r.kind === 'must' ? 600 : 400}>
                    {r.text}{' '}
                    <Text span fz="xs" c="dimmed" fw={400}>
                      ({CRITERION_KIND_LABELS[r.kind]})
                    </Text>
                  </Table.Th>
                  {r.cells.map((cell, i) => (
                    <Table.Td key={c.columns[i]?.providerId ?? i}>{cell.label}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {c.notes.map((n) => (
        <Text key={n} fz="sm">
          {n}
        </Text>
      ))}
      {c.unevaluated.length ? (
        <Text fz="sm">
          Not evaluated, so not in the table: {c.unevaluated.map((u) => u.providerName).join(', ')}. Open a provider and choose Evaluate.
        </Text>
      ) : null}
    </Stack>
  );
}
