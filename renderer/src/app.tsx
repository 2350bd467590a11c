/**
 * Which screen to show: create, unlock, recover, the recovery key (once), or
 * the app. Locking (by her, by idle time, sleep or screen lock) reloads the
 * window, so every unlocked screen starts again from a clean state.
 */
import { Alert, Center, Loader } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import type { Settings } from '../../electron/shared/schemas/settings.ts';
import { call } from './lib/api.ts';
import { CreateVault } from './features/vault/CreateVault.tsx';
import { RecoveryKeyShown } from './features/vault/RecoveryKeyShown.tsx';
import { Recover } from './features/vault/Recover.tsx';
import { Unlock } from './features/vault/Unlock.tsx';
import { BillingPage } from './features/billing/BillingPage.tsx';
import { CaseloadPage } from './features/caseload/CaseloadPage.tsx';
import { HomePage } from './features/home/HomePage.tsx';
import { ProvidersPage } from './features/providers/ProvidersPage.tsx';
import { ReferralsPage } from './features/referrals/ReferralsPage.tsx';
import { ServiceLogPage } from './features/services/ServiceLogPage.tsx';
import { StudentRecordPage } from './features/student/StudentRecordPage.tsx';
import { NavigationContext, type Place } from './lib/navigation.ts';
import { PageTitle } from './ui/PageTitle.tsx';
import { SettingsPage } from './features/settings/SettingsPage.tsx';
import { AREAS } from './ui/areas.ts';
import { NotYet } from './ui/NotYet.tsx';
import { Shell } from './ui/Shell.tsx';

type Screen =
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'create' }
  | { kind: 'recovery-key'; recoveryKey: string }
  | { kind: 'unlock' }
  | { kind: 'recover'; keyFileMissing: boolean }
  | { kind: 'open' };

export function App() {
  const [screen, setScreen] = useState<Screen>({ kind: 'loading' });
  const [location, setLocation] = useState('');

  const refresh = useCallback(async () => {
    const status = await call('vault:status', {});
    if (!status.ok) return setScreen({ kind: 'failed', message: status.error.message });
    setLocation(status.value.location);
    const next: Record<typeof status.value.state, Screen> = {
      none: { kind: 'create' },
      locked: { kind: 'unlock' },
      'needs-recovery': { kind: 'recover', keyFileMissing: true },
      unlocked: { kind: 'open' },
    };
    setScreen(next[status.value.state]);
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  switch (screen.kind) {
    case 'loading':
      return (
        <Center mih="100vh">
          <Loader aria-label="Opening Liaison" />
        </Center>
      );
    case 'failed':
      return (
        <Center mih="100vh" p="xl">
          <Alert color="red" title="Liaison could not start" role="alert" maw={520}>
            {screen.message}
          </Alert>
        </Center>
      );
    case 'create':
      return <CreateVault onCreated={(recoveryKey) => setScreen({ kind: 'recovery-key', recoveryKey })} />;
    case 'recovery-key':
      return <RecoveryKeyShown recoveryKey={screen.recoveryKey} onDone={() => setScreen({ kind: 'open' })} />;
    case 'unlock':
      return <Unlock onUnlocked={() => setScreen({ kind: 'open' })} onForgot={() => setScreen({ kind: 'recover', keyFileMissing: false })} />;
    case 'recover':
      return (
        <Recover
          keyFileMissing={screen.keyFileMissing}
          onRecovered={() => setScreen({ kind: 'open' })}
          onBack={screen.keyFileMissing ? undefined : () => setScreen({ kind: 'unlock' })}
        />
      );
    case 'open':
      return <OpenVault location={location} onLocked={() => void refresh()} />;
  }
}

function OpenVault({ location, onLocked }: { location: string; onLocked(): void }) {
  const [place, setPlace] = useState<Place>({ area: 'home' });
  const [settings, setSettings] = useState<Settings | null>(null);

  useEffect(() => {
    void call('settings:get', {}).then((result) => {
      if (result.ok) setSettings(result.value);
      else if (result.error.code === 'LOCKED') onLocked();
    });
  }, [onLocked]);

  const navigate = useCallback((next: Place) => {
    setPlace(next);
    window.scrollTo(0, 0);
  }, []);

  const current = AREAS.find((a) => a.id === place.area)!;
  let page;
  if (place.area === 'home') page = <HomePage />;
  else if (place.area === 'caseload') page = place.studentId ? <StudentRecordPage key={place.studentId} studentId={place.studentId} tab={place.tab} /> : <CaseloadPage />;
  else if (place.area === 'services') page = <ServiceLogPage />;
  else if (place.area === 'billing') page = <BillingPage />;
  else if (place.area === 'providers') page = <ProvidersPage />;
  else if (place.area === 'referrals') page = <ReferralsPage />;
  else if (place.area === 'settings')
    page = settings ? (
      <>
        <PageTitle>Settings</PageTitle>
        <SettingsPage settings={settings} location={location} onSaved={setSettings} />
      </>
    ) : null;
  else
    page = (
      <>
        <PageTitle>{current.label}</PageTitle>
        <NotYet area={current} />
      </>
    );

  return (
    <NavigationContext.Provider value={navigate}>
      <Shell area={place.area} onNavigate={(area) => navigate({ area })} onLocked={onLocked} autoLockMinutes={settings?.autoLockMinutes ?? null} studentId={place.area === 'caseload' ? place.studentId : undefined}>
        {page}
      </Shell>
    </NavigationContext.Provider>
  );
}
