/** Recording the signed paper: when it was signed, who signed each line, and the scan of the signed copy. */
import { Alert, FileInput, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { get, useForm, type FieldError, type Path } from 'react-hook-form';
import type { z } from 'zod';
import type { ChannelOutput } from '../../../../../electron/shared/contract.ts';
import { SIGNER_ROLE_LABELS } from '../../../../../electron/shared/domain/consent/types.ts';
import { recordSignatureInput } from '../../../../../electron/shared/schemas/releases.ts';
import { call, type ApiError } from '../../../lib/api.ts';
import { plainResolver } from '../../../lib/resolver.ts';
import { todayIso } from '../format.ts';
import { confirmDiscard, DateField, ErrorAlert, FormActions, formKeys } from '../kit.tsx';
import { useDirtyReport } from '../record-context.ts';
import { toBase64 } from './release-model.ts';
import { useFocusOnMount } from './use-focus-on-mount.ts';

const signatureForm = recordSignatureInput.pick({ signedOn: true, effectiveFrom: true, copyGivenOn: true, signatures: true });
type SignatureValues = z.infer<typeof signatureForm>;
type Scan = 'application/pdf' | 'image/png' | 'image/jpeg';
const SCAN_TYPES: readonly string[] = ['application/pdf', 'image/png', 'image/jpeg'];
const MAX_BYTES = 28 * 1024 * 1024;

interface Props {
  detail: ChannelOutput<'releases:get'>;
  onCancel(): void;
  onRecorded(message: string): Promise<void>;
}

export function SignatureForm({ detail, onCancel, onRecorded }: Props) {
  const { summary, check } = detail;
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const { register, control, handleSubmit, setError, formState } = useForm<SignatureValues>({
    resolver: plainResolver(signatureForm),
    mode: 'onTouched',
    defaultValues: { signedOn: todayIso(), effectiveFrom: null, copyGivenOn: null, signatures: check.signers.map((s) => ({ role: s.role, signedName: s.name ?? '' })) },
  });
  useDirtyReport(formState.isDirty || file !== null);
  // Errors inside the list come flat ("signatures.0.signedName") after a save and nested after a blur: `get` reads both.
  const errorAt = (path: string) => (get(formState.errors, path) as FieldError | undefined)?.message;
  const listError = errorAt('signatures');

  function chooseFile(f: File | null) {
    setFile(f);
    if (f && !SCAN_TYPES.includes(f.type)) setFileError('Choose a PDF, PNG or JPEG file: scan the signed form in one of those.');
    else if (f && f.size > MAX_BYTES) setFileError('This file is larger than 28 MB. Scan it at a lower resolution and attach it again.');
    else setFileError(null);
  }

  const cancel = () => confirmDiscard(formState.isDirty || file !== null) && onCancel();
  const save = handleSubmit(async (values) => {
    if (fileError) return;
    setFailure(null);
    const scan = file ? { fileName: file.name, mime: file.type as Scan, base64: await toBase64(file) } : null;
    const result = await call('releases:recordSignature', { id: summary.id, ...values, scan });
    if (result.ok) return onRecorded(`Signature recorded for ${summary.formId}.`);
    const field = result.error.field ?? '';
    if (field === 'scan' || field.startsWith('scan.')) setFileError(result.error.message);
    else if (['signedOn', 'effectiveFrom', 'copyGivenOn'].includes(field) || /^signatures\.\d+\.signedName$/.test(field)) {
      setError(field as Path<SignatureValues>, { type: 'server', message: result.error.message }, { shouldFocus: true });
    } else setFailure(result.error);
  });

  if (check.signers.length === 0) {
    return (
      <Alert color="yellow" title="No signature lines">
        This release has no signature lines to record. Edit it so the checklist shows who must sign.
      </Alert>
    );
  }

  return (
    <Paper withBorder p="md" maw={620}>
      <form noValidate aria-label="Record signature" onSubmit={(e) => void save(e)} onKeyDown={formKeys(() => void save(), cancel)}>
        <Stack gap="sm">
          <Title order={4} fz="sm" ref={heading} tabIndex={-1}>
            Record the signed form
          </Title>
          <DateField control={control} name="signedOn" label="Signed on" required />
          <DateField control={control} name="effectiveFrom" label="Effective from" description="Leave empty if it takes effect the day it was signed." />
          <DateField control={control} name="copyGivenOn" label="Copy given to signer on" />
          {check.signers.map((s, i) => (
            <TextInput
              key={i}
              label={`${SIGNER_ROLE_LABELS[s.role]}: name as signed`}
              description={s.why}
              withAsterisk
              maw={420}
              error={errorAt(`signatures.${i}.signedName`)}
              {...register(`signatures.${i}.signedName` as const)}
            />
          ))}
          {listError ? (
            <Text fz="xs" c="red.9" role="alert">
              {listError}
            </Text>
          ) : null}
          <FileInput
            label="Attach the signed copy (PDF, PNG or JPEG)"
            description="Optional. Kept inside the encrypted vault."
            placeholder="Choose a file"
            accept="application/pdf,image/png,image/jpeg"
            clearable
            clearButtonProps={{ 'aria-label': 'Remove the chosen file' }}
            maw={420}
            value={file}
            onChange={chooseFile}
            error={fileError}
          />
          <ErrorAlert error={failure} title="The signature was not recorded" />
          <FormActions submitLabel="Record signature" submitting={formState.isSubmitting} onCancel={cancel} />
        </Stack>
      </form>
    </Paper>
  );
}
