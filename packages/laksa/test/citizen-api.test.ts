// Issue 13, citizens: "Laporan saya" (reports linked to the signed-in account, never exposed), the card thumbnail
// of public reports only, and one rating per answer (a second is refused with 409), on both databases.
import { demoPassword } from '@kota-kit/core/server';
import { startTestHost, testDatabaseTargets, type TestClient, type TestHost } from '@kota-kit/core/testing';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Inbox, PublicReportDetail, ReportList, TrackView } from '../src/index.js';
import laksaServer from '../src/server/index.js';
import { send, sampleReport, testClock, testHost, type Created } from './fixture.js';

interface MineList {
  items: { ticket: string; title: string; status: string; stage: string; trackingUrl: string; publicUrl: string | null; createdAt: string; rating: number | null }[];
  total: number;
}

describe.each(testDatabaseTargets())('laksa citizen pages API on %s', (database) => {
  let host: TestHost;
  let anonymous: TestClient;
  let warga: TestClient;
  let wargaId: string;
  let verifier: TestClient;
  let dpupr: TestClient;
  let photo: Buffer;
  const clock = testClock();

  const login = async (email: string) => {
    const client = host.client();
    await client.login(email, demoPassword);
    return client;
  };
  const inboxId = async (ticket: string) => {
    const inbox = await verifier.json<Inbox>(`/api/laksa/inbox?all=true&q=${ticket}`);
    const item = inbox.body.items.find((entry) => entry.ticket === ticket);
    if (!item) throw new Error(`${ticket} not in the inbox`);
    return item.id;
  };
  const act = async (client: TestClient, id: string, action: string, body: unknown = {}) => {
    const result = await client.json(`/api/laksa/inbox/${id}/${action}`, { method: 'POST', body });
    if (result.status !== 200) throw new Error(`${action}: ${result.status} ${JSON.stringify(result.body)}`);
  };
  /** Verified, forwarded to DPUPR, started and answered: ready to be rated. */
  const resolve = async (ticket: string) => {
    const id = await inboxId(ticket);
    await act(verifier, id, 'verify');
    await act(verifier, id, 'forward', { agency: 'dpupr' });
    await act(dpupr, id, 'start');
    await act(dpupr, id, 'respond', { response: 'Lubang sudah ditambal dengan aspal hotmix.' });
  };
  const withPhoto = async (client: TestClient, overrides: Parameters<typeof sampleReport>[0] = {}) => {
    const form = new FormData();
    form.set('report', JSON.stringify(sampleReport(overrides)));
    form.append('photos', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'lubang.jpg');
    const response = await client.json<Created>('/api/laksa/reports', { method: 'POST', body: form });
    expect(response.status).toBe(201);
    return response.body;
  };

  beforeAll(async () => {
    host = await startTestHost({ host: testHost({ rateLimitPerHour: 1000 }), serverModules: [laksaServer], database, clock });
    anonymous = host.client();
    warga = await login('warga@demo.kotakit.id');
    verifier = await login('verifier@demo.kotakit.id');
    dpupr = await login('dpupr@demo.kotakit.id');
    wargaId = (await warga.json<{ user: { id: string } }>('/api/auth/me')).body.user.id;
    photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 90, g: 80, b: 70 } } }).jpeg().toBuffer();
  });
  afterAll(async () => host?.close());

  it('lists a signed-in citizen\'s reports under GET /mine, and only theirs; the account id is never in an answer', async () => {
    const before = await warga.json<MineList>('/api/laksa/mine');
    expect(before.status).toBe(200);
    expect(before.headers.get('cache-control')).toContain('no-store');
    const mine = await send(warga, { title: 'Lampu jalan mati di gang Melati' });
    const other = await send(anonymous, { title: 'Laporan tanpa akun di Karawaci' });
    const list = await warga.json<MineList>('/api/laksa/mine');
    expect(list.body.total).toBe(before.body.total + 1);
    expect(list.body.items[0]).toMatchObject({ ticket: mine.ticket, title: 'Lampu jalan mati di gang Melati', status: 'submitted', stage: 'red', trackingUrl: `/laksa/saya/${mine.ticket}`, publicUrl: null, rating: null });
    expect(list.body.items.map((item) => item.ticket)).not.toContain(other.ticket);

    // The account sees its report as through the tracking link; nobody else does, not even with the ticket.
    const view = await warga.json<TrackView>(`/api/laksa/mine/${mine.ticket}`);
    expect(view.status).toBe(200);
    expect(view.body.report.title).toBe('Lampu jalan mati di gang Melati');
    expect((await warga.json(`/api/laksa/mine/${other.ticket}`)).status).toBe(404);
    expect((await verifier.json(`/api/laksa/mine/${mine.ticket}`)).status).toBe(404);
    expect((await anonymous.json('/api/laksa/mine')).status).toBe(401);
    expect((await anonymous.json(`/api/laksa/mine/${mine.ticket}`)).status).toBe(401);

    // Never exposed: not to the public, the reporter's link, officers or Open311.
    await resolve(mine.ticket);
    const answers = [
      await anonymous.json<PublicReportDetail>(`/api/laksa/reports/${mine.ticket}`),
      await anonymous.json<ReportList>(`/api/laksa/reports?pageSize=100`),
      await anonymous.json(`/api/laksa/map`),
      await anonymous.json<TrackView>(`/api/laksa/track/${mine.trackingToken}`),
      await verifier.json(`/api/laksa/inbox/${await inboxId(mine.ticket)}`),
      await verifier.json(`/api/laksa/inbox?all=true&q=${mine.ticket}`),
      await anonymous.json(`/open311/v2/requests.json?jurisdiction_id=tangerangkota.go.id`),
      await warga.json(`/api/laksa/mine`),
      await warga.json(`/api/laksa/mine/${mine.ticket}`),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      const text = JSON.stringify(answer.body);
      expect(text).not.toContain(wargaId);
      expect(text).not.toMatch(/reporter_?user/i);
    }
    expect((await warga.json<MineList>('/api/laksa/mine')).body.items[0]).toMatchObject({ ticket: mine.ticket, status: 'resolved', stage: 'green', publicUrl: `/laksa/laporan/${mine.ticket}` });
  });

  it('unlinks the account when the reporter deletes their contact data (UU PDP)', async () => {
    const sent = await send(warga, { title: 'Saluran air tersumbat di RT 02' });
    expect((await warga.json<MineList>('/api/laksa/mine')).body.items.map((item) => item.ticket)).toContain(sent.ticket);
    expect((await anonymous.json(`/api/laksa/track/${sent.trackingToken}/forget-contact`, { method: 'POST' })).status).toBe(200);
    expect((await warga.json<MineList>('/api/laksa/mine')).body.items.map((item) => item.ticket)).not.toContain(sent.ticket);
    expect((await warga.json(`/api/laksa/mine/${sent.ticket}`)).status).toBe(404);
  });

  it('links no report sent by an officer to their account (only citizen sessions are linked)', async () => {
    const before = (await verifier.json<MineList>('/api/laksa/mine')).body.total;
    await send(verifier, { title: 'Dikirim petugas dari akunnya' });
    expect((await verifier.json<MineList>('/api/laksa/mine')).body.total).toBe(before);
  });

  it('gives public reports with a photo a thumbnail, and no other report', async () => {
    const open = await withPhoto(anonymous, { title: 'Trotoar amblas dekat halte' });
    const hidden = await withPhoto(anonymous, { title: 'Laporan rahasia dengan foto', confidential: true });
    await act(verifier, await inboxId(open.ticket), 'verify');
    await act(verifier, await inboxId(hidden.ticket), 'verify');
    const list = await anonymous.json<ReportList>('/api/laksa/reports?pageSize=100');
    const card = list.body.items.find((item) => item.ticket === open.ticket)!;
    expect(card.thumbnail).toBe(card.photos[0]!.url);
    expect((await anonymous.fetch(card.thumbnail!)).status).toBe(200);
    expect(list.body.items.find((item) => item.ticket === hidden.ticket)).toBeUndefined();
    expect(list.body.items.filter((item) => item.photos.length === 0).every((item) => item.thumbnail === null)).toBe(true);
    // The reporter's own view of the confidential one: its photo needs the token, so no public thumbnail.
    const track = await anonymous.json<TrackView>(`/api/laksa/track/${hidden.trackingToken}`);
    expect(track.body.report.photos).toHaveLength(1);
    expect(track.body.report.thumbnail).toBeNull();
  });

  it('takes one rating per answer: a second is refused with 409, through the link or the account, and adds no second note', async () => {
    const created = await send(warga, { title: 'Saluran air tersumbat di Jl. Kenari' });
    await resolve(created.ticket);
    const ready = await anonymous.json<TrackView>(`/api/laksa/track/${created.trackingToken}`);
    expect(ready.body.canRate).toBe(true);

    const rated = await anonymous.json<TrackView>(`/api/laksa/track/${created.trackingToken}/rating`, { method: 'POST', body: { rating: 4, comment: 'Cepat.' } });
    expect(rated.status).toBe(200);
    expect(rated.body.canRate).toBe(false);
    expect(rated.body.report.rating).toBe(4);
    expect(rated.body.ratingComment).toBe('Cepat.');

    const again = await anonymous.json<{ errors?: { code?: string }[] }>(`/api/laksa/track/${created.trackingToken}/rating`, { method: 'POST', body: { rating: 1 } });
    expect(again.status).toBe(409);
    expect(again.body.errors?.[0]?.code).toBe('already_rated');
    expect((await warga.json(`/api/laksa/mine/${created.ticket}/rating`, { method: 'POST', body: { rating: 2 } })).status).toBe(409);

    const after = await anonymous.json<TrackView>(`/api/laksa/track/${created.trackingToken}`);
    expect(after.body.report.rating).toBe(4);
    expect(after.body.report.timeline.filter((entry) => entry.kind === 'rating')).toHaveLength(1);

    // Reopened and answered again: the new answer may be rated once more.
    expect((await anonymous.json(`/api/laksa/track/${created.trackingToken}/reopen`, { method: 'POST', body: { reason: 'Masih tergenang setelah hujan deras.' } })).status).toBe(200);
    const id = await inboxId(created.ticket);
    clock.advance(3_600_000);
    await act(dpupr, id, 'start');
    await act(dpupr, id, 'respond', { response: 'Saluran dikeruk ulang dan diperlebar.' });
    const second = await warga.json<TrackView>(`/api/laksa/mine/${created.ticket}/rating`, { method: 'POST', body: { rating: 5 } });
    expect(second.status).toBe(200);
    expect(second.body.report.rating).toBe(5);
    expect(second.body.canRate).toBe(false);
    expect((await anonymous.json(`/api/laksa/track/${created.trackingToken}/rating`, { method: 'POST', body: { rating: 3 } })).status).toBe(409);
  });
});
