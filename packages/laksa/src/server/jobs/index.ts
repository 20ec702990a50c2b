import type { Job } from '@kota-kit/core/server';
import type { LaksaOptions } from '../../index.js';
import type { LaksaTables } from '../tables.js';
import { autoClose } from './auto-close.js';
import { flagOverdue } from './overdue.js';

export { autoClose, flagOverdue };

export const jobs: Job<LaksaOptions, LaksaTables>[] = [
  { name: 'overdue', everySeconds: 15 * 60, run: async (ctx) => void (await flagOverdue(ctx)) },
  { name: 'auto-close', everySeconds: 60 * 60, run: async (ctx) => void (await autoClose(ctx)) },
];
