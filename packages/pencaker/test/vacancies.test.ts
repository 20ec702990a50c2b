// Vacancies and employers on a real server and database (the embedded one, and PostgreSQL when the run has one):
// the public search, the vacancy state machine, moderation, revisions, and the employer/officer boundaries.
import { startTestHost, testDatabaseTargets, type TestClient, type TestHost } from '@kota-kit/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OwnVacancy, VacancyPage } from '../src/index.js';
import pencakerServer from '../src/server/index.js';
import { host, monday, testClock } from './host.js';
import { demoAccounts, employerInput, newCitizen, sampleVacancy, signedIn } from './support.js';

interface Problem {
  status: number;
  detail?: string;
  errors?: { field: string }[];
}

describe.each(testDatabaseTargets())('pencaker vacancies on %s', (database) => {
  let server: TestHost;
  const clock = testClock();
  let employer: TestClient;
  let employer2: TestClient;
  let unverified: TestClient;
  let officer: TestClient;
  const events: { name: string; payload: Record<string, unknown> }[] = [];
  const on = (name: string) => (payload: unknown) => void events.push({ name, payload: payload as Record<string, unknown> });

  beforeAll(async () => {
    server = await startTestHost({
      host: {
        ...host,
        on: {
          'pencaker.vacancy.published': on('published'),
          'pencaker.vacancy.status-changed': on('status'),
          'pencaker.search.matched': on('matched'),
        },
      },
      serverModules: [pencakerServer],
      database,
      clock,
    });
    [employer, employer2, unverified, officer] = await Promise.all([
      signedIn(server, demoAccounts.employer),
      signedIn(server, demoAccounts.employer2),
      signedIn(server, demoAccounts.newEmployer),
      signedIn(server, demoAccounts.officer),
    ]);
  });
  afterAll(async () => server?.close());

  const search = (query = '') => server.client().json<VacancyPage>(`/api/pencaker/vacancies${query}`);

  it('has 60+ demo vacancies in every state, and lists only the open ones publicly', async () => {
    const all = await Promise.all(
      ['draft', 'submitted', 'published', 'rejected', 'closed', 'filled', 'expired'].map(async (status) => [status, (await officer.json<{ total: number }>(`/api/pencaker/officer/vacancies?status=${status}`)).body.total] as const),
    );
    const counts = Object.fromEntries(all);
    expect(Object.values(counts).every((count) => count > 0)).toBe(true);
    expect(Object.values(counts).reduce((sum, count) => sum + count, 0)).toBeGreaterThanOrEqual(60);
    const list = await search('?pageSize=100');
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(counts.published);
    expect(list.body.items.every((item) => item.status === 'published' && item.employer.verified)).toBe(true);
  });

  it('filters by text, kecamatan, sector, education, employment type, salary and recency; sorts by relevance or date; pages', async () => {
    const text = await search('?q=gudang');
    expect(text.body.total).toBeGreaterThan(0);
    expect(text.body.sort).toBe('relevance');
    expect(text.body.items.every((item) => `${item.title} ${item.description}`.toLowerCase().includes('gudang'))).toBe(true);
    const partial = await search('?q=Gud');
    expect(partial.body.items.some((item) => item.title.includes('Gudang'))).toBe(true);
    const benda = await search('?kecamatan=benda&pageSize=100');
    expect(benda.body.total).toBeGreaterThan(0);
    expect(benda.body.items.every((item) => item.kecamatan === 'Benda')).toBe(true);
    const health = await search('?sector=health&pageSize=100');
    expect(health.body.items.length).toBeGreaterThan(0);
    expect(health.body.items.every((item) => item.sector === 'health')).toBe(true);
    const sma = await search('?education=sma&pageSize=100');
    expect(sma.body.items.every((item) => ['sd', 'smp', 'sma'].includes(item.educationMin))).toBe(true);
    const all = await search('?pageSize=100');
    expect(sma.body.total).toBeLessThan(all.body.total);
    const partTime = await search('?employmentType=PART_TIME&pageSize=100');
    expect(partTime.body.items.every((item) => item.employmentType === 'PART_TIME')).toBe(true);
    const wellPaid = await search('?salaryMin=8000000&pageSize=100');
    expect(wellPaid.body.items.length).toBeGreaterThan(0);
    expect(wellPaid.body.items.every((item) => (item.salaryMax ?? item.salaryMin ?? 0) >= 8_000_000)).toBe(true);
    const cheap = await search('?salaryMax=100000&pageSize=100');
    expect(cheap.body.items.every((item) => item.salaryMin !== null && item.salaryMin <= 100_000)).toBe(true);
    const recent = await search('?postedWithin=7&pageSize=100');
    expect(recent.body.total).toBeLessThan(all.body.total);
    const byDate = await search('?sort=date&pageSize=100');
    const dates = byDate.body.items.map((item) => item.publishedAt!);
    expect([...dates].sort().reverse()).toEqual(dates);
    const page2 = await search('?pageSize=5&page=2');
    expect(page2.body.items).toHaveLength(5);
    expect(page2.body.pages).toBe(Math.ceil(all.body.total / 5));
    expect((await search('?page=0')).status).toBe(400);
    expect((await search('?sector=casino')).status).toBe(400);
  });

  it('runs draft → submitted → published → edited (revision, back to moderation) → published → filled, audited, with events', async () => {
    const created = await employer.json<OwnVacancy>('/api/pencaker/employer/vacancies', { method: 'POST', body: sampleVacancy() });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', revision: 1 });
    const id = created.body.id;
    expect((await server.client().json(`/api/pencaker/vacancies/${id}`)).status).toBe(404);
    const submitted = await employer.json<OwnVacancy>(`/api/pencaker/employer/vacancies/${id}/submit`, { method: 'POST' });
    expect(submitted.body.status).toBe('submitted');
    expect((await employer.json<Problem>(`/api/pencaker/employer/vacancies/${id}/submit`, { method: 'POST' })).status).toBe(409);

    // A saved search of a seeker that matches this vacancy is alerted when it is published.
    const seeker = await signedIn(server, demoAccounts.seeker2);
    const forklift = await seeker.json<{ id: number }>('/api/pencaker/me/searches', { method: 'POST', body: { name: 'Forklift', filters: { q: 'forklift', kecamatan: 'Benda' } } });
    const nurse = await seeker.json<{ id: number }>('/api/pencaker/me/searches', { method: 'POST', body: { name: 'Perawat', filters: { q: 'perawat' } } });

    // Only Disnaker moderates.
    expect((await employer.json<Problem>(`/api/pencaker/officer/vacancies/${id}/publish`, { method: 'POST' })).status).toBe(403);
    const published = await officer.json<OwnVacancy>(`/api/pencaker/officer/vacancies/${id}/publish`, { method: 'POST' });
    expect(published.body.status).toBe('published');
    expect(events.filter((event) => event.name === 'published').map((event) => event.payload.id)).toContain(id);
    const alerts = events.filter((event) => event.name === 'matched' && event.payload.vacancyId === id);
    // The demo seeker's "gudang in Benda" search matches too; the nurse search does not.
    expect(alerts.map((alert) => alert.payload.searchId)).toContain(forklift.body.id);
    expect(alerts.map((alert) => alert.payload.searchId)).not.toContain(nurse.body.id);
    expect(alerts).toHaveLength(2);
    expect(alerts[0]!.payload).toMatchObject({ title: 'Operator Forklift Gudang Bandara' });
    expect((await search('?q=forklift')).body.items.map((item) => item.id)).toContain(id);

    const edited = await employer.json<OwnVacancy>(`/api/pencaker/employer/vacancies/${id}`, { method: 'PUT', body: sampleVacancy({ title: 'Operator Forklift Senior', salaryMax: 6_000_000 }) });
    expect(edited.body).toMatchObject({ status: 'submitted', revision: 2, title: 'Operator Forklift Senior' });
    expect((await search('?q=forklift')).body.items.map((item) => item.id)).not.toContain(id);
    await officer.json(`/api/pencaker/officer/vacancies/${id}/publish`, { method: 'POST' });
    const publicView = await server.client().json<{ title: string; revision: number; status: string }>(`/api/pencaker/vacancies/${id}`);
    expect(publicView.body).toMatchObject({ title: 'Operator Forklift Senior', revision: 2, status: 'published' });

    const filled = await employer.json<OwnVacancy>(`/api/pencaker/employer/vacancies/${id}/filled`, { method: 'POST', body: { filledCount: 2 } });
    expect(filled.body).toMatchObject({ status: 'filled', filledCount: 2 });
    expect((await server.client().json<{ status: string }>(`/api/pencaker/vacancies/${id}`)).body.status).toBe('filled');
    expect((await search('?pageSize=100')).body.items.map((item) => item.id)).not.toContain(id);
    expect((await employer.json<Problem>(`/api/pencaker/employer/vacancies/${id}`, { method: 'PUT', body: sampleVacancy() })).status).toBe(409);

    const admin = await signedIn(server, 'admin@demo.kotakit.id');
    const audit = await admin.json<{ entries: { action: string }[] }>(`/api/admin/audit?module=pencaker&subjectType=vacancy&subjectId=${id}`);
    expect(audit.body.entries.map((entry) => entry.action).sort()).toEqual(['vacancy.create', 'vacancy.filled', 'vacancy.publish', 'vacancy.publish', 'vacancy.submit', 'vacancy.update'].sort());
  });

  it('rejects with a reason back to the employer, who edits (a draft again) and resubmits; closing ends it', async () => {
    const { body } = await employer.json<OwnVacancy>('/api/pencaker/employer/vacancies', { method: 'POST', body: sampleVacancy({ title: 'Admin Gudang' }) });
    await employer.json(`/api/pencaker/employer/vacancies/${body.id}/submit`, { method: 'POST' });
    expect((await officer.json<Problem>(`/api/pencaker/officer/vacancies/${body.id}/reject`, { method: 'POST', body: { reason: 'x' } })).status).toBe(400);
    const rejected = await officer.json<OwnVacancy>(`/api/pencaker/officer/vacancies/${body.id}/reject`, { method: 'POST', body: { reason: 'Lengkapi syarat pendidikan.' } });
    expect(rejected.body).toMatchObject({ status: 'rejected', rejectReason: 'Lengkapi syarat pendidikan.' });
    const edited = await employer.json<OwnVacancy>(`/api/pencaker/employer/vacancies/${body.id}`, { method: 'PUT', body: sampleVacancy({ title: 'Admin Gudang (SMA)' }) });
    expect(edited.body.status).toBe('draft');
    await employer.json(`/api/pencaker/employer/vacancies/${body.id}/submit`, { method: 'POST' });
    await officer.json(`/api/pencaker/officer/vacancies/${body.id}/publish`, { method: 'POST' });
    const closed = await employer.json<OwnVacancy>(`/api/pencaker/employer/vacancies/${body.id}/close`, { method: 'POST' });
    expect(closed.body.status).toBe('closed');
    expect((await employer.json<Problem>(`/api/pencaker/employer/vacancies/${body.id}/close`, { method: 'POST' })).status).toBe(409);
  });

  it('publishes directly for a trusted employer, whose edits stay published with a revision', async () => {
    const { body: list } = await officer.json<{ items: { id: number; name: string }[] }>('/api/pencaker/officer/employers?status=verified');
    const own = list.items.find((item) => item.name === 'PT Sinar Karawaci Plastindo')!;
    await officer.json(`/api/pencaker/officer/employers/${own.id}/verify`, { method: 'POST', body: { trusted: true } });
    const { body } = await employer2.json<OwnVacancy>('/api/pencaker/employer/vacancies', { method: 'POST', body: sampleVacancy({ title: 'Operator Mesin Injeksi', sector: 'manufacturing' }) });
    const submitted = await employer2.json<OwnVacancy>(`/api/pencaker/employer/vacancies/${body.id}/submit`, { method: 'POST' });
    expect(submitted.body.status).toBe('published');
    // A trusted employer's edit stays published, with a revision.
    const edited = await employer2.json<OwnVacancy>(`/api/pencaker/employer/vacancies/${body.id}`, { method: 'PUT', body: sampleVacancy({ title: 'Operator Mesin Injeksi Plastik', sector: 'manufacturing' }) });
    expect(edited.body).toMatchObject({ status: 'published', revision: 2 });
    await officer.json(`/api/pencaker/officer/employers/${own.id}/verify`, { method: 'POST', body: { trusted: false } });
  });

  it('keeps employers apart, refuses unverified employers, citizens and anonymous callers', async () => {
    const { body } = await employer.json<OwnVacancy>('/api/pencaker/employer/vacancies', { method: 'POST', body: sampleVacancy({ title: 'Rahasia Perusahaan A' }) });
    // Employer B does not see, edit, submit or close A's vacancy, nor its applicants.
    expect((await employer2.json<Problem>(`/api/pencaker/employer/vacancies/${body.id}`)).status).toBe(404);
    expect((await employer2.json<Problem>(`/api/pencaker/employer/vacancies/${body.id}`, { method: 'PUT', body: sampleVacancy() })).status).toBe(404);
    expect((await employer2.json<Problem>(`/api/pencaker/employer/vacancies/${body.id}/submit`, { method: 'POST' })).status).toBe(404);
    expect((await employer2.json<Problem>(`/api/pencaker/employer/vacancies/${body.id}/applicants`)).status).toBe(404);
    expect((await employer2.json<{ items: { id: number }[] }>('/api/pencaker/employer/vacancies')).body.items.map((item) => item.id)).not.toContain(body.id);
    // An unverified employer writes drafts but cannot publish.
    const draft = await unverified.json<OwnVacancy>('/api/pencaker/employer/vacancies', { method: 'POST', body: sampleVacancy({ title: 'Tukang Bangunan' }) });
    expect(draft.status).toBe(201);
    const refused = await unverified.json<Problem>(`/api/pencaker/employer/vacancies/${draft.body.id}/submit`, { method: 'POST' });
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toContain('unverified');
    // A citizen without an organisation, and nobody at all.
    const citizen = await signedIn(server, demoAccounts.seeker);
    expect((await citizen.json<Problem>('/api/pencaker/employer/vacancies')).status).toBe(403);
    expect((await citizen.json<Problem>('/api/pencaker/officer/cards')).status).toBe(403);
    expect((await server.client().json<Problem>('/api/pencaker/employer/vacancies', { method: 'POST', body: sampleVacancy() })).status).toBe(401);
    expect((await server.client().json<Problem>('/api/pencaker/officer/counts')).status).toBe(401);
    // An employer is not an officer.
    expect((await employer.json<Problem>(`/api/pencaker/officer/employers/1/verify`, { method: 'POST', body: { trusted: true } })).status).toBe(403);
    // A past closing date is refused on the field.
    const past = await employer.json<Problem>('/api/pencaker/employer/vacancies', { method: 'POST', body: sampleVacancy({ validThrough: '2026-01-01' }) });
    expect(past.status).toBe(400);
    expect(past.body.errors?.map((error) => error.field)).toEqual(['body.validThrough']);
    // A kecamatan outside the region is refused on the field, with the region's list; any case is taken.
    const elsewhere = await employer.json<Problem & { errors: { message: string }[] }>('/api/pencaker/employer/vacancies', { method: 'POST', body: sampleVacancy({ kecamatan: 'Serpong' }) });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.errors).toEqual([expect.objectContaining({ field: 'body.kecamatan', message: expect.stringContaining('Benda') })]);
    const lower = await employer.json<{ kecamatan: string }>('/api/pencaker/employer/vacancies', { method: 'POST', body: sampleVacancy({ kecamatan: 'benda' }) });
    expect(lower.body.kecamatan).toBe('Benda');
  });

  it('registers an employer once per account and NIB; Disnaker verifies or rejects it; the public card hides NIB and contact', async () => {
    const owner = await newCitizen(server, 'hrd.baru@contoh.id', 'HRD Baru');
    const registered = await owner.json<{ id: number; status: string }>('/api/pencaker/employer', { method: 'POST', body: employerInput('1234567890123') });
    expect(registered.status).toBe(201);
    expect(registered.body.status).toBe('pending');
    expect((await owner.json<Problem>('/api/pencaker/employer', { method: 'POST', body: employerInput('1234567890124') })).status).toBe(409);
    const other = await newCitizen(server, 'hrd.lain@contoh.id', 'HRD Lain');
    expect((await other.json<Problem>('/api/pencaker/employer', { method: 'POST', body: employerInput('1234567890123', 'PT Tiruan') })).status).toBe(409);
    const pending = await officer.json<{ items: { id: number }[] }>('/api/pencaker/officer/employers?status=pending');
    expect(pending.body.items.map((item) => item.id)).toContain(registered.body.id);
    const verified = await officer.json<{ status: string; verified: boolean }>(`/api/pencaker/officer/employers/${registered.body.id}/verify`, { method: 'POST', body: {} });
    expect(verified.body).toMatchObject({ status: 'verified', verified: true });
    const card = await server.client().json<Record<string, unknown>>(`/api/pencaker/employers/${registered.body.id}`);
    expect(card.body).toMatchObject({ name: 'PT Uji Coba Sejahtera', verified: true });
    expect(JSON.stringify(card.body)).not.toMatch(/1234567890123|Ratna|555 0101|hrd@uji/);
    // A new name sends it back for verification.
    const renamed = await owner.json<{ status: string }>('/api/pencaker/employer', { method: 'PUT', body: employerInput('1234567890123', 'PT Uji Coba Baru') });
    expect(renamed.body.status).toBe('pending');
    const rejected = await officer.json<{ status: string }>(`/api/pencaker/officer/employers/${registered.body.id}/reject`, { method: 'POST', body: { reason: 'NIB tidak ditemukan di OSS.' } });
    expect(rejected.body.status).toBe('rejected');
    expect((await server.client().json(`/api/pencaker/employers/${registered.body.id}`)).status).toBe(404);
  });

  it("takes an employer's logo as a picture (re-encoded, metadata gone) and shows it publicly", async () => {
    const { imageFromSvg } = await import('@kota-kit/core/images');
    const picture = await imageFromSvg('<svg xmlns="http://www.w3.org/2000/svg" width="900" height="600"><rect width="900" height="600" fill="#0b5cad"/></svg>', { format: 'jpeg' });
    const send = (client: TestClient, blob: Blob) => {
      const form = new FormData();
      form.set('logo', blob, 'logo.jpg');
      return client.fetch('/api/pencaker/employer/logo', { method: 'PUT', body: form });
    };
    expect((await send(employer2, new Blob(['not a picture'], { type: 'image/png' }))).status).toBe(400);
    const stored = await send(employer2, new Blob([new Uint8Array(picture.data)], { type: 'image/jpeg' }));
    expect(stored.status).toBe(200);
    const body = (await stored.json()) as { id: number; logoUrl: string };
    expect(body.logoUrl).toBe(`/api/pencaker/employers/${body.id}/logo`);
    const served = await server.client().fetch(body.logoUrl);
    expect(served.headers.get('content-type')).toBe('image/webp');
    const { default: sharp } = await import('sharp');
    const meta = await sharp(new Uint8Array(await served.arrayBuffer())).metadata();
    expect([meta.format, meta.width, meta.height, meta.exif]).toEqual(['webp', 512, 341, undefined]);
    // A citizen without an organisation has no logo to change.
    expect((await send(await signedIn(server, demoAccounts.seeker), new Blob([new Uint8Array(picture.data)]))).status).toBe(403);
  });

  it('expires published vacancies at validThrough through the job (TestClock)', async () => {
    const { body } = await employer.json<OwnVacancy>('/api/pencaker/employer/vacancies', { method: 'POST', body: sampleVacancy({ title: 'Lowongan Singkat', validThrough: '2026-11-20' }) });
    await employer.json(`/api/pencaker/employer/vacancies/${body.id}/submit`, { method: 'POST' });
    await officer.json(`/api/pencaker/officer/vacancies/${body.id}/publish`, { method: 'POST' });
    clock.set('2026-11-20T16:00:00Z'); // 23:00 in Jakarta on the closing day: still open
    await server.server.runJob('pencaker', 'expire-vacancies');
    expect((await employer.json<OwnVacancy>(`/api/pencaker/employer/vacancies/${body.id}`)).body.status).toBe('published');
    clock.set('2026-11-20T17:30:00Z'); // 00:30 on the 21st in Jakarta
    expect((await search('?pageSize=100')).body.items.map((item) => item.id)).not.toContain(body.id);
    await server.server.runJob('pencaker', 'expire-vacancies');
    expect((await employer.json<OwnVacancy>(`/api/pencaker/employer/vacancies/${body.id}`)).body.status).toBe('expired');
    await server.server.runJob('pencaker', 'expire-vacancies');
    expect(events.filter((event) => event.name === 'status' && event.payload.id === body.id).map((event) => event.payload.status)).toEqual(['submitted', 'expired']);
    clock.set(monday);
  });
});
