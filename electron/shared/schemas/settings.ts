import { z } from 'zod';
import { plainText } from './common.ts';

export const settingsSchema = z.object({
  /** Minutes without keyboard or mouse before the vault locks itself. */
  autoLockMinutes: z.number().int().min(1).max(240),
  /** District or county name printed as letterhead on documents. */
  organizationName: plainText(200),
  /** Where written requests (a revocation) go, printed on releases. */
  organizationAddress: plainText(200),
  /** The worker's name, printed under signature lines. */
  workerName: plainText(200),
  /** The school district's name, when a release or document names the district apart from the letterhead. */
  districtName: plainText(200),
  /** The county human services agency's name: named on releases from "both", and the recipient of the billing file. */
  countyName: plainText(200),
  /** The worker's rendering provider ID (Medicaid or NPI), printed on billing lines when the county asks for it. */
  workerProviderId: plainText(20),
  /** How often a CLTS ISP or CCS plan is reviewed: county practice, so a setting. */
  planReviewMonths: z.number().int().min(1).max(24),
  /** How many days before its end a release shows as expiring. */
  releaseExpiringDays: z.number().int().min(1).max(180),
});

export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  autoLockMinutes: 15,
  organizationName: '',
  organizationAddress: '',
  workerName: '',
  districtName: '',
  countyName: '',
  workerProviderId: '',
  planReviewMonths: 6,
  releaseExpiringDays: 30,
};

export const settingsPatch = settingsSchema.partial().strict();
