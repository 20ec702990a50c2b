/** The articles resource's schemas, shared by the server's routes and the browser's forms. */
import { z } from '@kota-kit/core';

import { articleActions, articleStatuses } from './statuses.js';

export { articleActions, articleStatuses, type ArticleAction, type ArticleStatus } from './statuses.js';

const id = z.coerce.number().int().positive().max(2_147_483_647);
export const articleIdParams = z.object({ id });
export const slugParams = z.object({ slug: z.string().min(1).max(120) });

export const tagSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(2)
  .max(40)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} -]*$/u, 'letters, digits, spaces and hyphens');

export const imageInputSchema = z.object({
  /** The key the image upload answered with. */
  key: z.string().regex(/^[a-f0-9]{32}$/),
  /** Alt text is required: a reader who cannot see the picture gets what it shows. */
  alt: z.string().trim().min(5).max(200),
  caption: z.string().trim().max(300).default(''),
  credit: z.string().trim().max(120).default(''),
});

export const articleInputSchema = z.object({
  agencyId: z.string().min(1).max(40),
  category: z.string().min(1).max(60),
  title: z.string().trim().min(5).max(160),
  summary: z.string().trim().min(20).max(300),
  /** HTML from the editor; the server keeps only what its allow-list permits. */
  bodyHtml: z.string().max(200_000),
  tags: z.array(tagSchema).max(10).default([]),
  image: imageInputSchema.nullable().default(null),
});
export type ArticleInput = z.input<typeof articleInputSchema>;

export const actionInputSchema = z.object({
  action: z.enum(articleActions),
  /** Required when requesting changes. */
  comment: z.string().trim().max(2000).optional(),
  /** ISO date-time, for `schedule`. */
  at: z.iso.datetime({ offset: true }).optional(),
});

export const correctionInputSchema = z.object({ text: z.string().trim().min(10).max(1000) });

export const imageSchema = z.object({
  url: z.string(),
  srcset: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  alt: z.string(),
  caption: z.string(),
  credit: z.string(),
});
export type ArticleImage = z.infer<typeof imageSchema>;

export const correctionSchema = z.object({ id: z.number().int(), at: z.string(), text: z.string() });

export const eventSchema = z.object({
  at: z.string(),
  actorName: z.string(),
  action: z.string(),
  from: z.string().nullable(),
  to: z.string(),
  comment: z.string().nullable(),
});

/** An article as the newsroom sees it. */
export const newsroomArticleSchema = z.object({
  id: z.number().int(),
  slug: z.string(),
  status: z.enum(articleStatuses),
  agencyId: z.string(),
  category: z.string(),
  title: z.string(),
  summary: z.string(),
  bodyHtml: z.string(),
  tags: z.array(z.string()),
  image: imageSchema.extend({ key: z.string() }).nullable(),
  authorName: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  scheduledAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  revision: z.number().int(),
  events: z.array(eventSchema),
  corrections: z.array(correctionSchema),
  /** What the signed-in officer may do now. */
  allowedActions: z.array(z.enum(articleActions)),
  canEdit: z.boolean(),
  canCorrect: z.boolean(),
});
export type NewsroomArticle = z.infer<typeof newsroomArticleSchema>;

export const newsroomListItemSchema = newsroomArticleSchema.pick({ id: true, slug: true, status: true, agencyId: true, category: true, title: true, authorName: true, updatedAt: true, scheduledAt: true, publishedAt: true });
export const newsroomListSchema = z.object({
  items: z.array(newsroomListItemSchema),
  counts: z.record(z.string(), z.number().int()),
  page: z.number().int(),
  pages: z.number().int(),
});
export const newsroomListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  status: z.enum(articleStatuses).optional(),
  q: z.string().trim().max(100).optional(),
});

export const revisionSchema = z.object({ number: z.number().int(), at: z.string(), authorName: z.string(), title: z.string() });
export const revisionListSchema = z.object({ revisions: z.array(revisionSchema) });
export const diffPartSchema = z.object({ kind: z.enum(['same', 'added', 'removed']), text: z.string() });
export const revisionDiffSchema = z.object({
  from: z.number().int(),
  to: z.number().int(),
  title: z.array(diffPartSchema),
  summary: z.array(diffPartSchema),
  body: z.array(diffPartSchema),
});
export const revisionDiffQuerySchema = z.object({ from: z.coerce.number().int().min(1).max(100_000), to: z.coerce.number().int().min(1).max(100_000) });

/** An article or a collected item in the public list. */
export const listItemSchema = z.object({
  kind: z.enum(['article', 'collected']),
  id: z.number().int(),
  title: z.string(),
  summary: z.string(),
  /** Path of the article on this host, or the original's URL for a collected item. */
  href: z.string(),
  category: z.string().nullable(),
  image: z.object({ url: z.string(), srcset: z.string(), alt: z.string() }).nullable(),
  /** The agency (article) or the source (collected item). */
  sourceName: z.string(),
  publishedAt: z.string(),
  pinned: z.boolean(),
  readingMinutes: z.number().int().nullable(),
});
export type ListItem = z.infer<typeof listItemSchema>;

export const publicListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  category: z.string().max(60).optional(),
  tag: z.string().max(40).optional(),
  q: z.string().trim().max(100).optional(),
  /** Include collected items from other sources (default true). */
  collected: z.enum(['true', 'false']).default('true'),
});
export const publicListSchema = z.object({ items: z.array(listItemSchema), page: z.number().int(), pages: z.number().int() });

export const publicArticleSchema = z.object({
  id: z.number().int(),
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  bodyHtml: z.string(),
  category: z.object({ slug: z.string(), name: z.string() }),
  tags: z.array(z.string()),
  image: imageSchema.nullable(),
  agency: z.object({ id: z.string(), name: z.string() }),
  authorName: z.string(),
  publishedAt: z.string(),
  updatedAt: z.string(),
  readingMinutes: z.number().int(),
  corrections: z.array(correctionSchema),
  related: z.array(listItemSchema),
});
export type PublicArticle = z.infer<typeof publicArticleSchema>;
