/** One release: its terms read back, and what can be done next for where it stands (edit, print, sign on screen, record the signature, revoke). */
import { Alert, Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { ReleaseDraftFields } from '../../../../../electron/shared/schemas/releases.ts';
import { call, type ApiError } from '../../../lib/api.ts';
import { useCall } from '../../../lib/use-call.ts';
import { LoadState } from '../../../ui/Failure.tsx';
import { ErrorAlert } from '../kit.tsx';
import { ReleaseTerms, StatusBadge } from './ReleaseTerms.tsx';
import { RevokeForm } from './RevokeForm.tsx';
import { SignatureForm, type SigningWay } from './SignatureForm.tsx';
import { useFocusOnMount } from './use-focus-on-mount.ts';

type PrintState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; fileName: string } | { kind: 'cancelled' } | { kind: 'failed'; error: ApiError };
const REVOCABLE = ['not_yet_effective', 'active', 'expiring'];

interface Props {
  id: string;
  /** The file name when the form was just printed from the release form. */
  printedAs: string | null;
  onBack(): void;
  onEdit(release: { id: string; formId: string; draft: ReleaseDraftFields }): void;
  onChanged(message: string): Promise<void>;
}

export function ReleaseDetail({ id, printedAs, onBack, onEdit, onChanged }: Props) {
  const [loaded, reload] = useCall('releases:get', { id });
  const [mode, setMode] = useState<'view' | 'sign' | 'revoke'>('view');
  const [way, setWay] = useState<SigningWay>('paper');
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const [print, setPrint] = useState<PrintState>(printedAs ? { kind: 'saved', fileName: printedAs } : { kind: 'idle' });

  const back = (
    <Anchor component="button" type="button" fz="sm" onClick={() => (mode === 'view' || window.confirm('Leave without recording it? What you typed is not kept.')) && onBack()}>
      ← Back to releases
    </Anchor>
  );
  if (loaded.state !== 'ready') {
    return (
      <Stack gap="sm" align="flex-start">
        {back}
        <LoadState loaded={loaded} what="release" />
      </Stack>
    );
  }
  const detail = loaded.value;
  const { summary } = detail;

  async function after(message: string) {
    setMode('view');
    setPrint({ kind: 'idle' });
    await reload();
    await onChanged(message);
  }

  async function printIt() {
    setPrint({ kind: 'saving' });
    const result = await call('releases:print', { id });
    if (!result.ok) return setPrint({ kind: 'failed', error: result.error });
    if (!result.value.saved || !result.value.fileName) return setPrint({ kind: 'cancelled' });
    setPrint({ kind: 'saved', fileName: result.value.fileName });
    await reload();
    await onChanged(`${summary.formId} printed for signature.`);
  }

  const sign = (w: SigningWay) => {
    setWay(w);
    setMode('sign');
  };
  // A complete release may be signed on screen without printing it first.
  const readyToSign = detail.check.printProblems.length === 0;

  const printButton = (label: string, variant: string) => (
    <Button variant={variant} onClick={() => void printIt()} loading={print.kind === 'saving'}>
      {label}
    </Button>
  );

  return (
    <Stack gap="md" component="section" aria-label={`Release ${summary.formId}`}>
      <Stack gap={4} align="flex-start">
        {back}
        <Group gap="sm">
          <Title order={3} fz="md" ref={heading} tabIndex={-1}>
            Release {summary.formId}
          </Title>
          <StatusBadge status={summary.status} label={summary.statusLabel} />
        </Group>
      </Stack>

      {mode === 'view' && (summary.status === 'draft' || summary.status === 'awaiting_signature' || REVOCABLE.includes(summary.status)) ? (
        <Group gap="sm">
          {summary.status === 'draft' ? (
            <>
              <Button variant="default" onClick={() => onEdit({ id, formId: summary.formId, draft: detail.draft })}>
                Edit draft
              </Button>
              {printButton('Print for signature', 'filled')}
              {readyToSign ? (
                <Button variant="default" onClick={() => sign('screen')}>
                  Sign on screen
                </Button>
              ) : null}
            </>
          ) : null}
          {summary.status === 'awaiting_signature' ? (
            <>
              <Button onClick={() => sign('paper')}>Record signature</Button>
              <Button variant="default" onClick={() => sign('screen')}>
                Sign on screen
              </Button>
              {printButton('Print again', 'default')}
            </>
          ) : null}
          {REVOCABLE.includes(summary.status) ? (
            <Button variant="default" onClick={() => setMode('revoke')}>
              Record revocation
            </Button>
          ) : null}
        </Group>
      ) : null}

      <div aria-live="polite">
        {print.kind === 'saved' ? (
          <Alert color="green" title={`Saved as “${print.fileName}”`} maw={720}>
            It opened for printing. Once it is signed, come back here and record the signature.
          </Alert>
        ) : print.kind === 'cancelled' ? (
          <Text fz="sm" c="dimmed">
            Not saved. The release was not printed.
          </Text>
        ) : null}
      </div>
      <ErrorAlert error={print.kind === 'failed' ? print.error : null} title="The release was not printed" />

      {mode === 'sign' ? <SignatureForm detail={detail} way={way} onCancel={() => setMode('view')} onRecorded={after} /> : null}
      {mode === 'revoke' ? <RevokeForm release={{ id, formId: summary.formId }} onCancel={() => setMode('view')} onRevoked={after} /> : null}

      <ReleaseTerms detail={detail} />
    </Stack>
  );
}
