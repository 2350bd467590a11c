/**
 * One entry opened in the month close table: every reason, and the fixes that
 * apply to it — sign a draft, correct a signed entry, add the missing Medicaid
 * ID — or the place to go when the fix is elsewhere (the batch, the record).
 */
import { Button, Group, List, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { PLACE_OF_SERVICE_LABELS } from '../../../../electron/shared/domain/billing/types.ts';
import { call, type ApiError } from '../../lib/api.ts';
import { useNavigate } from '../../lib/navigation.ts';
import { CorrectForm } from './CorrectForm.tsx';
import { batchLabel, minutesWords, SEVERITY_WORDS, shownReasons, showDate, unitsWords, type Row } from './format.ts';
import { BillingError } from './kit.tsx';
import { MedicaidIdForm } from './MedicaidIdForm.tsx';

type Open = 'correct' | 'medicaid' | null;

interface Props {
  id: string;
  row: Row;
  month: string;
  onChanged(message: string): Promise<void>;
  onShowBatches(): void;
}

export function EntryFixes({ id, row, month, onChanged, onShowBatches }: Props) {
  const navigate = useNavigate();
  const [open, setOpen] = useState<Open>(null);
  const [signing, setSigning] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const reasons = shownReasons(row);
  const needsMedicaidId = reasons.some((r) => r.code === 'no_medicaid_id');
  const signed = row.status !== 'draft';
  const place = PLACE_OF_SERVICE_LABELS[row.placeOfService];

  const sign = async () => {
    setSigning(true);
    setError(null);
    const result = await call('services:sign', { id: row.entryId });
    setSigning(false);
    if (!result.ok) return setError(result.error);
    await onChanged(`Signed: ${row.studentName}, ${showDate(row.date)}.`);
  };

  return (
    <Paper id={id} role="region" aria-label={`Reasons and fixes: ${row.studentName}, ${showDate(row.date)}`} p="md" radius={0} bg="var(--mantine-color-gray-0)">
      <Stack gap="sm">
        <Text fz="sm">
          {row.activity[0]?.toUpperCase()}
          {row.activity.slice(1)} · place of service {row.placeOfService}
          {place ? ` (${place})` : ''} · {minutesWords(row.minutes)} · {unitsWords(row.units)} {row.units === 1 ? 'unit' : 'units'}
          {row.procedureCode ? ` · ${[row.procedureCode, ...row.modifiers].join(' ')}` : ''}
          {row.batchId ? ` · in batch ${batchLabel(row.batchId)}` : ''}
        </Text>
        {reasons.length === 0 ? (
          <Text fz="sm">Nothing stands in the way of billing this entry.</Text>
        ) : (
          <List size="sm" spacing={4} aria-label="Reasons">
            {reasons.map((r, i) => (
              <List.Item key={`${r.code}-${i}`}>
                <Text span fz="sm" fw={700}>
                  {SEVERITY_WORDS[r.severity]}:
                </Text>{' '}
                {r.message}
              </List.Item>
            ))}
          </List>
        )}
        {open === null ? (
          <Group gap="xs">
            {row.status === 'draft' ? (
              <Button size="xs" onClick={() => void sign()} loading={signing}>
                Sign
              </Button>
            ) : null}
            {needsMedicaidId ? (
              <Button size="xs" variant={row.status === 'blocked' ? 'filled' : 'default'} onClick={() => setOpen('medicaid')}>
                Add Medicaid ID
              </Button>
            ) : null}
            {row.status === 'changed_since_export' ? (
              <Button size="xs" onClick={onShowBatches}>
                Go to batches to void batch {row.batchId ? batchLabel(row.batchId) : ''}
              </Button>
            ) : null}
            {signed ? (
              <Button size="xs" variant={row.status === 'blocked' && !needsMedicaidId ? 'filled' : 'default'} onClick={() => setOpen('correct')}>
                Correct…
              </Button>
            ) : null}
            <Button size="xs" variant="default" onClick={() => navigate({ area: 'caseload', studentId: row.studentId })}>
              Open student record
            </Button>
            <Button size="xs" variant="default" onClick={() => navigate({ area: 'services' })}>
              Open in service log
            </Button>
          </Group>
        ) : null}
        {open === null && row.status === 'exported' ? (
          <Text fz="xs" c="dimmed">
            This entry went out in batch {row.batchId ? batchLabel(row.batchId) : ''}. A correction now means voiding that batch and exporting a corrected one.
          </Text>
        ) : null}
        <BillingError error={error} title="The entry was not signed" />
        {open === 'correct' ? (
          <CorrectForm
            row={row}
            month={month}
            onDone={(message) => {
              setOpen(null);
              if (message) void onChanged(message);
            }}
          />
        ) : null}
        {open === 'medicaid' ? (
          <MedicaidIdForm
            studentId={row.studentId}
            studentName={row.studentName}
            onDone={(message) => {
              setOpen(null);
              if (message) void onChanged(message);
            }}
          />
        ) : null}
      </Stack>
    </Paper>
  );
}
