/** Pieces every resource's routes share. */
import { z } from '@kota-kit/core/server';

export const tags = ['laksa'];
export const officerTags = ['laksa (officers)'];

export const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
export const jsonBody = <T extends z.ZodType>(schema: T) => ({ required: true, content: { 'application/json': { schema } } });

export const ticketParam = z.object({ ticket: z.string().min(3).max(30) });
export const tokenParam = z.object({ token: z.string().min(10).max(100) });
export const idParam = z.object({ id: z.string().min(1).max(60) });

/** Where the browser app shows the reporter's private tracking page. */
export const trackingPath = (token: string) => `/laksa/track/${token}`;
