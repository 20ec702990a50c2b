import { z } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { localMessage } from '../problem.js';
import { fieldErrors, problems, toProblem } from './http.js';

const fair = z
  .object({ title: z.string().min(5), startsOn: z.string(), endsOn: z.string() })
  .refine((value) => value.endsOn >= value.startsOn, { path: ['endsOn'], ...localMessage({ en: 'The fair ends before it starts.', id: 'Bursa kerja berakhir sebelum dimulai.' }) })
  .refine((value) => value.title !== 'Rahasia', { path: ['title'], message: 'Only in English.' });

describe('fieldErrors', () => {
  it("answers a module's localMessage and zod's own messages in the request's language; other messages as written", () => {
    const issues = (input: unknown) => fair.safeParse(input).error!.issues;
    const late = { title: 'Bursa Kerja', startsOn: '2026-12-10', endsOn: '2026-12-09' };
    expect(fieldErrors(issues(late), 'json', 'id')).toEqual([{ field: 'body.endsOn', message: 'Bursa kerja berakhir sebelum dimulai.', code: 'custom' }]);
    expect(fieldErrors(issues(late), 'json', 'en')).toEqual([{ field: 'body.endsOn', message: 'The fair ends before it starts.', code: 'custom' }]);

    const short = fieldErrors(issues({ title: 'BK', startsOn: '2026-12-10', endsOn: '2026-12-11' }), 'json', 'id');
    expect(short[0]!.field).toBe('body.title');
    expect(short[0]!.message).not.toMatch(/Too small|too short/i);

    expect(fieldErrors(issues({ title: 'Rahasia', startsOn: '2026-12-10', endsOn: '2026-12-11' }), 'json', 'id')[0]!.message).toBe('Only in English.');
  });
});

describe('toProblem', () => {
  it("answers a handler's problem in the request's language when its texts are given per language", () => {
    const error = problems.conflict({ en: 'An employer with this NIB is already registered.', id: 'Perusahaan dengan NIB ini sudah terdaftar.' }, [
      { field: 'body.nib', message: { en: 'Already registered.', id: 'Sudah terdaftar.' } },
      { field: 'body.name', message: 'Only one language.' },
    ]);
    expect(toProblem(error, '/api/x', 'id')).toMatchObject({ status: 409, detail: 'Perusahaan dengan NIB ini sudah terdaftar.', errors: [{ field: 'body.nib', message: 'Sudah terdaftar.' }, { field: 'body.name', message: 'Only one language.' }] });
    expect(toProblem(error, '/api/x', 'en')).toMatchObject({ detail: 'An employer with this NIB is already registered.', errors: [{ message: 'Already registered.' }, { message: 'Only one language.' }] });
    // Logs and stack traces read the English text.
    expect(error.message).toBe('An employer with this NIB is already registered.');
    expect(toProblem(problems.invalid([{ field: 'body.a', message: 'x' }]), '/api/x', 'id')!.detail).toBe('Ada isian yang tidak valid.');
  });
});
