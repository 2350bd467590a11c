/**
 * Settings → Billing: each program's billing profile (codes, units, rounding,
 * what can be billed, the county's export columns). Liaison ships them as
 * defaults to be confirmed with county billing staff; nothing billing-specific
 * is fixed elsewhere.
 */
import { Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useCall } from '../../lib/use-call.ts';
import { LoadState } from '../../ui/Failure.tsx';
import { ProfileForm } from './BillingProfilesForm.tsx';
import type { Program } from './BillingProfilesModel.tsx';

export function BillingProfiles() {
  const [loaded] = useCall('billing:profiles', {});
  const [program, setProgram] = useState<Program>('CLTS');
  const [dirty, setDirty] = useState<Partial<Record<Program, boolean>>>({});
  const markDirty = useCallback((p: Program, d: boolean) => setDirty((prev) => (Boolean(prev[p]) === d ? prev : { ...prev, [p]: d })), []);

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="billing-heading">
      <Stack gap="md">
        <Title order={2} fz="lg" id="billing-heading">
          Billing
        </Title>
        <Text fz="sm">
          What goes on each program’s billing lines, and the layout of the monthly file for county billing staff. Liaison ships these values as starting points; several are likely but
          not confirmed, so check each one with your county’s billing staff.
        </Text>
        <LoadState loaded={loaded} what="the billing settings" />
        {loaded.state === 'ready' ? (
          // Both programs' forms stay mounted, so switching programs keeps unsaved changes.
          <Tabs value={program} onChange={(v) => setProgram(v === 'CCS' ? 'CCS' : 'CLTS')} keepMounted>
            <Tabs.List aria-label="Program">
              {loaded.value.profiles.map((p) => (
                <Tabs.Tab key={p.program} value={p.program}>
                  {dirty[p.program] ? `${p.program} (unsaved changes)` : p.program}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            {loaded.value.profiles.map((p) => (
              <Tabs.Panel key={p.program} value={p.program} pt="md">
                <ProfileForm initial={p} rules={loaded.value.rules} onDirtyChange={markDirty} />
              </Tabs.Panel>
            ))}
          </Tabs>
        ) : null}
      </Stack>
    </Paper>
  );
}
