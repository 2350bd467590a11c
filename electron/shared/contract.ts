/**
 * The one contract: every channel the UI can call, with its input and output
 * schemas. The preload exposes exactly these names, the main process and the
 * test harness validate against these schemas, and the renderer's forms reuse
 * them. `whenLocked` marks the few channels that work before unlock.
 */
import type { z } from 'zod';
import type { ChannelName } from './channels.ts';
import { empty } from './schemas/common.ts';
import { settingsPatch, settingsSchema } from './schemas/settings.ts';
import {
  changePassphraseInput,
  createVaultInput,
  createVaultOutput,
  recoverInput,
  recoverySheetInput,
  savedDocument,
  unlockInput,
  vaultStatus,
} from './schemas/vault.ts';

interface ChannelSpec {
  input: z.ZodType;
  output: z.ZodType;
  whenLocked: boolean;
}

export const contract = {
  'vault:status': { input: empty, output: vaultStatus, whenLocked: true },
  'vault:create': { input: createVaultInput, output: createVaultOutput, whenLocked: true },
  'vault:unlock': { input: unlockInput, output: empty, whenLocked: true },
  'vault:lock': { input: empty, output: empty, whenLocked: true },
  'vault:changePassphrase': { input: changePassphraseInput, output: empty, whenLocked: false },
  'vault:recover': { input: recoverInput, output: empty, whenLocked: true },
  'vault:printRecoverySheet': { input: recoverySheetInput, output: savedDocument, whenLocked: false },
  'settings:get': { input: empty, output: settingsSchema, whenLocked: false },
  'settings:set': { input: settingsPatch, output: settingsSchema, whenLocked: false },
} as const satisfies { [K in ChannelName]: ChannelSpec };

export type Contract = typeof contract;
export type ChannelInput<C extends ChannelName> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Contract[C]['output']>;

export { channelNames, isChannelName, type ChannelName } from './channels.ts';
