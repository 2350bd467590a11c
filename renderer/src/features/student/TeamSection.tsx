/** The team around the student: who, their role and organization, how to reach them. */
import { Button, Paper, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { teamMemberFields } from '../../../../electron/shared/schemas/programs.ts';
import { call, type ApiError } from '../../lib/api.ts';
import { placeError } from '../../lib/forms.ts';
import { plainResolver } from '../../lib/resolver.ts';
import { confirmDiscard, Empty, ErrorAlert, FormActions, formKeys, Section, unprefix, useAction } from './kit.tsx';
import { useDirtyReport, useRecord } from './record-context.ts';

type MemberValues = { name: string; role: string; organization: string | null; phone: string | null; email: string | null };
const FIELDS = ['name', 'role', 'organization', 'phone', 'email'] as const;

export function TeamSection() {
  const { record } = useRecord();
  const [adding, setAdding] = useState(false);
  const action = useAction();
  return (
    <Section
      title="Team"
      actions={
        adding ? null : (
          <Button size="compact-sm" variant="light" onClick={() => setAdding(true)}>
            Add team member
          </Button>
        )
      }
    >
      {record.team.length === 0 ? (
        <Empty>No team members yet — add the county worker, teacher or provider who works with this student.</Empty>
      ) : (
        <Table verticalSpacing={6} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>Organization</Table.Th>
              <Table.Th>Phone</Table.Th>
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {record.team.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td>
                  {m.name}
                  {m.email ? (
                    <Text fz="xs" c="dimmed">
                      {m.email}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>{m.role}</Table.Td>
                <Table.Td>{m.organization ?? '—'}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{m.phone ?? '—'}</Table.Td>
                <Table.Td>
                  <Button
                    size="compact-xs"
                    variant="default"
                    aria-label={`Remove ${m.name} from the team`}
                    loading={action.busy === m.id}
                    onClick={() =>
                      window.confirm(`Remove ${m.name} from this student’s team?`) &&
                      void action.run(m.id, () => call('team:remove', { id: m.id }), `${m.name} removed from the team.`)
                    }
                  >
                    Remove
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <ErrorAlert error={action.error} title="The team was not changed" />
      {adding ? <TeamMemberForm onDone={() => setAdding(false)} /> : null}
    </Section>
  );
}

function TeamMemberForm({ onDone }: { onDone(): void }) {
  const { studentId, changed } = useRecord();
  const [failure, setFailure] = useState<ApiError | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<MemberValues>({
    resolver: plainResolver(teamMemberFields),
    mode: 'onTouched',
    defaultValues: { name: '', role: '', organization: '', phone: '', email: '' },
  });
  useDirtyReport(formState.isDirty);
  const errors = formState.errors;
  const cancel = () => confirmDiscard(formState.isDirty) && onDone();
  const save = handleSubmit(async (member) => {
    setFailure(null);
    const result = await call('team:add', { studentId, member });
    if (!result.ok) return setFailure(placeError(unprefix(result.error, 'member.'), setError, FIELDS));
    onDone();
    await changed(`${member.name.trim()} added to the team.`);
  });
  return (
    <Paper withBorder p="md" maw={560}>
      <form onSubmit={save} noValidate aria-label="Add a team member" onKeyDown={formKeys(() => void save(), cancel)}>
        <Stack gap="sm">
          <TextInput label="Name" withAsterisk autoFocus error={errors.name?.message} {...register('name')} />
          <TextInput label="Role" withAsterisk description="For example: county CLTS worker, classroom teacher, therapist." error={errors.role?.message} {...register('role')} />
          <TextInput label="Organization" error={errors.organization?.message} {...register('organization')} />
          <TextInput label="Phone" type="tel" maw={280} error={errors.phone?.message} {...register('phone')} />
          <TextInput label="Email" type="email" error={errors.email?.message} {...register('email')} />
          <ErrorAlert error={failure} title="The team member was not added" />
          <FormActions submitLabel="Add to team" submitting={formState.isSubmitting} onCancel={cancel} />
        </Stack>
      </form>
    </Paper>
  );
}
