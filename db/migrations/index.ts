/**
 * Every migration this version of Liaison knows, in the order they run.
 * A static map, never a folder scan: the packaged app has no folder to scan,
 * and a vault holding a name missing here was written by a newer version.
 */
import type { Kysely } from 'kysely';
import * as foundation from './2026-11-23-01-foundation.ts';
import * as caseload from './2026-11-23-02-caseload.ts';
import * as releases from './2026-11-23-03-releases.ts';
import * as exports from './2026-11-23-04-exports.ts';
import * as services from './2026-11-23-05-services.ts';
import * as providers from './2026-11-23-06-providers.ts';

export interface Migration {
  up(db: Kysely<unknown>): Promise<void>;
}

export const migrations: ReadonlyArray<readonly [name: string, migration: Migration]> = [
  ['2026-11-23-01-foundation', foundation],
  ['2026-11-23-02-caseload', caseload],
  ['2026-11-23-03-releases', releases],
  ['2026-11-23-04-exports', exports],
  ['2026-11-23-05-services', services],
  ['2026-11-23-06-providers', providers],
];
