/**
 * Recording a signature: when it was signed and, for each signature line, who
 * signed and how. On paper, the name as signed and the scan of the signed
 * copy; on screen, the signer draws in a box under the line and the signed
 * copy is made from the drawings. Every line is signed the same way (the
 * service refuses a mix: no one copy on file would show every signature).
 */
import { Alert, Fieldset, FileInput, Group, Paper, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
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
import { SignaturePad } from './SignaturePad.tsx';
import { useFocusOnMount } from './use-focus-on-mount.ts';

const signatureForm = recordSignatureInput.pick({ signedOn: true, effectiveFrom: true, copyGivenOn: true, signatures: true });
type SignatureValues = z.infer<typeof signatureForm>;
type Scan = 'application/pdf' | 'image/png' | 'image/jpeg';
export type SigningWay = 'paper' | 'screen';
const SCAN_TYPES: readonly string[] = ['application/pdf', 'image/png', 'image/jpeg'];
const MAX_BYTES = 28 * 1024 * 1024;
const MIXED = 'Sign every line the same way: all on paper (with the scan of the printed form), or all on screen.';
const NOT_DRAWN = 'Sign in the box, or choose “Signed on paper”.';

interface Props {
  detail: ChannelOutput<'releases:get'>;
  /** How the lines start out; paper needs the printed form, so an unprinted release starts (and stays) on screen. */
  way: SigningWay;
  onCancel(): void;
  onRecorded(message: string): Promise<void>;
}

export function SignatureForm({ detail, way, onCancel, onRecorded }: Props) {
  const { summary, check } = detail;
  const paperPossible = detail.printedOn !== null;
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [ways, setWays] = useState<SigningWay[]>(() => check.signers.map(() => (paperPossible ? way : 'screen')));
  const [drawings, setDrawings] = useState<(string | null)[]>(() => check.signers.map(() => null));
  const [drawErrors, setDrawErrors] = useState<(string | null)[]>(() => check.signers.map(() => null));
  const { register, control, handleSubmit, setError, formState } = useForm<SignatureValues>({
    resolver: plainResolver(signatureForm),
    mode: 'onTouched',
    defaultValues: { signedOn: todayIso(), effectiveFrom: null, copyGivenOn: null, signatures: check.signers.map((s) => ({ role: s.role, signedName: s.name ?? '' })) },
  });
  const drawn = drawings.some((d) => d !== null);
  useDirtyReport(formState.isDirty || file !== null || drawn);
  // Errors inside the list come flat ("signatures.0.signedName") after a save and nested after a blur: `get` reads both.
  const errorAt = (path: string) => (get(formState.errors, path) as FieldError | undefined)?.message;
  const listError = errorAt('signatures');
  const allScreen = ways.every((w) => w === 'screen');
  const mixed = !allScreen && ways.some((w) => w === 'screen');

  const at = <T,>(list: T[], i: number, value: T) => list.map((v, j) => (j === i ? value : v));
  function chooseWay(i: number, w: SigningWay) {
    setWays((list) => at(list, i, w));
    setDrawErrors((list) => at(list, i, null));
    if (w === 'paper') setDrawings((list) => at(list, i, null));
  }
  function drew(i: number, png: string | null) {
    setDrawings((list) => at(list, i, png));
    if (png) setDrawErrors((list) => at(list, i, null));
  }

  function chooseFile(f: File | null) {
    setFile(f);
    if (f && !SCAN_TYPES.includes(f.type)) setFileError('Choose a PDF, PNG or JPEG file: scan the signed form in one of those.');
    else if (f && f.size > MAX_BYTES) setFileError('This file is larger than 28 MB. Scan it at a lower resolution and attach it again.');
    else setFileError(null);
  }

  const cancel = () => confirmDiscard(formState.isDirty || file !== null || drawn) && onCancel();
  const save = handleSubmit(async (values) => {
    if (fileError && !allScreen) return;
    setFailure(null);
    // The message is already shown beside the lines.
    if (mixed) return;
    const undrawn = ways.map((w, i) => w === 'screen' && drawings[i] === null);
    if (undrawn.some(Boolean)) return setDrawErrors(undrawn.map((missing) => (missing ? NOT_DRAWN : null)));
    const signatures = values.signatures.map((s, i) => {
      const png = drawings[i];
      return ways[i] === 'screen' && png ? { role: s.role, signedName: s.signedName, pngBase64: png } : { role: s.role, signedName: s.signedName };
    });
    const scan = file && !allScreen ? { fileName: file.name, mime: file.type as Scan, base64: await toBase64(file) } : null;
    const result = await call('releases:recordSignature', { id: summary.id, ...values, signatures, scan });
    if (result.ok) return onRecorded(allScreen ? `${summary.formId} signed on screen; the signed copy is on file.` : `Signature recorded for ${summary.formId}.`);
    const field = result.error.field ?? '';
    const drawing = /^signatures\.(\d+)\.pngBase64$/.exec(field);
    if (drawing) setDrawErrors((list) => at(list, Number(drawing[1]), result.error.message));
    else if (field === 'scan' || field.startsWith('scan.')) setFileError(result.error.message);
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
            {allScreen ? 'Sign on screen' : 'Record the signed form'}
          </Title>
          {paperPossible ? null : (
            <Text fz="sm" c="dimmed">
              This release has not been printed, so it can only be signed on screen here. To sign on paper, print it first.
            </Text>
          )}
          <DateField
            control={control}
            name="signedOn"
            label="Signed on"
            required
            description={allScreen ? 'A signature drawn on screen is dated today.' : undefined}
          />
          <DateField control={control} name="effectiveFrom" label="Effective from" description="Leave empty if it takes effect the day it was signed." />
          <DateField control={control} name="copyGivenOn" label="Copy given to signer on" />
          {check.signers.map((s, i) => {
            const role = SIGNER_ROLE_LABELS[s.role];
            return (
              <Fieldset key={i} legend={s.name ? `${role}: ${s.name}` : role} p="sm">
                <Stack gap="xs">
                  <Text fz="xs" c="dimmed">
                    {s.why}
                  </Text>
                  <Radio.Group label="How it is signed" value={ways[i]} onChange={(v) => chooseWay(i, v === 'screen' ? 'screen' : 'paper')}>
                    <Group gap="lg" mt={4}>
                      <Radio value="paper" label="Signed on paper" disabled={!paperPossible} />
                      <Radio value="screen" label="Sign on screen" />
                    </Group>
                  </Radio.Group>
                  <TextInput
                    label={`${role}: name as signed`}
                    withAsterisk
                    maw={420}
                    error={errorAt(`signatures.${i}.signedName`)}
                    {...register(`signatures.${i}.signedName` as const)}
                  />
                  {ways[i] === 'screen' ? <SignaturePad signer={role} error={drawErrors[i]} onChange={(png) => drew(i, png)} /> : null}
                </Stack>
              </Fieldset>
            );
          })}
          {listError ? (
            <Text fz="xs" c="red.9" role="alert">
              {listError}
            </Text>
          ) : null}
          <div role="status">
            {mixed ? (
              <Text fz="sm" c="red.9">
                {MIXED}
              </Text>
            ) : null}
          </div>
          {allScreen ? (
            <Text fz="sm" c="dimmed">
              The signed copy is made from the signatures drawn here and kept inside the encrypted vault.
            </Text>
          ) : (
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
          )}
          <ErrorAlert error={failure} title="The signature was not recorded" />
          <FormActions submitLabel="Record signature" submitting={formState.isSubmitting} onCancel={cancel} />
        </Stack>
      </form>
    </Paper>
  );
}
