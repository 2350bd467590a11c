/**
 * The student's consents and disclosures: the releases (list, form, one
 * release), the check she runs before sharing anything, and the record of
 * what has been disclosed.
 */
import { Button, Stack } from '@mantine/core';
import { useCallback, useMemo, useState } from 'react';
import type { ReleaseDraftFields } from '../../../../../electron/shared/schemas/releases.ts';
import { useCall } from '../../../lib/use-call.ts';
import { LoadState } from '../../../ui/Failure.tsx';
import { Section } from '../kit.tsx';
import { useRecord } from '../record-context.ts';
import { DisclosuresTable, PrintDisclosures } from './DisclosuresTable.tsx';
import { GateCheck } from './GateCheck.tsx';
import { MedicaidConsent } from './MedicaidConsent.tsx';
import { ReleaseDetail } from './ReleaseDetail.tsx';
import { ReleaseForm } from './ReleaseForm.tsx';
import { ReleasesList } from './ReleasesList.tsx';

type Editing = { id: string; formId: string; draft: ReleaseDraftFields };
type View = { kind: 'list' } | { kind: 'form'; release?: Editing } | { kind: 'detail'; id: string; printedAs: string | null };

export function ConsentsTab() {
  const { studentId, changed } = useRecord();
  const [list, reloadList] = useCall('releases:list', { studentId });
  const [disclosures, reloadDisclosures] = useCall('disclosures:list', { studentId });
  const [view, setView] = useState<View>({ kind: 'list' });
  const releases = useMemo(() => (list.state === 'ready' ? list.value.releases : []), [list]);

  const after = useCallback(
    async (message: string) => {
      await Promise.all([reloadList(), reloadDisclosures()]);
      await changed(message);
    },
    [reloadList, reloadDisclosures, changed],
  );
  const toList = () => setView({ kind: 'list' });

  return (
    <Stack gap="xl">
      <Section
        title="Releases"
        actions={
          view.kind !== 'list' ? null : (
            <Button size="compact-sm" variant="light" onClick={() => setView({ kind: 'form' })}>
              New release
            </Button>
          )
        }
      >
        {view.kind === 'form' ? (
          <ReleaseForm
            key={view.release?.id ?? 'new'}
            release={view.release}
            onClose={toList}
            onSaved={after}
            onPrinted={(id, fileName) => {
              setView({ kind: 'detail', id, printedAs: fileName });
              void after('Release printed for signature.');
            }}
          />
        ) : view.kind === 'detail' ? (
          <ReleaseDetail
            key={view.id}
            id={view.id}
            printedAs={view.printedAs}
            onBack={toList}
            onEdit={(release) => setView({ kind: 'form', release })}
            onChanged={after}
          />
        ) : list.state === 'ready' ? (
          <ReleasesList releases={releases} onOpen={(id) => setView({ kind: 'detail', id, printedAs: null })} />
        ) : (
          <LoadState loaded={list} what="releases" />
        )}
      </Section>

      {/* While a release is being written, the rest of the tab steps aside. */}
      {view.kind === 'form' ? null : (
        <>
          <Section title="Check before sharing">
            <GateCheck releases={releases} onShared={after} />
          </Section>
          <Section title="Record of disclosures" actions={<PrintDisclosures studentId={studentId} />}>
            {disclosures.state === 'ready' ? <DisclosuresTable disclosures={disclosures.value.disclosures} /> : <LoadState loaded={disclosures} what="record of disclosures" />}
          </Section>
          <Section title="Medicaid billing consent (M-5)">
            <MedicaidConsent />
          </Section>
        </>
      )}
    </Stack>
  );
}
