/** Add one student by hand: the fields that identify a student; the rest is on the record. */
import { Alert, Button, Checkbox, Group, Paper, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { blankStudent, studentFields, type StudentFields } from '../../../../electron/shared/schemas/students.ts';
import { call, type ApiError } from '../../lib/api.ts';
import { placeError } from '../../lib/forms.ts';
import { plainResolver } from '../../lib/resolver.ts';
import { useCall } from '../../lib/use-call.ts';
import { PageTitle } from '../../ui/PageTitle.tsx';

const EMPTY: StudentFields = blankStudent({ legalFirst: '', legalLast: '' });

const FIELDS = ['legalFirst', 'legalMiddle', 'legalLast', 'preferredName', 'dob', 'grade', 'schoolId', 'schoolStudentId'] as const;

/** Empty inputs mean "none": the schema takes null, the inputs give ''. */
const orNull = (v: string) => (v.trim() === '' ? null : v);

export function AddStudent({ onCancel, onCreated }: { onCancel(): void; onCreated(id: string): void }) {
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [lists] = useCall('caseload:list', { status: null, schoolId: null, grade: null, program: null });
  const schools = lists.state === 'ready' ? lists.value.schools : [];
  const { register, control, handleSubmit, setError, formState } = useForm<StudentFields>({
    resolver: plainResolver(studentFields),
    defaultValues: EMPTY,
    mode: 'onTouched',
  });
  const submit = handleSubmit(async (values) => {
    setFailure(null);
    const result = await call('students:create', values);
    if (result.ok) onCreated(result.value.id);
    else setFailure(placeError(result.error, setError, FIELDS));
  });
  const cancel = () => {
    if (!formState.isDirty || window.confirm('Discard this new student?')) onCancel();
  };
  useHotkeys([['mod+S', () => void submit()], ['Escape', cancel]], [], true);
  const text = (name: (typeof FIELDS)[number], label: string, required = false) => (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <TextInput
          label={label}
          withAsterisk={required}
          type={name === 'dob' ? 'date' : 'text'}
          value={(field.value as string | null) ?? ''}
          onChange={(e) => field.onChange(required ? e.currentTarget.value : orNull(e.currentTarget.value))}
          onBlur={field.onBlur}
          ref={field.ref}
          error={fieldState.error?.message}
        />
      )}
    />
  );

  return (
    <Stack gap="md" maw={720}>
      <PageTitle>Add a student</PageTitle>
      <Paper withBorder p="lg" radius="md">
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <SimpleGrid cols={3}>
              {text('legalFirst', 'Legal first name', true)}
              {text('legalMiddle', 'Middle name')}
              {text('legalLast', 'Legal last name', true)}
            </SimpleGrid>
            <SimpleGrid cols={3}>
              {text('preferredName', 'Preferred name')}
              {text('dob', 'Date of birth')}
              {text('grade', 'Grade')}
            </SimpleGrid>
            <SimpleGrid cols={2}>
              <Controller
                control={control}
                name="schoolId"
                render={({ field, fieldState }) => (
                  <Select
                    label="School"
                    placeholder={schools.length ? 'Choose a school' : 'No schools yet: they come with a roster import'}
                    data={schools.map((s) => ({ value: s.id, label: s.districtName ? `${s.name} (${s.districtName})` : s.name }))}
                    value={field.value}
                    onChange={field.onChange}
                    searchable
                    clearable
                    error={fieldState.error?.message}
                  />
                )}
              />
              {text('schoolStudentId', 'School student ID')}
            </SimpleGrid>
            <Group gap="lg">
              <Checkbox label="IEP" {...register('iep')} />
              <Checkbox label="504 plan" {...register('plan504')} />
              <Checkbox label="Foster care" {...register('fosterCare')} />
              <Checkbox label="McKinney-Vento" {...register('mckinneyVento')} />
            </Group>
            {failure ? (
              <Alert color="red" role="alert" title="The student was not added">
                {failure.message}
              </Alert>
            ) : null}
            <Group>
              <Button type="submit" loading={formState.isSubmitting}>
                Add student
              </Button>
              <Button variant="default" onClick={cancel}>
                Cancel
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
