/**
 * The Providers area: the directory, one provider's page (details, referral
 * history, evaluations), the checklist form, and the side-by-side comparison.
 * Which of these shows is local state: the app's Place names students, not providers.
 */
import { Button } from '@mantine/core';
import { useState } from 'react';
import { useCall } from '../../lib/use-call.ts';
import { LoadState } from '../../ui/Failure.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { ComparePanel } from './ComparePanel.tsx';
import { ProviderDirectory } from './ProviderDirectory.tsx';
import { ProviderPage } from './ProviderPage.tsx';

type View = { kind: 'directory' } | { kind: 'provider'; id: string | null } | { kind: 'compare'; ids: string[] };

export function ProvidersPage() {
  const [view, setView] = useState<View>({ kind: 'directory' });
  const [selected, setSelected] = useState<string[]>([]);
  // Kept here, not on the provider page: adding a provider re-opens the page under its new id.
  const [notice, setNotice] = useState<string | null>(null);
  const [loaded, reload] = useCall('providers:list', {});
  const back = () => {
    setView({ kind: 'directory' });
    setNotice(null);
    void reload();
  };

  if (loaded.state !== 'ready') {
    return (
      <>
        <PageTitle>Providers</PageTitle>
        <LoadState loaded={loaded} what="the provider directory" />
      </>
    );
  }
  const providers = loaded.value.providers;

  if (view.kind === 'provider') {
    const provider = view.id ? (providers.find((p) => p.id === view.id) ?? null) : null;
    return (
      <ProviderPage
        key={view.id ?? 'new'}
        provider={provider}
        notice={notice}
        onBack={back}
        onSaved={(id, message) => {
          // The page shows the provider as the directory lists it, so the list is reloaded before the page moves to it.
          void reload().then(() => {
            setNotice(message);
            setView({ kind: 'provider', id });
          });
        }}
      />
    );
  }
  if (view.kind === 'compare') return <ComparePanel providerIds={view.ids} onBack={back} onOpen={(id) => setView({ kind: 'provider', id })} />;

  return (
    <>
      <PageTitle actions={<Button onClick={() => setView({ kind: 'provider', id: null })}>Add provider</Button>}>Providers</PageTitle>
      <ProviderDirectory
        providers={providers}
        selected={selected}
        onSelect={setSelected}
        onOpen={(id) => {
          setNotice(null);
          setView({ kind: 'provider', id });
        }}
        onCompare={() => setView({ kind: 'compare', ids: selected })}
      />
    </>
  );
}
