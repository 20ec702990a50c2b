// Job fairs on a real server and database: Disnaker plans and changes them, each field checked, every change audited.
import { startTestHost, testDatabaseTargets, type TestClient, type TestHost } from '@kota-kit/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Fair } from '../src/index.js';
import pencakerServer from '../src/server/index.js';
import { testClock, testHost } from './host.js';
import { demoAccounts, signedIn } from './support.js';

interface Problem {
  status: number;
  errors?: { field: string; message: string }[];
}

describe.each(testDatabaseTargets())('pencaker job fairs on %s', (database) => {
  let server: TestHost;
  let officer: TestClient;
  let employerIds: number[];

  const fairInput = (overrides: Record<string, unknown> = {}) => ({
    title: 'Bursa Kerja Karawaci',
    description: 'Tiga puluh perusahaan, bawa CV dan kartu AK/1.',
    startsOn: '2026-12-10',
    endsOn: '2026-12-11',
    place: 'Gedung Serbaguna Karawaci',
    kecamatan: 'karawaci',
    employerIds,
    ...overrides,
  });

  beforeAll(async () => {
    server = await startTestHost({ host: testHost(), serverModules: [pencakerServer], database, clock: testClock() });
    officer = await signedIn(server, demoAccounts.officer);
    const verified = await officer.json<{ items: { id: number }[] }>('/api/pencaker/officer/employers?status=verified');
    employerIds = verified.body.items.map((item) => item.id).slice(0, 2);
    expect(employerIds).toHaveLength(2);
  });
  afterAll(async () => server?.close());

  it('plans a fair with its employers, spelling the kecamatan as the region does', async () => {
    const created = await officer.json<Fair>('/api/pencaker/officer/fairs', { method: 'POST', body: fairInput() });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ title: 'Bursa Kerja Karawaci', kecamatan: 'Karawaci', startsOn: '2026-12-10', employers: 2 });
    const listed = await server.client().json<{ items: { id: number; place: string }[] }>('/api/pencaker/fairs');
    expect(listed.body.items.find((item) => item.id === created.body.id)?.place).toBe('Gedung Serbaguna Karawaci');
  });

  it('refuses bad fields, naming each, and stores nothing', async () => {
    const before = (await server.client().json<{ items: unknown[] }>('/api/pencaker/fairs')).body.items.length;
    const cases: [Record<string, unknown>, string][] = [
      [{ endsOn: '2026-12-09' }, 'body.endsOn'],
      [{ kecamatan: 'Serpong' }, 'body.kecamatan'],
      [{ employerIds: [employerIds[0], 999_999] }, 'body.employerIds.1'],
      [{ title: 'BK' }, 'body.title'],
      [{ startsOn: '2026-02-30' }, 'body.startsOn'],
    ];
    for (const [overrides, field] of cases) {
      const refused = await officer.json<Problem>('/api/pencaker/officer/fairs', { method: 'POST', body: fairInput(overrides) });
      expect(refused.status, field).toBe(400);
      expect(refused.body.errors?.map((error) => error.field), field).toContain(field);
    }
    expect((await officer.json<Problem>('/api/pencaker/officer/fairs', { method: 'POST', body: fairInput({ kecamatan: 'Serpong' }) })).body.errors?.[0]?.message).toMatch(/bukan kecamatan di wilayah ini. Pilih salah satu: .*Karawaci/);
    // The schema's own message, in the request's language.
    const late = (language: string) => officer.json<Problem>('/api/pencaker/officer/fairs', { method: 'POST', body: fairInput({ endsOn: '2026-12-09' }), headers: { 'accept-language': language } });
    expect((await late('id')).body.errors).toEqual([expect.objectContaining({ field: 'body.endsOn', message: 'Bursa kerja berakhir sebelum dimulai.' })]);
    expect((await late('en')).body.errors).toEqual([expect.objectContaining({ field: 'body.endsOn', message: 'The fair ends before it starts.' })]);
    expect((await server.client().json<{ items: unknown[] }>('/api/pencaker/fairs')).body.items).toHaveLength(before);
  });

  it('changes a fair: dates, place and employers replaced, the public page follows, the audit keeps before and after', async () => {
    const created = await officer.json<Fair>('/api/pencaker/officer/fairs', { method: 'POST', body: fairInput({ title: 'Bursa Kerja Cipondoh', kecamatan: 'Cipondoh' }) });
    const id = created.body.id;
    const changed = await officer.json<Fair>(`/api/pencaker/officer/fairs/${id}`, {
      method: 'PUT',
      body: fairInput({ title: 'Bursa Kerja Cipondoh', kecamatan: 'Cipondoh', place: 'Aula Kecamatan Cipondoh', startsOn: '2026-12-17', endsOn: '2026-12-17', employerIds: [employerIds[1]] }),
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ id, place: 'Aula Kecamatan Cipondoh', startsOn: '2026-12-17', endsOn: '2026-12-17', employers: 1 });
    expect(changed.body.participants.map((participant) => participant.employer.id)).toEqual([employerIds[1]]);
    const shown = await server.client().json<Fair>(`/api/pencaker/fairs/${id}`);
    expect(shown.body).toMatchObject({ place: 'Aula Kecamatan Cipondoh', employers: 1 });

    const { db } = server.server.database;
    const audit = (await db.selectFrom('core_audit_log' as never).selectAll().where('subject_id' as never, '=', String(id) as never).orderBy('id' as never).execute()) as {
      action: string;
      before: Record<string, unknown> | null;
      after: Record<string, unknown>;
    }[];
    expect(audit.map((entry) => entry.action)).toEqual(['fair.create', 'fair.update']);
    expect(audit[1]!.before).toMatchObject({ place: 'Gedung Serbaguna Karawaci', starts_on: '2026-12-10', employerIds: [...employerIds].sort((a, b) => a - b) });
    expect(audit[1]!.after).toMatchObject({ place: 'Aula Kecamatan Cipondoh', starts_on: '2026-12-17', employerIds: [employerIds[1]] });
  });

  it('answers 404 for an unknown fair and 401/403 to anyone but Disnaker', async () => {
    expect((await officer.json('/api/pencaker/officer/fairs/999999', { method: 'PUT', body: fairInput() })).status).toBe(404);
    expect((await server.client().json('/api/pencaker/officer/fairs', { method: 'POST', body: fairInput() })).status).toBe(401);
    const seeker = await signedIn(server, demoAccounts.seeker);
    expect((await seeker.json('/api/pencaker/officer/fairs', { method: 'POST', body: fairInput() })).status).toBe(403);
  });
});
