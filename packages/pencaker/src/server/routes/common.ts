import { z } from '@kota-kit/core/server';

export const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
export const body = <T extends z.ZodType>(schema: T) => ({ required: true, content: { 'application/json': { schema } } });
export const tags = ['pencaker'];
export const seekerTags = ['pencaker: job seekers'];
export const employerTags = ['pencaker: employers'];
export const officerTags = ['pencaker: Disnaker'];
export const uuidParam = z.object({ id: z.uuid() });
