/** The notices resource's schemas, shared by the server's routes and the browser's form: one truth for both. */
import { z } from '@kota-kit/core';

export const noticeInputSchema = z.object({
  agencyId: z.string().min(1).max(40),
  title: z.string().trim().min(5).max(120),
  body: z.string().trim().min(10).max(5000),
});
export type NoticeInput = z.infer<typeof noticeInputSchema>;

export const noticeSchema = z.object({
  id: z.number().int(),
  agencyId: z.string(),
  title: z.string(),
  body: z.string(),
  publishedAt: z.string(),
});
export type Notice = z.infer<typeof noticeSchema>;

export const noticePageSchema = z.object({
  notices: z.array(noticeSchema),
  page: z.number().int(),
  pages: z.number().int(),
});

export const noticeListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  agency: z.string().max(40).optional(),
});
