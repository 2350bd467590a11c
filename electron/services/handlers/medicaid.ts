/** The Medicaid billing consent (DPI model form M-5) and its annual notice. */
import * as medicaid from '../medicaid/consent.ts';
import type { Ports } from '../ports.ts';
import type { VaultSession } from '../vault-session.ts';
import type { HandlersFor } from './types.ts';

type MedicaidChannel = 'medicaid:get' | 'medicaid:recordNotice' | 'medicaid:print' | 'medicaid:recordDecision' | 'medicaid:withdraw';

export function medicaidHandlers(session: VaultSession, ports: Ports): HandlersFor<MedicaidChannel> {
  const v = () => session.current;
  return {
    'medicaid:get': ({ studentId }) => medicaid.getMedicaidConsent(v(), studentId),
    'medicaid:recordNotice': (input) => medicaid.recordNotice(v(), input),
    'medicaid:print': (input) => medicaid.printMedicaidConsent(v(), ports, input),
    'medicaid:recordDecision': (input) => medicaid.recordDecision(v(), input),
    'medicaid:withdraw': (input) => medicaid.withdrawConsent(v(), input),
  };
}
