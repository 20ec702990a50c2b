/**
 * @kota-kit/laksa/server — the API, the Open311 endpoint, migrations, jobs and demo seed (Node only).
 */
import { defineServerModule } from '@kota-kit/core/server';
import { laksa } from '../index.js';
import { laksaApi } from './api.js';
import { jobs } from './jobs/index.js';
import { migrations } from './migrations.js';
import { open311Errors, registerOpen311 } from './open311/index.js';
import { liveUploads } from './routes/photos.js';
import { seedDemoAccounts, seedDemoReports } from './seed.js';
import { accountData, forgetAccount } from './services/accounts.js';
import { overdueEvent, progressEvent, statusChangedEvent } from './services/workflow.js';
import type { LaksaTables } from './tables.js';

export { migrations } from './migrations.js';
export { formatTicket, ticketAlphabet } from './services/tickets.js';
export { autoClose, flagOverdue } from './jobs/index.js';
export { escapeXml } from './open311/index.js';
export { laksaApi, type LaksaApi } from './api.js';
export type { LaksaTables } from './tables.js';

export default defineServerModule<typeof laksa, LaksaTables>(laksa, {
  migrations,
  events: [statusChangedEvent, overdueEvent, progressEvent],
  // What the browser needs to build the form and explain deadlines; nothing here is secret.
  publicOptions: (options) => ({
    categories: options.categories.map(({ id, name, description, agency, deadlineWorkingDays, types }) => ({ id, name, description, agency, deadlineWorkingDays, types })),
    // Only when set: otherwise the browser takes the names from the region's geography, as the server does.
    ...(options.kecamatan ? { kecamatan: options.kecamatan } : {}),
    verifierAgency: options.verifierAgency,
    verifyWithinWorkingDays: options.verifyWithinWorkingDays,
    reopenWithinWorkingDays: options.reopenWithinWorkingDays,
    autoCloseAfterWorkingDays: options.autoCloseAfterWorkingDays,
    maxPhotos: options.maxPhotos,
    maxPhotoBytes: options.maxPhotoBytes,
    askNik: options.askNik,
  }),
  api: laksaApi,
  rootRoutes: registerOpen311,
  // Core's refusals under /open311/v2 (NUL bytes, bad encoding, body too large, rate limits) in Open311's format.
  rootErrors: open311Errors,
  liveUploads,
  // UU PDP: a citizen's reports in "Unduh data saya", and forgotten (the reports stay) when the account is deleted.
  accountData,
  forgetAccount,
  jobs,
  async seed(ctx) {
    await seedDemoAccounts(ctx);
    await seedDemoReports(ctx);
  },
});
