/**
 * Every write of LAKSA is one unit of work: its rows, audit entry and counters are stored together or not at
 * all, and its events are emitted only after the commit. Photo files are written before the unit; files of work
 * that was refused are not referred to by any row, so `liveUploads` leaves them to core's janitor.
 */
import { demoPassword } from '@kota-kit/core/server';
import { startTestHost, testDatabaseTargets, type TestClient, type TestHost } from '@kota-kit/core/testing';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Inbox, OfficerReport, TrackView } from '../src/index.js';
import laksaServer from '../src/server/index.js';
import { transition } from '../src/server/services/workflow.js';
import type { Ctx } from '../src/server/tables.js';
import { sampleReport, send, testClock, testHost, type Created } from './fixture.js';

describe.each(testDatabaseTargets())('laksa units of work on %s', (database) => {
  let host: TestHost;
  let ctx: Ctx;
  const clock = testClock();
  let citizen: TestClient;
  let verifier: TestClient;
  let dpupr: TestClient;
  const emitted: { name: string; ticket: string; status?: string }[] = [];

  const inboxId = async (ticket: string) => (await verifier.json<Inbox>(`/api/laksa/inbox?all=true&q=${ticket}`)).body.items[0]!.id;
  const act = (client: TestClient, id: string, action: string, body: unknown = {}) => client.json<OfficerReport>(`/api/laksa/inbox/${id}/${action}`, { method: 'POST', body });
  const auditCount = async (ticket: string) =>
    Number((await host.server.database.db.selectFrom('core_audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('subject_id', '=', ticket).executeTakeFirstOrThrow()).n);
  const eventCount = async (id: string) => Number((await ctx.db.selectFrom('laksa_events').select((eb) => eb.fn.countAll<number>().as('n')).where('report_id', '=', id).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    host = await startTestHost({
      host: {
        ...testHost({ rateLimitPerHour: 1000 }),
        on: {
          'laksa.report.status-changed': (payload) => void emitted.push({ name: 'status-changed', ...(payload as { ticket: string; status: string }) }),
          'laksa.report.overdue': (payload) => void emitted.push({ name: 'overdue', ...(payload as { ticket: string }) }),
        },
      },
      serverModules: [laksaServer],
      database,
      clock,
    });
    // The host hands out the context untyped (it holds every module); this is LAKSA's own.
    ctx = host.server.moduleContext('laksa') as unknown as Ctx;
    citizen = host.client();
    verifier = host.client();
    await verifier.login('verifier@demo.kotakit.id', demoPassword);
    dpupr = host.client();
    await dpupr.login('dpupr@demo.kotakit.id', demoPassword);
  });
  afterAll(async () => host?.close());

  it('a refused transition leaves no event row, no audit entry and emits nothing', async () => {
    const created = await send(citizen);
    const id = await inboxId(created.ticket);
    await act(verifier, id, 'verify');
    const before = { audit: await auditCount(created.ticket), events: await eventCount(id), emitted: emitted.length };
    const conflict = await act(verifier, id, 'verify');
    expect(conflict.status).toBe(409);
    expect(await auditCount(created.ticket)).toBe(before.audit);
    expect(await eventCount(id)).toBe(before.events);
    expect(emitted.length).toBe(before.emitted);
  });

  it('a step that fails after its writes rolls them back, audit entry included, and emits nothing', async () => {
    const created = await send(citizen);
    const id = await inboxId(created.ticket);
    const before = { audit: await auditCount(created.ticket), events: await eventCount(id), emitted: emitted.length };
    const officer = { id: '00000000-0000-4000-8000-000000000001', name: 'Uji', email: 'uji@example.com', kind: 'officer' as const, agencyId: 'diskominfo', roles: [] };
    await expect(
      transition(ctx, { actor: officer }, { kind: 'verifier', user: officer }, id, {
        rule: 'verify',
        set: (_row, now) => ({ verified_at: now }),
        also: async () => {
          throw new Error('disk full');
        },
      }),
    ).rejects.toThrow('disk full');
    const row = await ctx.db.selectFrom('laksa_reports').select(['status', 'verified_at']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'submitted', verified_at: null });
    expect(await eventCount(id)).toBe(before.events);
    expect(await auditCount(created.ticket)).toBe(before.audit);
    expect(emitted.length).toBe(before.emitted);
  });

  it('merges a duplicate and grows the original\'s supporters in one unit; a refused merge changes neither', async () => {
    const original = await send(citizen, { title: 'Banjir di Jl. Sudirman' });
    const originalId = await inboxId(original.ticket);
    await act(verifier, originalId, 'verify');
    const copy = await send(citizen, { title: 'Genangan di Jl. Sudirman' });
    const copyId = await inboxId(copy.ticket);
    const merged = await act(verifier, copyId, 'duplicate', { of: original.ticket });
    expect(merged.status).toBe(200);
    const supporters = async () => (await ctx.db.selectFrom('laksa_reports').select('supporters').where('id', '=', originalId).executeTakeFirstOrThrow()).supporters;
    expect(await supporters()).toBe(1);
    // Merging it again conflicts: the counter does not move.
    expect((await act(verifier, copyId, 'duplicate', { of: original.ticket })).status).toBe(409);
    expect(await supporters()).toBe(1);
    // The system's note is a code, translated when shown.
    const timeline = (await verifier.json<OfficerReport>(`/api/laksa/inbox/${copyId}`)).body.timeline;
    expect(timeline.at(-1)).toMatchObject({ note: null, code: 'merged', params: { ticket: original.ticket } });
  });

  it('stores no finished sentences: system notes of jobs and assignments are codes with parameters', async () => {
    const created = await send(citizen);
    const id = await inboxId(created.ticket);
    await host.server.runJob('laksa', 'overdue');
    clock.advance(10 * 24 * 3_600_000);
    await host.server.runJob('laksa', 'overdue');
    const notes = await ctx.db.selectFrom('laksa_events').select(['note', 'note_code', 'note_params']).where('report_id', '=', id).where('actor_kind', '=', 'system').execute();
    expect(notes).toEqual([{ note: null, note_code: 'overdue.verification', note_params: { dueDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) } }]);
    expect(emitted.filter((event) => event.name === 'overdue' && event.ticket === created.ticket)).toHaveLength(1);
  });

  it('reports the photos rows refer to as live uploads, and not the files of refused work', async () => {
    const jpeg = await sharp({ create: { width: 32, height: 24, channels: 3, background: '#3a3' } }).jpeg().toBuffer();
    const form = new FormData();
    form.set('report', JSON.stringify(sampleReport()));
    form.append('photos', new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), 'foto.jpg');
    const created = await citizen.json<Created>('/api/laksa/reports', { method: 'POST', body: form });
    expect(created.status).toBe(201);
    const track = await citizen.json<TrackView>(`/api/laksa/track/${created.body.trackingToken}`);
    const photoId = track.body.report.photos[0]!.id;
    const { storage_key: live } = await ctx.db.selectFrom('laksa_photos').select('storage_key').where('id', '=', photoId).executeTakeFirstOrThrow();

    // A response with a photo on a report that is not in progress: refused after the file was written.
    const id = await inboxId(created.body.ticket);
    await act(verifier, id, 'verify');
    await act(verifier, id, 'forward', { agency: 'dpupr' });
    const refused = new FormData();
    refused.set('response', 'Sudah diperbaiki oleh tim lapangan.');
    refused.append('photos', new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), 'hasil.jpg');
    expect((await dpupr.json(`/api/laksa/inbox/${id}/respond`, { method: 'POST', body: refused })).status).toBe(409);
    const keys: string[] = [];
    for await (const entry of ctx.storage.list('laksa/')) keys.push(entry.key);
    const orphans = keys.filter((key) => key !== live && key.startsWith(`laksa/${id}/`));
    expect(orphans).toHaveLength(1);

    const liveUploads = laksaServer.liveUploads!;
    expect([...(await liveUploads(ctx, [live, ...orphans, 'laksa/unknown/none.jpg']))]).toEqual([live]);
    expect((await ctx.db.selectFrom('laksa_photos').select('id').where('report_id', '=', id).execute()).length).toBe(1);
  });
});
