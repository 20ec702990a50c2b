/** The workflow's words, without zod, so pages that only list them do not load the schema library. */
export const articleStatuses = ['draft', 'review', 'changes', 'approved', 'scheduled', 'published'] as const;
export type ArticleStatus = (typeof articleStatuses)[number];

export const articleActions = ['submit', 'request-changes', 'approve', 'schedule', 'publish', 'unschedule'] as const;
export type ArticleAction = (typeof articleActions)[number];
