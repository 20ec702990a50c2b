/**
 * @kota-kit/pencaker/server — the server half (Node only): migrations, the API, public page heads and sitemap,
 * jobs, demo data, events.
 */
import { defineServerModule } from '@kota-kit/core/server';
import { pencaker, type PencakerOptions } from '../index.js';
import { pencakerApi } from './api.js';
import { jobs } from './jobs/index.js';
import { migrations } from './migrations/index.js';
import { pages, sitemap } from './pages.js';
import { seed } from './seed.js';
import { accountData, forgetAccount } from './services/accounts.js';
import { applicationReceived, applicationStageChanged } from './services/applications.js';
import { cardReportDue, cardStatusChanged } from './services/cards.js';
import { employerStatusChanged } from './services/employers.js';
import { runCardJob } from './services/cards.js';
import { expireVacancies, searchMatched, vacancyPublished, vacancyStatusChanged } from './services/vacancies.js';
import type { Ctx, PencakerTables } from './tables.js';

export type { PencakerApi } from './api.js';
export type { PencakerTables } from './tables.js';
export { migrations } from './migrations/index.js';
export { jobPosting } from './pages.js';
export { runCardJob, expireVacancies };

/** What the browser may see of the options: nothing here is secret. */
export function publicOptions(options: PencakerOptions) {
  return { agencyId: options.agencyId, maxCvBytes: options.maxCvBytes, pageSize: options.pageSize, reportIntervalMonths: options.reportIntervalMonths, cardValidityMonths: options.cardValidityMonths };
}

/** Of upload keys under "pencaker/", those a row still refers to (CVs and logos), for core's janitor. */
async function liveUploads(ctx: Ctx, keys: string[]): Promise<string[]> {
  if (keys.length === 0) return [];
  const [cvs, logos] = await Promise.all([
    ctx.db.selectFrom('pencaker_seekers').select('cv_key as key').where('cv_key', 'in', keys).execute(),
    ctx.db.selectFrom('pencaker_employers').select('logo_key as key').where('logo_key', 'in', keys).execute(),
  ]);
  return [...cvs, ...logos].map((row) => row.key!);
}

export default defineServerModule<typeof pencaker, PencakerTables>(pencaker, {
  migrations,
  api: pencakerApi,
  seed,
  jobs,
  pages,
  sitemap,
  liveUploads,
  publicOptions,
  // UU PDP: the job seeker's data in "Unduh data saya", and forgotten when the account is deleted.
  accountData,
  forgetAccount,
  events: [cardStatusChanged, cardReportDue, employerStatusChanged, vacancyPublished, vacancyStatusChanged, searchMatched, applicationReceived, applicationStageChanged],
});
