import type { SameShape } from '@kota-kit/core/client';
import type { id } from './id.js';

/** English for visitors: the compiler holds it to the same keys as Bahasa Indonesia. */
export const en: SameShape<typeof id> = {
  nav: { title: 'Notices', description: 'Official news from the agencies' },
  list: {
    title: 'Notices',
    empty: 'No notices yet.',
    label: 'List of notices',
    write: 'Write a notice',
    withdraw: 'Withdraw',
    withdrawTitle: 'Withdraw this notice?',
    withdrawBody: 'The notice “{{title}}” will no longer be shown to citizens. The audit record is kept.',
  },
  form: {
    title: 'Write a notice',
    agency: 'Agency',
    heading: 'Title',
    body: 'Text',
    bodyHint: 'At most {{max}} characters.',
    publish: 'Publish',
    published: 'The notice “{{title}}” is published.',
  },
  widget: { title: 'Latest notices', all: 'All notices' },
};
