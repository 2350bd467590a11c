/** Editing the student's own details: names, date of birth, school, IDs, plans and status. */
import { Group, Modal, Radio, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { studentFields, type StudentFields } from '../../../../electron/shared/schemas/students.ts';
import { call, type ApiError } from '../../lib/api.ts';
import { placeError } from '../../lib/forms.ts';
import { plainResolver } from '../../lib/resolver.ts';
import { useCall } from '../../lib/use-call.ts';
import { blank } from './format.ts';
import { CheckField, confirmDiscard, DateField, ErrorAlert, FormActions, formKeys, unprefix } from './kit.tsx';
import { useDirtyReport, useRecord } from './record-context.ts';

const FIELDS = Object.keys(studentFields.shape) as (keyof StudentFields)[];

export function EditDetailsModal({ onClose }: { onClose(): void }) {
  const { record, studentId, changed } = useRecord();
  const s = record.student;
  const [caseload] = useCall('caseload:list', { status: null, schoolId: null, grade: null, program: null });
  const [failure, setFailure] = useState<ApiError | null>(null);
  const { register, control, handleSubmit, setError, formState } = useForm<StudentFields>({
    resolver: plainResolver(studentFields),
    mode: 'onTouched',
    defaultValues: {
      legalFirst: s.legalFirst,
      legalMiddle: blank(s.legalMiddle),
      legalLast: s.legalLast,
      preferredName: blank(s.preferredName),
      dob: s.dob,
      grade: blank(s.grade),
      schoolId: s.schoolId,
      schoolStudentId: blank(s.schoolStudentId),
      medicaidId: blank(s.medicaidId),
      mciId: blank(s.mciId),
      iep: s.iep,
      plan504: s.plan504,
      fosterCare: s.fosterCare,
      mckinneyVento: s.mckinneyVento,
      status: s.status,
    },
  });
  useDirtyReport(formState.isDirty);
  const errors = formState.errors;

  const close = () => {
    if (confirmDiscard(formState.isDirty)) onClose();
  };
  const save = handleSubmit(async (values) => {
    setFailure(null);
    const result = await call('students:update', { id: studentId, patch: values });
    if (!result.ok) return setFailure(placeError(unprefix(result.error, 'patch.'), setError, FIELDS));
    onClose();
    await changed('Details saved.');
  });

  const schools =
    caseload.state === 'ready'
      ? caseload.value.schools.map((sc) => ({ value: sc.id, label: sc.districtName ? `${sc.name} (${sc.districtName})` : sc.name }))
      : s.schoolId && s.school
        ? [{ value: s.schoolId, label: s.school }]
        : [];

  return (
    <Modal opened onClose={close} title="Edit details" size="lg" closeButtonProps={{ "aria-label": "Close without saving" }}>
      <form onSubmit={save} noValidate onKeyDown={formKeys(() => void save())}>
        <Stack gap="sm">
          <TextInput label="Legal first name" withAsterisk data-autofocus error={errors.legalFirst?.message} {...register('legalFirst')} />
          <TextInput label="Legal middle name" error={errors.legalMiddle?.message} {...register('legalMiddle')} />
          <TextInput label="Legal last name" withAsterisk error={errors.legalLast?.message} {...register('legalLast')} />
          <TextInput label="Preferred name" description="The name the student goes by." error={errors.preferredName?.message} {...register('preferredName')} />
          <DateField control={control} name="dob" label="Date of birth" />
          <TextInput label="Grade" maw={160} error={errors.grade?.message} {...register('grade')} />
          <Controller
            control={control}
            name="schoolId"
            render={({ field, fieldState }) => (
              <Select
                label="School"
                data={schools}
                searchable
                clearable
                nothingFoundMessage="No school by that name. Schools are added from the Caseload area."
                description={caseload.state === 'failed' ? `The list of schools could not be loaded: ${caseload.error.message}` : undefined}
                value={field.value}
                onChange={(v) => field.onChange(v)}
                onBlur={field.onBlur}
                ref={field.ref}
                error={fieldState.error?.message}
              />
            )}
          />
          <TextInput label="School student ID" maw={280} error={errors.schoolStudentId?.message} {...register('schoolStudentId')} />
          <TextInput label="Medicaid ID" maw={280} autoComplete="off" error={errors.medicaidId?.message} {...register('medicaidId')} />
          <TextInput label="County participant ID (MCI)" maw={280} autoComplete="off" error={errors.mciId?.message} {...register('mciId')} />
          <Stack gap={6} role="group" aria-labelledby="edit-flags-label">
            <Text fz="sm" fw={500} id="edit-flags-label">
              Plans and circumstances
            </Text>
            <CheckField control={control} name="iep" label="IEP" />
            <CheckField control={control} name="plan504" label="504 plan" />
            <CheckField control={control} name="fosterCare" label="Foster care" />
            <CheckField control={control} name="mckinneyVento" label="McKinney-Vento (experiencing homelessness)" />
          </Stack>
          <Controller
            control={control}
            name="status"
            render={({ field, fieldState }) => (
              <Radio.Group label="Status" withAsterisk value={field.value} onChange={(v) => field.onChange(v)} error={fieldState.error?.message}>
                <Group gap="lg" mt={4}>
                  <Radio value="active" label="Active" />
                  <Radio value="inactive" label="Inactive (left the caseload)" />
                </Group>
              </Radio.Group>
            )}
          />
          <ErrorAlert error={failure} title="Details were not saved" />
          <FormActions submitLabel="Save details" submitting={formState.isSubmitting} onCancel={close} />
        </Stack>
      </form>
    </Modal>
  );
}
