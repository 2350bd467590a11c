/** The provider directory, vetting evaluations, comparison, and referrals. */
import * as providers from '../providers/providers.ts';
import { listReferrals, moveReferral, saveReferral } from '../providers/referrals.ts';
import type { Ports } from '../ports.ts';
import { buildPacket } from '../providers/packet.ts';
import type { VaultSession } from '../vault-session.ts';
import type { HandlersFor } from './types.ts';

type ProviderChannel =
  | 'providers:list'
  | 'providers:save'
  | 'providers:compare'
  | 'providers:printChecklist'
  | 'checklist:template'
  | 'evaluations:save'
  | 'evaluations:list'
  | 'referrals:list'
  | 'referrals:save'
  | 'referrals:transition'
  | 'referrals:packet';

export function providerHandlers(session: VaultSession, ports: Ports): HandlersFor<ProviderChannel> {
  const v = () => session.current;
  return {
    'providers:list': () => providers.listProviders(v()),
    'providers:save': (input) => providers.saveProvider(v(), input),
    'providers:compare': (input) => providers.compare(v(), input),
    'providers:printChecklist': (input) => providers.printChecklist(v(), ports, input),
    'checklist:template': () => providers.getTemplate(),
    'evaluations:save': (input) => providers.saveEvaluation(v(), input),
    'evaluations:list': ({ providerId }) => providers.listEvaluations(v(), providerId),
    'referrals:list': (input) => listReferrals(v(), input),
    'referrals:save': (input) => saveReferral(v(), input),
    'referrals:transition': (input) => moveReferral(v(), input),
    'referrals:packet': (input) => buildPacket(v(), ports, input),
  };
}
