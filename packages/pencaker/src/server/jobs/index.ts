import type { Job } from '@kota-kit/core/server';
import type { PencakerOptions } from '../../index.js';
import { runCardJob } from '../services/cards.js';
import { expireVacancies } from '../services/vacancies.js';
import type { PencakerTables } from '../tables.js';

export const jobs: Job<PencakerOptions, PencakerTables>[] = [
  // Vacancies leave the search at their closing date anyway; the job records it (status, audit, event).
  { name: 'expire-vacancies', everySeconds: 15 * 60, run: async (ctx) => void (await expireVacancies(ctx)) },
  { name: 'cards', everySeconds: 60 * 60, run: async (ctx) => void (await runCardJob(ctx)) },
];
