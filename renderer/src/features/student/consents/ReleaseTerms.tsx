/** A release read back: its terms, where the paper stands, the signature lines and the signed copy on file. */
import { Badge, Button, DataList, List, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { ReactNode } from 'react';
import type { ChannelOutput } from '../../../../../electron/shared/contract.ts';
import { DISCLOSER_LABELS, RECORD_CATEGORY_LABELS, REGIME_LABELS, SIGNER_ROLE_LABELS } from '../../../../../electron/shared/domain/consent/types.ts';
import { call } from '../../../lib/api.ts';
import { formatDay, formatMoment } from '../../../lib/dates.ts';
import { Empty } from '../kit.tsx';
import { capitalized, endsText, fileSize, LANGUAGE_LABELS, STATUS_COLORS } from './release-model.ts';

type Detail = ChannelOutput<'releases:get'>;

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{children}</DataList.ItemValue>
    </DataList.Item>
  );
}

export function StatusBadge({ status, label }: { status: string; label: string }) {
  return (
    <Badge variant="light" color={STATUS_COLORS[status] ?? 'gray'} tt="none" fw={700}>
      {label}
    </Badge>
  );
}

export function ReleaseTerms({ detail }: { detail: Detail }) {
  const { summary, draft, revocation } = detail;
  const none = <Text span fz="sm" c="dimmed">Not filled in yet</Text>;
  return (
    <Stack gap="md">
      <DataList labelWidth={170} gap={6}>
        <Item label="Status">
          <StatusBadge status={summary.status} label={summary.statusLabel} />
        </Item>
        <Item label="Who discloses">{draft.discloser ? capitalized(DISCLOSER_LABELS[draft.discloser]) : none}</Item>
        <Item label="Recipients">
          {draft.recipients.length === 0
            ? none
            : draft.recipients.map((r, i) => (
                <Text key={i} fz="sm">
                  {r.kind === 'party' ? [r.name, r.address].filter(Boolean).join(', ') : `${r.description} (a class of parties)`}
                </Text>
              ))}
        </Item>
        <Item label="Purpose">{draft.purpose.trim() ? <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }}>{draft.purpose}</Text> : none}</Item>
        <Item label="Records">
          {draft.categories.length === 0
            ? none
            : draft.categories.map((c) => (
                <Text key={c} fz="sm">
                  {RECORD_CATEGORY_LABELS[c]}
                  {c === 'other' && draft.otherDescription ? `: ${draft.otherDescription}` : ''}
                </Text>
              ))}
        </Item>
        <Item label="Ends">{endsText(summary.endsOn, summary.endsAt)}</Item>
        <Item label="Language">{LANGUAGE_LABELS[draft.language]}</Item>
        <Item label="Laws">{draft.regimes.length ? draft.regimes.map((r) => REGIME_LABELS[r]).join(', ') : none}</Item>
        {detail.printedOn || !summary.signedOn ? <Item label="Printed for signature">{detail.printedOn ? formatDay(detail.printedOn) : 'Not yet'}</Item> : null}
        {summary.signedOn ? (
          <Item label="Signed on">
            {formatDay(summary.signedOn)}
            {detail.signatures.length > 0 && detail.signatures.every((s) => s.onScreen) ? ' (on screen)' : ''}
          </Item>
        ) : null}
        {detail.effectiveFrom ? <Item label="Effective from">{formatDay(detail.effectiveFrom)}</Item> : null}
        {detail.copyGivenOn ? <Item label="Copy given to signer">{formatDay(detail.copyGivenOn)}</Item> : null}
        {revocation ? (
          <Item label="Revoked">
            Received {formatDay(revocation.receivedOn)}, {revocation.method === 'written' ? 'in writing' : 'orally'}, by {revocation.receivedBy}
          </Item>
        ) : null}
      </DataList>

      <Stack gap={4} component="section" aria-label="Signature lines">
        <Title order={4} fz="sm">
          Signature lines
        </Title>
        {detail.check.signers.length === 0 ? (
          <Empty>No signature lines yet: choose the records to share.</Empty>
        ) : (
          <List size="sm" spacing={4}>
            {detail.check.signers.map((s, i) => {
              const signed = detail.signatures.find((sig) => sig.role === s.role);
              return (
                <List.Item key={i}>
                  <b>{SIGNER_ROLE_LABELS[s.role]}</b>
                  {s.name ? `: ${s.name}` : ''} — {s.why}
                  {signed ? <Text fz="sm">Signed by {signed.signedName}</Text> : null}
                </List.Item>
              );
            })}
          </List>
        )}
        {detail.check.signerProblems.map((p, i) => (
          <Text key={i} fz="sm" c="red.9">
            {p}
          </Text>
        ))}
      </Stack>

      <Stack gap={4} component="section" aria-label="Signed copy">
        <Title order={4} fz="sm">
          Signed copy
        </Title>
        {detail.attachments.length === 0 ? (
          <Empty>No signed copy attached.</Empty>
        ) : (
          <List size="sm" spacing={2}>
            {detail.attachments.map((a) => (
              <List.Item key={a.id}>
                {a.fileName} · {fileSize(a.bytes)} · added {formatMoment(a.addedAt)}{' '}
                <OpenCopy attachmentId={a.id} fileName={a.fileName} />
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Stack>
  );
}

/** Saves the signed copy where she chooses and opens it; the vault keeps its own copy. */
function OpenCopy({ attachmentId, fileName }: { attachmentId: string; fileName: string }) {
  const [state, setState] = useState<string | null>(null);
  const open = async () => {
    const r = await call('releases:openSignedCopy', { attachmentId });
    setState(r.ok ? (r.value.saved ? `Saved as “${r.value.fileName}” and opened.` : 'Not saved.') : r.error.message);
  };
  return (
    <>
      <Button size="compact-xs" variant="default" onClick={() => void open()} aria-label={`Open the signed copy ${fileName}`}>
        Open
      </Button>
      {state ? (
        <Text span fz="xs" ml={6} aria-live="polite">
          {state}
        </Text>
      ) : null}
    </>
  );
}
