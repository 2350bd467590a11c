/** Plan goals with their owner and due date; add one, mark it met or dropped, or reopen it. */
import { Badge, Button, Group, Paper, Stack, Table, Text, TextInput, Textarea, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { addGoalInput } from '../../../../electron/shared/schemas/programs.ts';
import { call, type ApiError } from '../../lib/api.ts';
import { placeError } from '../../lib/forms.ts';
import { plainResolver } from '../../lib/resolver.ts';
import { GOAL_STATUS_LABEL, showDate, todayIso } from './format.ts';
import { confirmDiscard, DateField, Empty, ErrorAlert, FormActions, formKeys, Section, useAction } from './kit.tsx';
import { useDirtyReport, useRecord } from './record-context.ts';

const goalForm = addGoalInput.omit({ studentId: true });
type GoalValues = { goal: string; owner: string | null; dueOn: string | null };
const FIELDS = ['goal', 'owner', 'dueOn'] as const;

export function GoalsSection() {
  const { record } = useRecord();
  const [adding, setAdding] = useState(false);
  const action = useAction();
  const today = todayIso();
  const short = (g: string) => (g.length > 40 ? `${g.slice(0, 40)}…` : g);

  return (
    <Section
      title="Plan goals"
      actions={
        adding ? null : (
          <Button size="compact-sm" variant="light" onClick={() => setAdding(true)}>
            Add goal
          </Button>
        )
      }
    >
      {record.goals.length === 0 ? (
        <Empty>No plan goals yet — add the first one with its owner and due date.</Empty>
      ) : (
        <Table verticalSpacing={6} fz="sm" striped={false}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Goal</Table.Th>
              <Table.Th>Owner</Table.Th>
              <Table.Th>Due</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {record.goals.map((g) => {
              const late = g.status === 'open' && g.dueOn !== null && g.dueOn < today;
              return (
                <Table.Tr key={g.id}>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{g.goal}</Table.Td>
                  <Table.Td>{g.owner ?? <Text span fz="sm" c="dimmed">Not set</Text>}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {showDate(g.dueOn) || '—'}
                    {late ? (
                      <Badge ml={6} color="red" variant="light" tt="none" size="sm">
                        Overdue
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={g.status === 'met' ? 'green' : 'gray'} variant="light" tt="none" size="sm">
                      {GOAL_STATUS_LABEL[g.status]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap" justify="flex-end">
                      {g.status === 'open' ? (
                        <>
                          <Button size="compact-xs" variant="default" aria-label={`Mark met: ${short(g.goal)}`} loading={action.busy === `${g.id}met`}
                            onClick={() => void action.run(`${g.id}met`, () => call('goals:update', { id: g.id, status: 'met' }), 'Goal marked met.')}>
                            Mark met
                          </Button>
                          <Button size="compact-xs" variant="default" aria-label={`Drop: ${short(g.goal)}`} loading={action.busy === `${g.id}dropped`}
                            onClick={() => window.confirm('Drop this goal? It stays on the record as dropped.') && void action.run(`${g.id}dropped`, () => call('goals:update', { id: g.id, status: 'dropped' }), 'Goal dropped.')}>
                            Drop
                          </Button>
                        </>
                      ) : (
                        <Button size="compact-xs" variant="default" aria-label={`Reopen: ${short(g.goal)}`} loading={action.busy === `${g.id}open`}
                          onClick={() => void action.run(`${g.id}open`, () => call('goals:update', { id: g.id, status: 'open' }), 'Goal reopened.')}>
                          Reopen
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      <ErrorAlert error={action.error} title="The goal was not changed" />
      {adding ? <GoalForm onDone={() => setAdding(false)} /> : null}
    </Section>
  );
}

function GoalForm({ onDone }: { onDone(): void }) {
  const { studentId, changed } = useRecord();
  const [failure, setFailure] = useState<ApiError | null>(null);
  const { register, control, handleSubmit, setError, formState } = useForm<GoalValues>({
    resolver: plainResolver(goalForm),
    mode: 'onTouched',
    defaultValues: { goal: '', owner: '', dueOn: null },
  });
  useDirtyReport(formState.isDirty);
  const cancel = () => confirmDiscard(formState.isDirty) && onDone();
  const save = handleSubmit(async (values) => {
    setFailure(null);
    const result = await call('goals:add', { studentId, ...values });
    if (!result.ok) return setFailure(placeError(result.error, setError, FIELDS));
    onDone();
    await changed('Goal added.');
  });
  return (
    <Paper withBorder p="md" maw={560}>
      <form onSubmit={save} noValidate aria-label="Add a plan goal" onKeyDown={formKeys(() => void save(), cancel)}>
        <Stack gap="sm">
          <Textarea label="Goal" withAsterisk autosize minRows={2} autoFocus description="Measurable: what, by whom, how you will know." error={formState.errors.goal?.message} {...register('goal')} />
          <TextInput label="Owner" description="Who is responsible (a person or role)." error={formState.errors.owner?.message} {...register('owner')} />
          <DateField control={control} name="dueOn" label="Due date" />
          <ErrorAlert error={failure} title="The goal was not added" />
          <FormActions submitLabel="Add goal" submitting={formState.isSubmitting} onCancel={cancel} />
        </Stack>
      </form>
    </Paper>
  );
}
