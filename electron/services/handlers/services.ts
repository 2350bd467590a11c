/** The service log, its templates and prior authorizations. */
import { listAuthorizations, saveAuthorization } from '../billing/authorizations.ts';
import * as entries from '../billing/entries.ts';
import { deleteTemplate, listTemplates, saveTemplate } from '../billing/templates.ts';
import type { VaultSession } from '../vault-session.ts';
import type { HandlersFor } from './types.ts';

type ServiceChannel =
  | 'services:preview'
  | 'services:save'
  | 'services:saveGroup'
  | 'services:sign'
  | 'services:discardDraft'
  | 'services:correct'
  | 'services:list'
  | 'services:last'
  | 'services:templates'
  | 'services:saveTemplate'
  | 'services:deleteTemplate'
  | 'authorizations:list'
  | 'authorizations:save';

export function serviceHandlers(session: VaultSession): HandlersFor<ServiceChannel> {
  const v = () => session.current;
  return {
    'services:preview': (input) => entries.previewEntry(v(), input),
    'services:save': (input) => entries.saveEntry(v(), input),
    'services:saveGroup': (input) => entries.saveGroup(v(), input),
    'services:sign': ({ id }) => entries.signDraft(v(), id),
    'services:discardDraft': ({ id }) => entries.discardDraft(v(), id),
    'services:correct': (input) => entries.correctEntry(v(), input),
    'services:list': (input) => entries.listEntries(v(), input),
    'services:last': ({ studentId }) => entries.lastEntry(v(), studentId),
    'services:templates': () => listTemplates(v()),
    'services:saveTemplate': (input) => saveTemplate(v(), input),
    'services:deleteTemplate': ({ id }) => deleteTemplate(v(), id),
    'authorizations:list': ({ studentId }) => listAuthorizations(v(), studentId),
    'authorizations:save': (input) => saveAuthorization(v(), input),
  };
}
