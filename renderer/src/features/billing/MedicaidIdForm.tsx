/** The student's Medicaid ID, added from month close when a claim needs it and the record lacks it. */
import { Paper, Stack, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { requiredText } from '../../../../electron/shared/schemas/common.ts';
import { call, type ApiError } from '../../lib/api.ts';
import { placeError } from '../../lib/forms.ts';
import { plainResolver } from '../../lib/resolver.ts';
import { confirmDiscard, FormActions, formKeys } from '../student/kit.tsx';
import { BillingError } from './kit.tsx';

// The same limit the student record's schema sets; required here because it is what is missing.
const medicaidForm = z.object({ medicaidId: requiredText(20) });
type Values = z.infer<typeof medicaidForm>;

export function MedicaidIdForm({ studentId, studentName, onDone }: { studentId: string; studentName: string; onDone(message: string | null): void }) {
  const [failure, setFailure] = useState<ApiError | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<Values>({ resolver: plainResolver(medicaidForm), mode: 'onTouched', defaultValues: { medicaidId: '' } });

  const cancel = () => confirmDiscard(formState.isDirty) && onDone(null);
  const save = handleSubmit(async ({ medicaidId }) => {
    setFailure(null);
    const result = await call('students:update', { id: studentId, patch: { medicaidId: medicaidId.trim() } });
    if (!result.ok) return setFailure(placeError(result.error.field === 'patch.medicaidId' ? { ...result.error, field: 'medicaidId' } : result.error, setError, ['medicaidId']));
    onDone(`Medicaid ID added for ${studentName}.`);
  });

  return (
    <Paper withBorder p="md" maw={440}>
      <form noValidate aria-label="Add Medicaid ID" onSubmit={(e) => void save(e)} onKeyDown={formKeys(() => void save(), cancel)}>
        <Stack gap="sm">
          <Title order={3} fz="md">
            Add {studentName}’s Medicaid ID
          </Title>
          <TextInput
            label="Medicaid ID"
            withAsterisk
            description="As it appears on the ForwardHealth card. It is saved to the student’s record."
            autoComplete="off"
            autoFocus
            error={formState.errors.medicaidId?.message}
            {...register('medicaidId')}
          />
          <BillingError error={failure} title="The Medicaid ID was not saved" />
          <FormActions submitLabel="Save Medicaid ID" submitting={formState.isSubmitting} onCancel={cancel} />
        </Stack>
      </form>
    </Paper>
  );
}
