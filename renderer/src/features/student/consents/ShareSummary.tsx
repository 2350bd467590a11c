/**
 * After the gate allows it: share a student summary with that recipient. The
 * summary holds only what the release or exception covers; saving it writes
 * the record of disclosures at the same time (the service asks the gate again).
 */
import { Button, Checkbox, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { ChannelInput } from '../../../../../electron/shared/contract.ts';
import { call, type ApiError } from '../../../lib/api.ts';
import { ErrorAlert } from '../kit.tsx';

export type ShareRequest = Omit<ChannelInput<'disclosures:shareSummary'>, 'nameInFile' | 'openAfterSave'>;

export function ShareSummary({ request, today, onShared }: { request: ShareRequest; today: boolean; onShared(message: string): Promise<void> }) {
  const [nameInFile, setNameInFile] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  if (!today) {
    return <Text fz="sm">To share now, set the date of sharing to today and check again.</Text>;
  }
  const share = async () => {
    setBusy(true);
    setError(null);
    const result = await call('disclosures:shareSummary', { ...request, nameInFile, openAfterSave: true });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    if (!result.value.saved) return;
    await onShared(`Student summary saved as “${result.value.fileName}” and added to the record of disclosures.`);
  };
  return (
    <Stack gap={6} mt="xs">
      <Text fz="sm">
        Liaison can make a student summary for this recipient with only the records checked above (IEP/504 status, program enrollments, plan goals, signed notes). Saving it adds it to the
        record of disclosures.
      </Text>
      <Checkbox label="Put the student’s name in the file name" description="Off by default: file lists and recent-file menus show names." checked={nameInFile} onChange={(e) => setNameInFile(e.currentTarget.checked)} />
      <ErrorAlert error={error} title="The summary was not shared" />
      <Group>
        <Button variant="light" loading={busy} onClick={() => void share()}>
          Share a student summary (PDF)
        </Button>
      </Group>
    </Stack>
  );
}
