import { demoPassword, type Logger } from '@kota-kit/core/server';
import { startTestHost, testDatabaseTargets, type TestClient, type TestHost } from '@kota-kit/core/testing';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Inbox, OfficerReport, PublicReportDetail, ReportList, Stats, TrackView } from '../src/index.js';
import laksaServer from '../src/server/index.js';
import { send, sampleReport, testClock, testHost, type Created } from './fixture.js';

interface Problem {
  detail?: string;
  errors?: { field: string; message: string; code?: string }[];
}

/** Records every log line with its fields unredacted: the module must never hand personal data to the logger. */
function capturingLogger(lines: string[], base: Record<string, unknown> = {}): Logger {
  const write = (level: string) => (message: string, fields?: Record<string, unknown>) => void lines.push(JSON.stringify({ level, message, ...base, ...fields }));
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error'), child: (fields) => capturingLogger(lines, { ...base, ...fields }) };
}

describe.each(testDatabaseTargets())('laksa workflow on %s', (database) => {
  let host: TestHost;
  let citizen: TestClient;
  let verifier: TestClient;
  let dpupr: TestClient;
  let dlh: TestClient;
  let admin: TestClient;
  let warga: TestClient;
  const logLines: string[] = [];
  const statusEvents: { ticket: string; status: string; reporter: unknown }[] = [];

  const inboxId = async (ticket: string) => {
    const inbox = await verifier.json<Inbox>(`/api/laksa/inbox?all=true&q=${ticket}`);
    const item = inbox.body.items.find((entry) => entry.ticket === ticket);
    if (!item) throw new Error(`${ticket} not in the verifier's inbox`);
    return item.id;
  };
  const act = (client: TestClient, id: string, action: string, body: unknown = {}) => client.json<OfficerReport & Problem>(`/api/laksa/inbox/${id}/${action}`, { method: 'POST', body });

  beforeAll(async () => {
    host = await startTestHost({
      host: { ...testHost({ rateLimitPerHour: 1000 }), on: { 'laksa.report.status-changed': (payload) => void statusEvents.push(payload as never) } },
      serverModules: [laksaServer],
      database,
      clock: testClock(),
      extra: { logger: capturingLogger(logLines) },
    });
    citizen = host.client();
    const login = async (email: string) => {
      const client = host.client();
      await client.login(email, demoPassword);
      return client;
    };
    verifier = await login('verifier@demo.kotakit.id');
    dpupr = await login('dpupr@demo.kotakit.id');
    dlh = await login('dlh@demo.kotakit.id');
    admin = await login('admin@demo.kotakit.id');
    warga = await login('warga@demo.kotakit.id');
  });
  afterAll(async () => host?.close());

  it('lists categories with their agencies and the kecamatan', async () => {
    const { status, body } = await citizen.json<{ categories: { id: string; agency: { id: string } }[]; kecamatan: string[] }>('/api/laksa/categories');
    expect(status).toBe(200);
    expect(body.categories.find((category) => category.id === 'sampah')?.agency.id).toBe('dlh');
    expect(body.kecamatan).toHaveLength(13);
  });

  it('creates a report with a readable ticket and a private tracking link', async () => {
    const created = await send(citizen);
    expect(created.ticket).toMatch(/^LKS-2611-[23456789ABCDEFGHJKMNPQRSTVWXYZ]{4}$/);
    expect(created.trackingUrl).toBe(`/laksa/track/${created.trackingToken}`);
    const track = await citizen.json<TrackView>(`/api/laksa/track/${created.trackingToken}`);
    expect(track.status).toBe(200);
    expect(track.body.report.status).toBe('submitted');
    expect(track.body.report.stage).toBe('red');
    // Not public before the central room has verified it.
    expect((await citizen.json(`/api/laksa/reports/${created.ticket}`)).status).toBe(404);
  });

  it('answers bad input with field errors', async () => {
    const bad = await citizen.json<Problem>('/api/laksa/reports', { method: 'POST', body: { ...sampleReport(), title: 'x', location: { lat: 1 } } });
    expect(bad.status).toBe(400);
    const fields = bad.body.errors!.map((error) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['body.title', 'body.location.lng']));
    const category = await citizen.json<Problem>('/api/laksa/reports', { method: 'POST', body: sampleReport({ category: 'nope' }) });
    expect(category.body.errors![0]!.field).toBe('body.category');
    const kecamatan = await citizen.json<Problem>('/api/laksa/reports', { method: 'POST', body: sampleReport({ location: { kecamatan: 'Menteng' } }) });
    expect(kecamatan.body.errors![0]!.field).toBe('body.location.kecamatan');
    const nik = await citizen.json<Problem>('/api/laksa/reports', { method: 'POST', body: sampleReport({ contact: { nik: '3671010101010001' } }) });
    expect(nik.body.errors![0]!.field).toBe('body.contact.nik');
    const type = await citizen.json<Problem>('/api/laksa/reports', { method: 'POST', body: sampleReport({ type: 'aspiration' }) });
    expect(type.body.errors![0]!.field).toBe('body.type');
  });

  it('walks the whole workflow, each step recorded, audited and emitted; invalid steps are 409', async () => {
    const created = await send(citizen);
    const id = await inboxId(created.ticket);

    // Skipping is refused with the current and wanted status.
    const skip = await act(verifier, id, 'forward', { agency: 'dpupr' });
    expect(skip.status).toBe(409);
    expect(skip.body.detail).toContain('"submitted"');
    expect(skip.body.detail).toContain('"forwarded"');
    expect((await act(dpupr, id, 'start')).status).toBe(403);

    const verified = await act(verifier, id, 'verify', { note: 'Lokasi jelas.' });
    expect(verified.status).toBe(200);
    expect(verified.body.status).toBe('verified');
    expect((await act(verifier, id, 'verify')).status).toBe(409);

    const forwarded = await act(verifier, id, 'forward', { agency: 'dpupr', note: 'Diteruskan ke DPUPR.' });
    expect(forwarded.body.status).toBe('forwarded');
    expect(forwarded.body.agencyDueDate).toBe('2026-11-24'); // 5 working days from Monday 16th, Friday 20th a holiday

    expect((await act(dlh, id, 'start')).status).toBe(403); // another agency
    expect((await act(dpupr, id, 'respond', { response: 'Sudah diperbaiki semuanya.' })).status).toBe(409);
    const started = await act(dpupr, id, 'start', { note: 'Tim menuju lokasi.' });
    expect(started.body.status).toBe('in_progress');

    const resolved = await act(dpupr, id, 'respond', { response: 'Lubang sudah ditambal dengan aspal hotmix.' });
    expect(resolved.status).toBe(200);
    expect(resolved.body.status).toBe('resolved');
    expect(resolved.body.stage).toBe('green');

    const publicView = await citizen.json<PublicReportDetail>(`/api/laksa/reports/${created.ticket}`);
    expect(publicView.status).toBe(200);
    expect(publicView.body.timeline.map((entry) => entry.status)).toEqual(['submitted', 'verified', 'forwarded', 'in_progress', 'resolved']);
    expect(publicView.body.timeline.at(-1)).toMatchObject({ kind: 'response', actor: 'agency', agency: { id: 'dpupr' }, note: 'Lubang sudah ditambal dengan aspal hotmix.' });

    const rated = await citizen.json<TrackView>(`/api/laksa/track/${created.trackingToken}/rating`, { method: 'POST', body: { rating: 4, comment: 'Cepat.' } });
    expect(rated.status).toBe(200);
    expect(rated.body.report.rating).toBe(4);
    expect(rated.body.canReopen).toBe(true);
    expect((await citizen.json<Problem>(`/api/laksa/track/${created.trackingToken}/rating`, { method: 'POST', body: { rating: 6 } })).status).toBe(400);

    const reopened = await citizen.json<TrackView>(`/api/laksa/track/${created.trackingToken}/reopen`, { method: 'POST', body: { reason: 'Lubangnya muncul lagi setelah hujan.' } });
    expect(reopened.body.report.status).toBe('reopened');
    expect((await citizen.json(`/api/laksa/track/${created.trackingToken}/reopen`, { method: 'POST', body: { reason: 'Lubangnya muncul lagi setelah hujan.' } })).status).toBe(409);
    expect((await act(dpupr, id, 'start')).body.status).toBe('in_progress');
    expect((await act(dpupr, id, 'respond', { response: 'Ditambal ulang dan dipadatkan.' })).body.status).toBe('resolved');

    expect(statusEvents.filter((event) => event.ticket === created.ticket).map((event) => event.status)).toEqual([
      'submitted', 'verified', 'forwarded', 'in_progress', 'resolved', 'reopened', 'in_progress', 'resolved',
    ]);
    // The reporter's contact goes to the region's notification hooks.
    expect(statusEvents.find((event) => event.ticket === created.ticket)?.reporter).toMatchObject({ email: 'budi.santoso@example.com' });

    const audit = await admin.json<{ entries: { action: string; subjectId: string; before: unknown; after: unknown }[] }>(`/api/admin/audit?module=laksa&subjectId=${created.ticket}&limit=100`);
    const actions = audit.body.entries.map((entry) => entry.action).reverse();
    expect(actions).toEqual(expect.arrayContaining(['report.verify', 'report.forward', 'report.start', 'report.respond']));
    const forward = audit.body.entries.find((entry) => entry.action === 'report.forward')!;
    expect(forward.before).toMatchObject({ status: 'verified' });
    expect(forward.after).toMatchObject({ status: 'forwarded', agency_id: 'dpupr' });
    // Officers looked at the masked contact while acting: each look is in the log, the contact itself is not.
    expect(actions).toContain('report.contact.view');
    expect(JSON.stringify(audit.body)).not.toContain('budi.santoso');
  });

  it('rejects with a reason; rejected reports stay private', async () => {
    const created = await send(citizen, { title: 'Iklan obat pelangsing', description: 'Jual obat pelangsing murah hubungi sekarang.' });
    const id = await inboxId(created.ticket);
    expect((await act(dpupr, id, 'reject', { reason: 'spam', note: 'Spam.' })).status).toBe(403);
    expect((await act(verifier, id, 'reject', { reason: 'weird', note: 'Spam iklan.' })).status).toBe(400);
    const rejected = await act(verifier, id, 'reject', { reason: 'spam', note: 'Bukan laporan layanan publik.' });
    expect(rejected.body).toMatchObject({ status: 'rejected', stage: 'rejected', rejectReason: 'spam' });
    expect((await act(verifier, id, 'verify')).status).toBe(409);
    expect((await citizen.json(`/api/laksa/reports/${created.ticket}`)).status).toBe(404);
    expect((await citizen.json<TrackView>(`/api/laksa/track/${created.trackingToken}`)).body.report.timeline.at(-1)?.note).toBe('Bukan laporan layanan publik.');
  });

  it('lets a handler forward directly to another agency, which then owns it', async () => {
    const created = await send(citizen);
    const id = await inboxId(created.ticket);
    await act(verifier, id, 'verify');
    await act(verifier, id, 'forward', { agency: 'dpupr' });
    expect((await act(dlh, id, 'forward', { agency: 'dishub' })).status).toBe(403);
    expect((await act(dpupr, id, 'forward', { agency: 'nowhere' })).body.errors?.[0]?.field).toBe('body.agency');
    const moved = await act(dpupr, id, 'forward', { agency: 'dlh', note: 'Ini sampah, bukan jalan.' });
    expect(moved.status).toBe(200);
    expect(moved.body.agency?.id).toBe('dlh');
    expect((await dpupr.json(`/api/laksa/inbox/${id}`)).status).toBe(403);
    expect((await act(dlh, id, 'start')).body.status).toBe('in_progress');
  });

  it('assigns to a colleague of the same agency and keeps internal notes internal', async () => {
    const created = await send(citizen);
    const id = await inboxId(created.ticket);
    await act(verifier, id, 'verify');
    await act(verifier, id, 'forward', { agency: 'dpupr' });
    const colleagues = await dpupr.json<{ colleagues: { id: string; name: string }[] }>('/api/laksa/colleagues?agency=dpupr');
    expect(colleagues.body.colleagues.length).toBeGreaterThan(0);
    const colleague = colleagues.body.colleagues[0]!;
    const dlhColleague = (await dlh.json<{ colleagues: { id: string }[] }>('/api/laksa/colleagues?agency=dlh')).body.colleagues[0]!;
    expect((await act(dpupr, id, 'assign', { userId: dlhColleague.id })).status).toBe(400);
    const assigned = await act(dpupr, id, 'assign', { userId: colleague.id });
    expect(assigned.body.assignee?.id).toBe(colleague.id);
    await act(dpupr, id, 'note', { text: 'RAHASIA-INTERNAL: cek anggaran pemeliharaan.' });
    expect((await dlh.json(`/api/laksa/inbox/${id}/note`, { method: 'POST', body: { text: 'Coba' } })).status).toBe(403);
    const officerView = await dpupr.json<OfficerReport>(`/api/laksa/inbox/${id}`);
    expect(officerView.body.timeline.some((entry) => entry.internal && entry.note?.includes('RAHASIA-INTERNAL'))).toBe(true);
    const mine = await dpupr.json<Inbox>('/api/laksa/inbox?assignedToMe=true');
    expect(mine.status).toBe(200);
    const publicView = await citizen.fetch(`/api/laksa/reports/${created.ticket}`);
    const tracked = await citizen.fetch(`/api/laksa/track/${created.trackingToken}`);
    for (const text of [await publicView.text(), await tracked.text()]) {
      expect(text).not.toContain('RAHASIA-INTERNAL');
      expect(text).not.toContain(colleague.name);
    }
  });

  it('refuses officer routes to anonymous users (401) and citizens (403); scopes the inbox per agency', async () => {
    expect((await citizen.json('/api/laksa/inbox')).status).toBe(401);
    expect((await warga.json('/api/laksa/inbox')).status).toBe(403);
    expect((await warga.json('/api/laksa/open311-keys')).status).toBe(403);
    expect((await dpupr.json('/api/laksa/open311-keys')).status).toBe(403);
    const handlerInbox = await dpupr.json<Inbox>('/api/laksa/inbox?all=true&pageSize=100');
    expect(handlerInbox.body.items.length).toBeGreaterThan(0);
    expect(handlerInbox.body.items.every((item) => item.agency?.id === 'dpupr' && !['submitted', 'verified'].includes(item.status))).toBe(true);
    const verifierInbox = await verifier.json<Inbox>('/api/laksa/inbox?pageSize=100');
    expect(verifierInbox.body.items.some((item) => item.status === 'submitted')).toBe(true);
    // Overdue first.
    const overdueFlags = verifierInbox.body.items.map((item) => item.overdue);
    expect(overdueFlags).toEqual([...overdueFlags].sort((a, b) => Number(b) - Number(a)));
    // Verifying is not handling: the central room cannot start or answer an agency's report.
    const forwarded = handlerInbox.body.items.find((item) => item.status === 'forwarded');
    expect(forwarded).toBeDefined();
    const asVerifier = await verifier.json<OfficerReport>(`/api/laksa/inbox/${forwarded!.id}`);
    expect(asVerifier.body.allowedActions).not.toContain('start');
    expect(asVerifier.body.allowedActions).not.toContain('respond');
    expect((await act(verifier, forwarded!.id, 'start')).status).toBe(403);
    expect((await act(dlh, forwarded!.id, 'start')).status).toBe(403);
    const adminInbox = await admin.json<Inbox>('/api/laksa/inbox?agency=dlh&all=true');
    expect(adminInbox.status).toBe(200);
    expect(adminInbox.body.items.every((item) => item.agency?.id === 'dlh')).toBe(true);
  });

  it('keeps reporters private: public list, detail, map, CSV and logs never carry their identity', async () => {
    const named = await send(citizen, { title: 'Sampah di Jl. Gatot Subroto', category: 'sampah', contact: { name: 'Sulastri Wijayakusuma', email: 'sulastri.w@example.com', phone: '081299988877' } });
    const id = await inboxId(named.ticket);
    await act(verifier, id, 'verify');
    const officer = await verifier.json<OfficerReport>(`/api/laksa/inbox/${id}`);
    expect(officer.body.reporter).toEqual({ name: 'Sulastri W.', email: 'su***@example.com', phone: '0812*****877', nik: null });

    const anonymous = await send(citizen, { title: 'Pungli di kantor kelurahan', category: 'aspirasi-umum', type: 'aspiration', anonymous: true, contact: { name: 'Pelapor Takut', phone: '081211122233' } });
    const anonymousId = await inboxId(anonymous.ticket);
    const hidden = await verifier.json<OfficerReport>(`/api/laksa/inbox/${anonymousId}`);
    expect(hidden.body.reporter).toBeNull();
    expect(JSON.stringify(hidden.body)).not.toContain('Pelapor Takut');
    await act(verifier, anonymousId, 'verify');

    const confidential = await send(citizen, { title: 'Keluhan layanan puskesmas rahasia', category: 'layanan-puskesmas', confidential: true });
    const confidentialId = await inboxId(confidential.ticket);
    await act(verifier, confidentialId, 'verify');
    await act(verifier, confidentialId, 'forward', { agency: 'dinkes' });

    const texts = [
      await (await citizen.fetch('/api/laksa/reports?pageSize=100')).text(),
      await (await citizen.fetch(`/api/laksa/reports/${named.ticket}`)).text(),
      await (await citizen.fetch(`/api/laksa/reports/${anonymous.ticket}`)).text(),
      await (await citizen.fetch('/api/laksa/map')).text(),
      await (await verifier.fetch('/api/laksa/export.csv')).text(),
      await (await citizen.fetch('/open311/v2/requests.json')).text(),
      await (await citizen.fetch('/open311/v2/requests.xml')).text(),
      logLines.join('\n'),
    ];
    for (const text of texts) {
      for (const secret of ['Sulastri', 'sulastri.w@example.com', '081299988877', 'Pelapor Takut', '081211122233', 'Budi Santoso', 'budi.santoso@example.com', '081234567890']) expect(text).not.toContain(secret);
    }
    const list = await citizen.json<ReportList>('/api/laksa/reports?pageSize=100');
    expect(list.body.items.some((item) => item.ticket === named.ticket)).toBe(true);
    expect(list.body.items.some((item) => item.ticket === confidential.ticket)).toBe(false);
    expect((await citizen.json(`/api/laksa/reports/${confidential.ticket}`)).status).toBe(404);
    expect((await citizen.json<TrackView>(`/api/laksa/track/${confidential.trackingToken}`)).body.confidential).toBe(true);

    const csv = await verifier.fetch('/api/laksa/export.csv');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const header = (await csv.text()).split('\r\n')[0]!;
    expect(header).not.toMatch(/name|email|phone|nik|title|description/);
  });

  it('never lets anyone change the confidential and anonymous flags', async () => {
    const created = await send(citizen, { confidential: true, anonymous: true });
    const id = await inboxId(created.ticket);
    const paths = ['verify', 'reject', 'forward', 'note'];
    for (const action of paths) await act(admin, id, action, { confidential: false, anonymous: false, note: 'Catatan admin.', text: 'Catatan admin.', agency: 'dpupr', reason: 'other' });
    const after = await admin.json<OfficerReport>(`/api/laksa/inbox/${id}`);
    expect(after.body).toMatchObject({ confidential: true, anonymous: true });
    // No route takes them: a PATCH or PUT does not exist.
    // (Core answers a known path with another method 405 and the methods it has in `Allow`.)
    for (const method of ['PATCH', 'PUT']) {
      const refused = await admin.json(`/api/laksa/inbox/${id}`, { method, body: { confidential: false } });
      expect(refused.status).toBe(405);
      expect(refused.headers.get('allow')).not.toMatch(/PATCH|PUT/);
    }
    const openapi = await citizen.json<{ paths: Record<string, Record<string, { requestBody?: unknown }>> }>('/api/openapi.json');
    for (const [path, operations] of Object.entries(openapi.body.paths)) {
      if (!path.startsWith('/api/laksa/') || path === '/api/laksa/reports') continue;
      for (const operation of Object.values(operations)) expect(JSON.stringify(operation.requestBody ?? {})).not.toMatch(/confidential|anonymous/);
    }
  });

  it('marks duplicates: the duplicate reporter follows the original, whose supporters grow', async () => {
    const original = await send(citizen, { title: 'Banjir di underpass Karawaci' });
    const originalId = await inboxId(original.ticket);
    await act(verifier, originalId, 'verify');
    await act(verifier, originalId, 'forward', { agency: 'dpupr' });
    const copy = await send(citizen, { title: 'Underpass Karawaci tergenang' });
    const copyId = await inboxId(copy.ticket);
    expect((await act(verifier, copyId, 'duplicate', { of: copy.ticket })).status).toBe(400);
    expect((await act(verifier, copyId, 'duplicate', { of: 'LKS-0000-XXXX' })).body.errors?.[0]?.field).toBe('body.of');
    const marked = await act(verifier, copyId, 'duplicate', { of: original.ticket.toLowerCase() });
    expect(marked.body).toMatchObject({ status: 'duplicate', stage: 'duplicate', duplicateOf: original.ticket });
    await act(dpupr, originalId, 'start', { note: 'Pompa air dikirim.' });
    const followed = await citizen.json<TrackView>(`/api/laksa/track/${copy.trackingToken}`);
    expect(followed.body.following).toMatchObject({ ticket: original.ticket, status: 'in_progress', public: true });
    expect(followed.body.following!.timeline.at(-1)?.note).toBe('Pompa air dikirim.');
    const detail = await citizen.json<PublicReportDetail>(`/api/laksa/reports/${original.ticket}`);
    expect(detail.body.supporters).toBe(1);
    expect((await citizen.json<PublicReportDetail>(`/api/laksa/reports/${copy.ticket}`)).body.duplicateOf).toBe(original.ticket);
  });

  it('counts "me too" once per person', async () => {
    const created = await send(citizen);
    const id = await inboxId(created.ticket);
    await act(verifier, id, 'verify');
    const first = await warga.json<{ supporters: number; alreadySupported: boolean }>(`/api/laksa/reports/${created.ticket}/support`, { method: 'POST' });
    expect(first.body).toEqual({ supporters: 1, alreadySupported: false });
    const again = await warga.json<{ supporters: number; alreadySupported: boolean }>(`/api/laksa/reports/${created.ticket}/support`, { method: 'POST' });
    expect(again.body).toEqual({ supporters: 1, alreadySupported: true });
    expect((await citizen.json<{ supporters: number }>(`/api/laksa/reports/${created.ticket}/support`, { method: 'POST' })).body.supporters).toBe(2);
  });

  it('re-encodes photos without EXIF/GPS, checks type by content, limits count; serves them by visibility', async () => {
    const withGps = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#a33' } })
      .jpeg()
      .withExif({ IFD0: { Make: 'KotaKitPhone', Copyright: 'Budi' }, IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '6/1 10/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '106/1 37/1 0/1' } })
      .toBuffer();
    expect((await sharp(withGps).metadata()).exif).toBeDefined();
    expect(withGps.includes(Buffer.from('KotaKitPhone'))).toBe(true);

    const form = new FormData();
    form.set('report', JSON.stringify(sampleReport({ confidential: true })));
    form.append('photos', new Blob([new Uint8Array(withGps)], { type: 'image/jpeg' }), 'lubang.jpg');
    const response = await citizen.json<Created>('/api/laksa/reports', { method: 'POST', body: form });
    expect(response.status).toBe(201);
    const track = await citizen.json<TrackView>(`/api/laksa/track/${response.body.trackingToken}`);
    const photo = track.body.report.photos[0]!;
    expect(photo).toMatchObject({ kind: 'report', width: 64, height: 48 });
    // Confidential: not for the public, yes for its reporter and for officers.
    expect((await citizen.fetch(photo.url)).status).toBe(404);
    expect((await verifier.fetch(photo.url)).status).toBe(200);
    const stored = await citizen.fetch(`${photo.url}?token=${response.body.trackingToken}`);
    expect(stored.status).toBe(200);
    expect(stored.headers.get('content-type')).toBe('image/jpeg');
    const bytes = Buffer.from(await stored.arrayBuffer());
    const metadata = await sharp(bytes).metadata();
    expect(metadata.format).toBe('jpeg');
    expect(metadata.exif).toBeUndefined();
    expect(bytes.includes(Buffer.from('KotaKitPhone'))).toBe(false);
    expect(bytes.includes(Buffer.from('Exif'))).toBe(false);

    const fake = new FormData();
    fake.set('report', JSON.stringify(sampleReport()));
    fake.append('photos', new Blob([new TextEncoder().encode('<?php echo 1; ?>')], { type: 'image/jpeg' }), 'foto.jpg');
    const rejected = await citizen.json<Problem>('/api/laksa/reports', { method: 'POST', body: fake });
    expect(rejected.status).toBe(400);
    expect(rejected.body.errors?.[0]).toMatchObject({ field: 'body.photos.0', code: 'invalid_type' });

    const many = new FormData();
    many.set('report', JSON.stringify(sampleReport()));
    for (let index = 0; index < 4; index++) many.append('photos', new Blob([new Uint8Array(withGps)], { type: 'image/jpeg' }), `${index}.jpg`);
    expect((await citizen.json<Problem>('/api/laksa/reports', { method: 'POST', body: many })).body.errors?.[0]?.field).toBe('body.photos');

    const badJson = new FormData();
    badJson.set('report', '{not json');
    expect((await citizen.json<Problem>('/api/laksa/reports', { method: 'POST', body: badJson })).body.errors?.[0]?.field).toBe('body.report');

    // Resolution photos with the official response (multipart).
    const created = await send(citizen);
    const id = await inboxId(created.ticket);
    await act(verifier, id, 'verify');
    await act(verifier, id, 'forward', { agency: 'dpupr' });
    await act(dpupr, id, 'start');
    const respond = new FormData();
    respond.set('response', 'Sudah ditambal, lihat foto.');
    respond.append('photos', new Blob([new Uint8Array(withGps)], { type: 'image/jpeg' }), 'hasil.jpg');
    const resolved = await dpupr.json<OfficerReport>(`/api/laksa/inbox/${id}/respond`, { method: 'POST', body: respond });
    expect(resolved.status).toBe(200);
    expect(resolved.body.status).toBe('resolved');
    const publicDetail = await citizen.json<PublicReportDetail>(`/api/laksa/reports/${created.ticket}`);
    const resolution = publicDetail.body.timeline.at(-1)!.photos[0]!;
    expect(resolution.kind).toBe('resolution');
    const served = Buffer.from(await (await citizen.fetch(resolution.url)).arrayBuffer());
    expect((await sharp(served).metadata()).exif).toBeUndefined();
  });

  it('computes statistics per category and agency', async () => {
    const stats = await citizen.json<Stats>('/api/laksa/stats?from=2026-11-16&to=2026-11-16');
    expect(stats.status).toBe(200);
    const jalan = stats.body.byCategory.find((row) => row.id === 'jalan-rusak')!;
    expect(jalan.received).toBeGreaterThan(3);
    expect(jalan.resolved).toBeGreaterThanOrEqual(2);
    expect(jalan.meanRating).toBe(4);
    expect(jalan.ratings).toBe(1);
    expect(jalan.resolvedWithinDeadlineShare).toBe(1);
    // Everything happened at the same test instant.
    expect(jalan.medianHoursToResolution).toBe(0);
    const dpuprRow = stats.body.byAgency.find((row) => row.id === 'dpupr')!;
    expect(dpuprRow.medianHoursToFirstResponse).toBe(0);
    expect(stats.body.total.received).toBeGreaterThanOrEqual(jalan.received);
    expect((await citizen.json<Problem>('/api/laksa/stats?from=2026-12-01&to=2026-11-01')).body.errors?.[0]?.field).toBe('query.from');
    // The demo seed (weeks before) is outside this period but in the default one.
    const all = await citizen.json<Stats>('/api/laksa/stats');
    expect(all.body.total.received).toBeGreaterThan(stats.body.total.received);
  });

  it('manages Open311 keys: shown once, stored hashed, revocable', async () => {
    const created = await verifier.json<{ id: string; key: string; prefix: string }>('/api/laksa/open311-keys', { method: 'POST', body: { name: 'Aplikasi Warga Pintar' } });
    expect(created.status).toBe(201);
    expect(created.body.key).toMatch(/^lks_/);
    const list = await admin.fetch('/api/laksa/open311-keys');
    expect(await list.text()).not.toContain(created.body.key);
    const post = (key: string) =>
      citizen.fetch('/open311/v2/requests.json', { method: 'POST', body: new URLSearchParams({ api_key: key, service_code: 'sampah', lat: '-6.18', long: '106.63', description: 'Sampah menumpuk di pinggir jalan.' }) });
    expect((await post(created.body.key)).status).toBe(200);
    expect((await verifier.json(`/api/laksa/open311-keys/${created.body.id}`, { method: 'DELETE' })).status).toBe(200);
    expect((await post(created.body.key)).status).toBe(403);
  });
});
