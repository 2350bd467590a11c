/** Month close: readiness, export, batches, the time picture and the billing profiles. */
import { listBatches, voidBatch } from '../billing/batches.ts';
import { exportMonth } from '../billing/export.ts';
import { monthReadiness } from '../billing/month.ts';
import { timePicture } from '../billing/picture.ts';
import { getProfiles, saveProfile } from '../billing/profiles.ts';
import type { Ports } from '../ports.ts';
import type { VaultSession } from '../vault-session.ts';
import type { HandlersFor } from './types.ts';

type BillingChannel = 'billing:month' | 'billing:export' | 'billing:batches' | 'billing:void' | 'billing:timePicture' | 'billing:profiles' | 'billing:saveProfile';

export function billingHandlers(session: VaultSession, ports: Ports): HandlersFor<BillingChannel> {
  const v = () => session.current;
  return {
    'billing:month': ({ program, month }) => monthReadiness(v(), program, month),
    'billing:export': (input) => exportMonth(v(), ports, input),
    'billing:batches': (input) => listBatches(v(), input),
    'billing:void': (input) => voidBatch(v(), input),
    'billing:timePicture': ({ month }) => timePicture(v(), month),
    'billing:profiles': () => getProfiles(v()),
    'billing:saveProfile': (input) => saveProfile(v(), input),
  };
}
