// Job seekers on a real server and database: the AK/1 profile and card (with its jobs on a test clock), the CV,
// applications through every stage with the seeker told at each step, who sees what, and deletion (UU PDP).
import { startTestHost, testDatabaseTargets, type TestClient, type TestHost } from '@kota-kit/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Applicant, Card, MyApplication, OwnVacancy, Profile, Stats } from '../src/index.js';
import pencakerServer from '../src/server/index.js';
import { monday, testClock, testHost } from './host.js';
import { demoAccounts, newCitizen, sampleProfile, sampleVacancy, secrets, signedIn } from './support.js';

interface Problem {
  status: number;
  detail?: string;
  errors?: { field: string }[];
}

const pdf = (size = 2_000) => new Blob([new Uint8Array([...Buffer.from('%PDF-1.4\n'), ...new Uint8Array(size)])], { type: 'application/pdf' });
const upload = (client: TestClient, blob: Blob, name = 'cv.pdf') => {
  const form = new FormData();
  form.set('cv', blob, name);
  return client.fetch('/api/pencaker/me/cv', { method: 'PUT', body: form });
};

describe.each(testDatabaseTargets())('pencaker seekers on %s', (database) => {
  let server: TestHost;
  const clock = testClock();
  let seekerA: TestClient;
  let seekerB: TestClient;
  let employer: TestClient;
  let employer2: TestClient;
  let officer: TestClient;
  let vacancyId: number;
  const events: { name: string; payload: Record<string, unknown> }[] = [];
  const on = (name: string) => (payload: unknown) => void events.push({ name, payload: payload as Record<string, unknown> });

  beforeAll(async () => {
    server = await startTestHost({
      host: {
        ...testHost({ maxCvBytes: 60_000 }),
        on: {
          'pencaker.card.status-changed': on('card'),
          'pencaker.card.report-due': on('due'),
          'pencaker.application.stage-changed': on('stage'),
          'pencaker.application.received': on('received'),
        },
      },
      serverModules: [pencakerServer],
      database,
      clock,
    });
    seekerA = await newCitizen(server, 'bayu@contoh.id', 'Bayu Setiadi');
    seekerB = await newCitizen(server, 'citra@contoh.id', 'Citra Ayu');
    [employer, employer2, officer] = await Promise.all([signedIn(server, demoAccounts.employer), signedIn(server, demoAccounts.employer2), signedIn(server, demoAccounts.officer)]);
    const created = await employer.json<OwnVacancy>('/api/pencaker/employer/vacancies', { method: 'POST', body: sampleVacancy() });
    vacancyId = created.body.id;
    await employer.json(`/api/pencaker/employer/vacancies/${vacancyId}/submit`, { method: 'POST' });
    await officer.json(`/api/pencaker/officer/vacancies/${vacancyId}/publish`, { method: 'POST' });
  });
  afterAll(async () => server?.close());

  it('saves the AK/1 profile for its owner only, checking each field', async () => {
    expect((await seekerA.json<{ profile: null }>('/api/pencaker/me/profile')).body.profile).toBeNull();
    const bad = await seekerA.json<Problem>('/api/pencaker/me/profile', { method: 'PUT', body: sampleProfile({ nik: '12345', birthDate: '1999-02-30' }) });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((error) => error.field).sort()).toEqual(['body.birthDate', 'body.nik']);
    // Places outside the region: each field named, the home kecamatan and the preferred ones.
    const elsewhere = await seekerA.json<Problem>('/api/pencaker/me/profile', {
      method: 'PUT',
      body: sampleProfile({ kecamatan: 'Serpong', preferences: { sectors: [], kecamatan: ['Jatiuwung', 'Ciputat'], employmentTypes: [], expectedSalary: null } }),
    });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.errors?.map((error) => error.field)).toEqual(['body.kecamatan', 'body.preferences.kecamatan.1']);
    const saved = await seekerA.json<Profile>('/api/pencaker/me/profile', { method: 'PUT', body: sampleProfile() });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ fullName: 'Bayu Setiadi', nik: '3671012304990007', skills: ['las listrik', 'forklift'], cv: null });
    await seekerB.json('/api/pencaker/me/profile', { method: 'PUT', body: sampleProfile({ fullName: 'Citra Ayu', nik: '3671015505010002', birthDate: '2001-05-15', sex: 'female' }) });
    // B reads only B's own profile.
    expect((await seekerB.json<{ profile: Profile }>('/api/pencaker/me/profile')).body.profile.fullName).toBe('Citra Ayu');
    expect((await server.client().json<Problem>('/api/pencaker/me/profile')).status).toBe(401);
  });

  it('takes a CV only as a PDF by its content and within the size limit; serves it to its owner only', async () => {
    const fake = await upload(seekerA, new Blob(['<html>not a pdf</html>'], { type: 'application/pdf' }));
    expect(fake.status).toBe(400);
    const big = await upload(seekerA, pdf(70_000));
    expect(big.status).toBe(400);
    const stored = await upload(seekerA, pdf(), 'lamaran.exe');
    expect(stored.status).toBe(200);
    expect(((await stored.json()) as Profile).cv?.bytes).toBeGreaterThan(2_000);
    const mine = await seekerA.fetch('/api/pencaker/me/cv');
    expect(mine.status).toBe(200);
    expect(mine.headers.get('content-type')).toBe('application/pdf');
    expect(mine.headers.get('cache-control')).toContain('no-store');
    expect(Buffer.from(await mine.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await seekerB.fetch('/api/pencaker/me/cv')).status).toBe(404);
  });

  it('runs the AK/1 card: submitted → verified (number) → active → report → reminder → expired; rejected; ended when employed', async () => {
    const applied = await seekerA.json<Card>('/api/pencaker/me/card', { method: 'POST' });
    expect(applied.status).toBe(201);
    expect(applied.body).toMatchObject({ status: 'submitted', number: null });
    expect((await seekerA.json<Problem>('/api/pencaker/me/card', { method: 'POST' })).status).toBe(409);
    const cardId = applied.body.id;
    // Only Disnaker verifies; seekers and employers are refused.
    expect((await seekerA.json<Problem>(`/api/pencaker/officer/cards/${cardId}/verify`, { method: 'POST' })).status).toBe(403);
    expect((await employer.json<Problem>(`/api/pencaker/officer/cards/${cardId}/verify`, { method: 'POST' })).status).toBe(403);
    expect((await officer.json<Problem>(`/api/pencaker/officer/cards/${cardId}/activate`, { method: 'POST' })).status).toBe(409);
    const queue = await officer.json<{ items: { id: number; nikMasked: string; seekerId: string }[] }>('/api/pencaker/officer/cards?status=submitted');
    const queued = queue.body.items.find((item) => item.id === cardId)!;
    expect(queued.nikMasked).toBe('3671********0007');
    expect(JSON.stringify(queue.body)).not.toContain('3671012304990007');
    const verified = await officer.json<Card>(`/api/pencaker/officer/cards/${cardId}/verify`, { method: 'POST' });
    expect(verified.body.status).toBe('verified');
    expect(verified.body.number).toMatch(/^3699-2026-\d{6}$/);
    const active = await officer.json<Card>(`/api/pencaker/officer/cards/${cardId}/activate`, { method: 'POST' });
    expect(active.body).toMatchObject({ status: 'active', validUntil: '2028-11-16', nextReportDue: '2027-05-16' });
    expect(events.filter((event) => event.name === 'card' && event.payload.cardId === cardId).map((event) => event.payload.status)).toEqual(['submitted', 'verified', 'active']);

    // 14 days before the report is due: one reminder, not two.
    clock.set('2027-05-01T03:00:00Z');
    await server.server.runJob('pencaker', 'cards');
    expect(events.filter((event) => event.name === 'due' && event.payload.cardId === cardId)).toHaveLength(0);
    clock.set('2027-05-02T03:00:00Z');
    await server.server.runJob('pencaker', 'cards');
    await server.server.runJob('pencaker', 'cards');
    expect(events.filter((event) => event.name === 'due' && event.payload.cardId === cardId).map((event) => event.payload.dueDate)).toEqual(['2027-05-16']);
    // Sessions last 30 days of clock time.
    await seekerA.login('bayu@contoh.id', 'rahasia-sekali-123');
    const reported = await seekerA.json<Card>('/api/pencaker/me/card/report', { method: 'POST', body: { status: 'looking' } });
    expect(reported.body).toMatchObject({ status: 'active', nextReportDue: '2027-11-02' });

    // Two years after issue the card expires. (Read from the database: core's session cookie cannot be set two
    // years ahead of the real date, see the report's core wishes.)
    const db = server.server.database.db as never as import('../src/server/tables.js').Db;
    const status = async () => (await db.selectFrom('pencaker_cards').select(['status', 'end_reason']).where('id', '=', cardId).executeTakeFirstOrThrow());
    clock.set('2028-11-16T16:00:00Z'); // 23:00 on the last valid day
    await server.server.runJob('pencaker', 'cards');
    expect((await status()).status).toBe('active');
    clock.set('2028-11-17T03:00:00Z');
    await server.server.runJob('pencaker', 'cards');
    expect(await status()).toEqual({ status: 'expired', end_reason: 'expired' });
    expect(events.filter((event) => event.name === 'card' && event.payload.cardId === cardId).at(-1)!.payload.status).toBe('expired');
    clock.set(monday);
    await Promise.all([seekerA.login('bayu@contoh.id', 'rahasia-sekali-123'), officer.login(demoAccounts.officer, 'demo1234'), employer.login(demoAccounts.employer, 'demo1234'), employer2.login(demoAccounts.employer2, 'demo1234')]);
    const expired = await seekerA.json<{ card: Card }>('/api/pencaker/me/card');
    expect(expired.body.card).toMatchObject({ status: 'expired', endReason: 'expired' });
    expect((await seekerA.json<Problem>('/api/pencaker/me/card/report', { method: 'POST', body: { status: 'looking' } })).status).toBe(409);

    // B: rejected with a reason, applies again, is verified and activated, then reports "employed": the card ends.
    const b = await seekerB.json<Card>('/api/pencaker/me/card', { method: 'POST' });
    const rejected = await officer.json<Card>(`/api/pencaker/officer/cards/${b.body.id}/reject`, { method: 'POST', body: { reason: 'Foto KTP buram.' } });
    expect(rejected.body).toMatchObject({ status: 'rejected', rejectReason: 'Foto KTP buram.' });
    const again = await seekerB.json<Card>('/api/pencaker/me/card', { method: 'POST' });
    await officer.json(`/api/pencaker/officer/cards/${again.body.id}/verify`, { method: 'POST' });
    await officer.json(`/api/pencaker/officer/cards/${again.body.id}/activate`, { method: 'POST' });
    const employed = await seekerB.json<Card>('/api/pencaker/me/card/report', { method: 'POST', body: { status: 'employed', employer: 'Toko Maju Jaya' } });
    expect(employed.body).toMatchObject({ status: 'ended', endReason: 'placed', placedAt: 'Toko Maju Jaya' });
  });

  it("audits every officer reading of a seeker's full profile", async () => {
    // The job expired the demo cards too (two years passed): walk the pages.
    let seekerId: string | undefined;
    for (let page = 1; !seekerId && page < 10; page++) {
      const queue = await officer.json<{ items: { seekerId: string; fullName: string }[] }>(`/api/pencaker/officer/cards?status=expired&page=${page}`);
      seekerId = queue.body.items.find((item) => item.fullName === 'Bayu Setiadi')?.seekerId;
    }
    if (!seekerId) throw new Error('Bayu\'s expired card is not in the queue');
    expect((await employer.json<Problem>(`/api/pencaker/officer/seekers/${seekerId}`)).status).toBe(403);
    const full = await officer.json<Profile>(`/api/pencaker/officer/seekers/${seekerId}`);
    expect(full.body.nik).toBe('3671012304990007');
    expect((await officer.fetch(`/api/pencaker/officer/seekers/${seekerId}/cv`)).status).toBe(200);
    const admin = await signedIn(server, 'admin@demo.kotakit.id');
    const audit = await admin.json<{ entries: { action: string; actorName: string; after: unknown }[] }>(`/api/admin/audit?module=pencaker&subjectType=seeker&subjectId=${seekerId}`);
    expect(audit.body.entries.map((entry) => entry.action)).toEqual(expect.arrayContaining(['seeker.view', 'seeker.view-cv']));
    expect(audit.body.entries.find((entry) => entry.action === 'seeker.view')!.actorName).toBe('Petugas Disnaker Demo');
    // The audit log itself never holds the personal data.
    expect(JSON.stringify(audit.body)).not.toMatch(/3671012304990007|Rahasia Pribadi/);
  });

  it('moves an application through every stage, telling the seeker each time; withdrawing ends it', async () => {
    const applied = await seekerA.json<{ id: number }>(`/api/pencaker/vacancies/${vacancyId}/applications`, { method: 'POST', body: { coverLetter: 'Saya berpengalaman dengan forklift.', withCv: true } });
    expect(applied.status).toBe(201);
    expect((await seekerA.json<Problem>(`/api/pencaker/vacancies/${vacancyId}/applications`, { method: 'POST', body: {} })).status).toBe(409);
    const id = applied.body.id;
    expect(events.some((event) => event.name === 'received' && event.payload.applicationId === id)).toBe(true);
    const stage = (client: TestClient, body: unknown) => client.json<Applicant & Problem>(`/api/pencaker/employer/applications/${id}/stage`, { method: 'POST', body });
    // Employer B has nothing to do with it; a hire straight from "received" is not a step.
    expect((await stage(employer2, { stage: 'shortlisted' })).status).toBe(404);
    expect((await stage(employer, { stage: 'hired' })).status).toBe(409);
    expect((await stage(employer, { stage: 'shortlisted' })).body.stage).toBe('shortlisted');
    expect((await stage(employer, { stage: 'interview', at: '2026-11-20T09:00:00+07:00', place: '' })).status).toBe(400);
    const interview = await stage(employer, { stage: 'interview', at: '2026-11-20T09:00:00+07:00', place: 'Kantor HRD, Jl. Marsekal Suryadarma 18' });
    expect(interview.body.interview).toEqual({ at: '2026-11-20T02:00:00.000Z', place: 'Kantor HRD, Jl. Marsekal Suryadarma 18' });
    const mine = await seekerA.json<{ items: MyApplication[] }>('/api/pencaker/me/applications');
    expect(mine.body.items.find((item) => item.id === id)).toMatchObject({ stage: 'interview', interview: { place: 'Kantor HRD, Jl. Marsekal Suryadarma 18' } });
    expect((await seekerB.json<{ items: MyApplication[] }>('/api/pencaker/me/applications')).body.items.map((item) => item.id)).not.toContain(id);
    expect((await seekerB.json<Problem>(`/api/pencaker/me/applications/${id}/withdraw`, { method: 'POST' })).status).toBe(404);
    expect((await stage(employer, { stage: 'hired' })).body.stage).toBe('hired');
    expect(events.filter((event) => event.name === 'stage' && event.payload.applicationId === id).map((event) => event.payload.stage)).toEqual(['shortlisted', 'interview', 'hired']);
    expect(events.find((event) => event.name === 'stage' && event.payload.stage === 'interview')!.payload).toMatchObject({ interview: { at: '2026-11-20T02:00:00.000Z' }, vacancyTitle: 'Operator Forklift Gudang Bandara' });
    expect((await stage(employer, { stage: 'rejected' })).status).toBe(409);
    expect((await seekerA.json<Problem>(`/api/pencaker/me/applications/${id}/withdraw`, { method: 'POST' })).status).toBe(409);

    // B applies and withdraws: the employer no longer sees B's profile.
    const b = await seekerB.json<{ id: number }>(`/api/pencaker/vacancies/${vacancyId}/applications`, { method: 'POST', body: {} });
    const before = await employer.json<{ items: Applicant[] }>(`/api/pencaker/employer/vacancies/${vacancyId}/applicants`);
    expect(before.body.items.find((item) => item.id === b.body.id)!.profile?.fullName).toBe('Citra Ayu');
    const withdrawn = await seekerB.json<MyApplication>(`/api/pencaker/me/applications/${b.body.id}/withdraw`, { method: 'POST' });
    expect(withdrawn.body.stage).toBe('withdrawn');
    const after = await employer.json<{ items: Applicant[] }>(`/api/pencaker/employer/vacancies/${vacancyId}/applicants`);
    expect(after.body.items.find((item) => item.id === b.body.id)).toMatchObject({ stage: 'withdrawn', profile: null });
    // Applying needs a profile, and an open vacancy.
    const stranger = await newCitizen(server, 'tanpa.profil@contoh.id');
    expect((await stranger.json<Problem>(`/api/pencaker/vacancies/${vacancyId}/applications`, { method: 'POST', body: {} })).status).toBe(409);
    expect((await server.client().json<Problem>(`/api/pencaker/vacancies/${vacancyId}/applications`, { method: 'POST', body: {} })).status).toBe(401);
  });

  it("shows an employer its applicants' contact and CV but never NIK, birth date, religion, marital status or address", async () => {
    const applicants = await employer.json<{ items: Applicant[] }>(`/api/pencaker/employer/vacancies/${vacancyId}/applicants`);
    const bayu = applicants.body.items.find((item) => item.profile?.fullName === 'Bayu Setiadi')!;
    expect(bayu.profile).toMatchObject({ phone: '0812 9999 0001', email: 'bayu@contoh.id', ageBand: '25-29', hasCv: true });
    for (const secret of secrets) expect(JSON.stringify(applicants.body)).not.toContain(secret);
    const csv = await employer.fetch(`/api/pencaker/employer/vacancies/${vacancyId}/applicants.csv`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const text = await csv.text();
    expect(text).toContain('Bayu Setiadi');
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect((await employer.fetch(`/api/pencaker/employer/applications/${bayu.id}/cv`)).status).toBe(200);
    // Employer B: not its vacancy, not its applicant.
    expect((await employer2.fetch(`/api/pencaker/employer/applications/${bayu.id}/cv`)).status).toBe(404);
    expect((await employer2.fetch(`/api/pencaker/employer/vacancies/${vacancyId}/applicants.csv`)).status).toBe(404);
    // Public output never carries personal data.
    const publicBodies = await Promise.all(
      [`/api/pencaker/vacancies?pageSize=100`, `/api/pencaker/vacancies/${vacancyId}`, '/api/pencaker/statistics', '/api/pencaker/fairs', `/pencaker/lowongan/${vacancyId}`, '/sitemap.xml'].map(async (path) => (await server.client().fetch(path)).text()),
    );
    for (const secret of [...secrets, '0812 9999 0001', 'bayu@contoh.id', 'Bayu Setiadi']) expect(publicBodies.join('\n')).not.toContain(secret);
  });

  it('deletes a seeker\'s data on request (UU PDP) and keeps the anonymous statistics', async () => {
    const before = (await server.client().json<Stats>('/api/pencaker/statistics')).body;
    expect((await seekerA.fetch('/api/pencaker/me/profile', { method: 'DELETE' })).status).toBe(204);
    expect((await seekerA.json<{ profile: null }>('/api/pencaker/me/profile')).body.profile).toBeNull();
    expect((await seekerA.fetch('/api/pencaker/me/cv')).status).toBe(409);
    const after = (await server.client().json<Stats>('/api/pencaker/statistics')).body;
    expect(after.seekers.total).toBe(before.seekers.total);
    expect(after.months).toEqual(before.months);
    const applicants = await employer.json<{ items: Applicant[] }>(`/api/pencaker/employer/vacancies/${vacancyId}/applicants`);
    expect(applicants.body.items.some((item) => item.stage === 'hired' && item.profile === null)).toBe(true);
    expect(JSON.stringify(applicants.body)).not.toContain('Bayu');
    const register = await (await officer.fetch('/api/pencaker/officer/cards.csv')).text();
    expect(register).not.toContain('Bayu Setiadi');
  });

  it("gives a deleted account's owner their pencaker data first, then forgets it: profile, CV file, searches, employer seat", async () => {
    const dewi = await newCitizen(server, 'dewi@contoh.id', 'Dewi Lestari');
    const dewiNik = '3671016607950003';
    expect((await dewi.json('/api/pencaker/me/profile', { method: 'PUT', body: sampleProfile({ fullName: 'Dewi Lestari', nik: dewiNik, phone: '0812 7777 0303' }) })).status).toBe(200);
    expect((await upload(dewi, pdf())).status).toBe(200);
    expect((await dewi.json(`/api/pencaker/vacancies/${vacancyId}/applications`, { method: 'POST', body: { coverLetter: 'Surat lamaran Dewi.', withCv: true } })).status).toBe(201);
    expect((await dewi.json('/api/pencaker/me/searches', { method: 'POST', body: { name: 'Gudang', filters: { q: 'gudang' } } })).status).toBe(201);
    const { db } = server.server.database;
    const userId = (await dewi.json<{ user: { id: string } }>('/api/auth/me')).body.user.id;
    const employerId = ((await db.selectFrom('pencaker_employers' as never).select('id' as never).executeTakeFirstOrThrow()) as { id: number }).id;
    await db.insertInto('pencaker_employer_members' as never).values({ user_id: userId, employer_id: employerId, created_at: clock.now() } as never).execute();
    const cvKey = ((await db.selectFrom('pencaker_seekers' as never).select('cv_key' as never).where('user_id' as never, '=', userId as never).executeTakeFirstOrThrow()) as { cv_key: string }).cv_key;
    const storage = server.server.moduleContext('pencaker').storage;
    expect(await storage.get(cvKey)).toBeTruthy();

    const data = await dewi.json<{ modules: { pencaker: { profile: { nik: string } | null; applications: { coverLetter: string }[]; savedSearches: { name: string }[]; employer: { name: string } | null } } }>('/api/auth/account/data');
    expect(data.body.modules.pencaker.profile?.nik).toBe(dewiNik);
    expect(data.body.modules.pencaker.applications.map((item) => item.coverLetter)).toEqual(['Surat lamaran Dewi.']);
    expect(data.body.modules.pencaker.savedSearches.map((item) => item.name)).toEqual(['Gudang']);
    expect(data.body.modules.pencaker.employer?.name).toEqual(expect.any(String));
    expect(JSON.stringify((await seekerB.json('/api/auth/account/data')).body)).not.toContain(dewiNik);

    expect((await dewi.json('/api/auth/account', { method: 'DELETE', body: { password: 'rahasia-sekali-123' } })).status).toBe(204);
    const left = async (table: string) => (await db.selectFrom(table as never).select('user_id' as never).where('user_id' as never, '=', userId as never).execute()).length;
    expect([await left('pencaker_seekers'), await left('pencaker_saved_searches'), await left('pencaker_employer_members')]).toEqual([0, 0, 0]);
    expect(await storage.get(cvKey)).toBeNull();
    // The application stays for the employer and the statistics, without the person or their words.
    const applicants = await employer.json<{ items: Applicant[] }>(`/api/pencaker/employer/vacancies/${vacancyId}/applicants`);
    expect(JSON.stringify(applicants.body)).not.toContain('Dewi');
    expect(JSON.stringify(applicants.body)).not.toContain('Surat lamaran Dewi');
    expect((await db.selectFrom('pencaker_employers' as never).select('id' as never).where('id' as never, '=', employerId as never).execute()).length).toBe(1);
  });

  it('counts what waits for Disnaker and exports statistics and the card register as CSV without NIK', async () => {
    const counts = await officer.json<{ cards: number; employers: number; vacancies: number }>('/api/pencaker/officer/counts');
    expect(counts.body.cards).toBeGreaterThan(0);
    expect(counts.body.employers).toBeGreaterThan(0);
    const stats = await officer.fetch('/api/pencaker/officer/statistics.csv');
    expect(stats.status).toBe(200);
    const text = await stats.text();
    expect(text).toContain('section,key,count');
    expect(text).toMatch(/seekers_by_education,smk,\d+/);
    const register = await (await officer.fetch('/api/pencaker/officer/cards.csv')).text();
    expect(register).toContain('Citra Ayu');
    expect(register).not.toContain('3671015505010002');
    expect((await employer.fetch('/api/pencaker/officer/cards.csv')).status).toBe(403);
  });
});
