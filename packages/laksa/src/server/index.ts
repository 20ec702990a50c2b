/**
 * @kota-kit/laksa/server — routes, Open311 endpoint, migrations, jobs and demo seed (Node only).
 */
import { defineServerModule } from '@kota-kit/core/server';
import { laksa } from '../index.js';
import { jobs } from './jobs.js';
import { migrations } from './migrations.js';
import { registerOpen311 } from './open311.js';
import { registerRoutes } from './routes.js';
import { seedDemoAccounts, seedDemoReports } from './seed.js';

export { migrations } from './migrations.js';
export { formatTicket, ticketAlphabet } from './db.js';
export { autoClose, flagOverdue } from './jobs.js';
export { escapeXml } from './open311.js';

export default defineServerModule(laksa, {
  migrations,
  events: ['report.status-changed', 'report.overdue'],
  // What the browser needs to build the form and explain deadlines; nothing here is secret.
  publicOptions: (options) => ({
    categories: options.categories.map(({ id, name, description, agency, deadlineWorkingDays, types }) => ({ id, name, description, agency, deadlineWorkingDays, types })),
    kecamatan: options.kecamatan,
    verifierAgency: options.verifierAgency,
    verifyWithinWorkingDays: options.verifyWithinWorkingDays,
    reopenWithinWorkingDays: options.reopenWithinWorkingDays,
    autoCloseAfterWorkingDays: options.autoCloseAfterWorkingDays,
    maxPhotos: options.maxPhotos,
    maxPhotoBytes: options.maxPhotoBytes,
    askNik: options.askNik,
  }),
  routes: registerRoutes,
  rootRoutes: registerOpen311,
  jobs,
  async seed(ctx) {
    await seedDemoAccounts(ctx);
    await seedDemoReports(ctx);
  },
});
