// Issue 13, officers: the main action follows role and status (from the server's transition table), inbox tabs
// with counts, verify and forward in one step, progress updates that keep a report open.
import { demoPassword } from '@kota-kit/core/server';
import { startTestHost, testDatabaseTargets, type TestClient, type TestHost } from '@kota-kit/core/testing';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Inbox, InboxTabs, OfficerReport, PublicReportDetail, TrackView } from '../src/index.js';
import laksaServer from '../src/server/index.js';
import { send, testClock, testHost } from './fixture.js';

interface Problem {
  detail?: string;
  errors?: { field: string; message: string }[];
}

describe.each(testDatabaseTargets())('laksa officer flows on %s', (database) => {
  let host: TestHost;
  let clock: ReturnType<typeof testClock>;
  let citizen: TestClient;
  let verifier: TestClient;
  let dpupr: TestClient;
  let dlh: TestClient;
  let admin: TestClient;
  const statusEvents: { ticket: string; status: string }[] = [];
  const progressEvents: { ticket: string; status: string; note: string; photos: number; agency: string; reporter: unknown }[] = [];

  const inboxId = async (ticket: string) => {
    const inbox = await verifier.json<Inbox>(`/api/laksa/inbox?all=true&q=${ticket}`);
    const item = inbox.body.items.find((entry) => entry.ticket === ticket);
    if (!item) throw new Error(`${ticket} not in the verifier's inbox`);
    return item.id;
  };
  const act = (client: TestClient, id: string, action: string, body: unknown = {}) => client.json<OfficerReport & Problem>(`/api/laksa/inbox/${id}/${action}`, { method: 'POST', body });
  const view = (client: TestClient, id: string) => client.json<OfficerReport>(`/api/laksa/inbox/${id}`);
  const primaryOf = (report: OfficerReport) => report.actions.find((entry) => entry.primary)?.action ?? null;
  const auditActions = async (ticket: string) =>
    (await admin.json<{ entries: { action: string }[] }>(`/api/admin/audit?module=laksa&subjectId=${ticket}&limit=100`)).body.entries.map((entry) => entry.action).reverse();

  beforeAll(async () => {
    clock = testClock();
    host = await startTestHost({
      host: {
        ...testHost({ rateLimitPerHour: 1000 }),
        on: {
          'laksa.report.status-changed': (payload) => void statusEvents.push(payload as never),
          'laksa.report.progress': (payload) => void progressEvents.push(payload as never),
        },
      },
      serverModules: [laksaServer],
      database,
      clock,
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
  });
  afterAll(async () => host?.close());

  it('gives each officer only the actions their role may take, the next step first and primary', async () => {
    const created = await send(citizen);
    const id = await inboxId(created.ticket);

    const fresh = (await view(verifier, id)).body;
    expect(fresh.actions[0]).toEqual({ action: 'verifyAndForward', primary: true });
    expect(fresh.actions.filter((entry) => entry.primary)).toHaveLength(1);
    expect(fresh.actions.map((entry) => entry.action)).toEqual(expect.arrayContaining(['verify', 'reject', 'duplicate', 'note']));
    expect(fresh.actions.map((entry) => entry.action)).not.toEqual(expect.arrayContaining(['start']));
    expect(fresh.actions.map((entry) => entry.action)).not.toContain('respond');
    expect(fresh.actions.map((entry) => entry.action)).not.toContain('progress');
    // allowedActions stays: the same set.
    expect([...fresh.allowedActions].sort()).toEqual(fresh.actions.map((entry) => entry.action).sort());

    // Verified but not forwarded: forwarding is the verifier's next step.
    await act(verifier, id, 'verify');
    const verified = (await view(verifier, id)).body;
    expect(primaryOf(verified)).toBe('forward');
    expect(verified.actions.map((entry) => entry.action)).not.toContain('verifyAndForward');

    // After forwarding, the verifier's next step is none: re-routing stays possible, as a secondary action.
    await act(verifier, id, 'forward', { agency: 'dpupr' });
    const forwardedForVerifier = (await view(verifier, id)).body;
    expect(primaryOf(forwardedForVerifier)).toBeNull();
    expect(forwardedForVerifier.actions).toContainEqual({ action: 'forward', primary: false });
    expect(forwardedForVerifier.actions.map((entry) => entry.action)).not.toContain('start');

    // The agency's handler: start, then respond (or post progress); never the central room's actions.
    const forwardedForHandler = (await view(dpupr, id)).body;
    expect(forwardedForHandler.actions[0]).toEqual({ action: 'start', primary: true });
    expect(forwardedForHandler.actions).toContainEqual({ action: 'forward', primary: false });
    for (const action of ['verify', 'verifyAndForward', 'reject', 'duplicate', 'respond']) expect(forwardedForHandler.actions.map((entry) => entry.action)).not.toContain(action);
    const started = (await act(dpupr, id, 'start')).body;
    expect(started.actions[0]).toEqual({ action: 'respond', primary: true });
    expect(started.actions.map((entry) => entry.action)).toEqual(expect.arrayContaining(['progress', 'assign', 'note', 'forward']));
    expect(started.actions.map((entry) => entry.action)).not.toContain('start');

    // Finished: nothing but notes.
    const resolved = (await act(dpupr, id, 'respond', { response: 'Lubang sudah ditambal dengan aspal.' })).body;
    expect(primaryOf(resolved)).toBeNull();
    expect(resolved.actions.map((entry) => entry.action)).toEqual(['note']);
  });

  it('verifies and forwards in one call: one unit of work, both steps audited, both events after commit', async () => {
    const created = await send(citizen, { category: 'sampah', title: 'Sampah menumpuk di Jl. Gatot Subroto' });
    const id = await inboxId(created.ticket);
    const eventsBefore = statusEvents.length;

    // Refusals write nothing.
    expect((await act(dpupr, id, 'verify-and-forward', { agency: 'dlh' })).status).toBe(403);
    const unknown = await act(verifier, id, 'verify-and-forward', { agency: 'nowhere' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors?.[0]?.field).toBe('body.agency');
    expect((await act(verifier, id, 'verify-and-forward', {})).status).toBe(400);
    expect((await view(verifier, id)).body.status).toBe('submitted');
    expect(statusEvents.length).toBe(eventsBefore);

    const done = await act(verifier, id, 'verify-and-forward', { agency: 'dlh', note: 'Diteruskan ke DLH.' });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'forwarded', agency: { id: 'dlh', shortName: 'DLH' }, deadline: 'agency', agencyDueDate: '2026-11-19' });
    expect(done.body.timeline.slice(-2).map((entry) => [entry.kind, entry.fromStatus, entry.status, entry.note])).toEqual([
      ['status', 'submitted', 'verified', null],
      ['status', 'verified', 'forwarded', 'Diteruskan ke DLH.'],
    ]);
    expect(statusEvents.slice(eventsBefore).filter((event) => event.ticket === created.ticket).map((event) => event.status)).toEqual(['verified', 'forwarded']);
    expect((await auditActions(created.ticket)).filter((action) => action !== 'report.contact.view')).toEqual(['report.verify', 'report.forward']);
    // The public sees both steps.
    const publicView = await citizen.json<PublicReportDetail>(`/api/laksa/reports/${created.ticket}`);
    expect(publicView.body.timeline.map((entry) => entry.status)).toEqual(['submitted', 'verified', 'forwarded']);
    // Not twice.
    const again = await act(verifier, id, 'verify-and-forward', { agency: 'dlh' });
    expect(again.status).toBe(409);
    expect((await view(dlh, id)).body.actions[0]).toEqual({ action: 'start', primary: true });
  });

  it('lets the handler post progress the reporter sees, without closing the report', async () => {
    const created = await send(citizen);
    const id = await inboxId(created.ticket);
    await act(verifier, id, 'verify-and-forward', { agency: 'dpupr' });
    // Not before the agency has started.
    expect((await act(dpupr, id, 'progress', { note: 'Tim sudah mengukur lubang.' })).status).toBe(409);
    await act(dpupr, id, 'start');
    expect((await act(verifier, id, 'progress', { note: 'Tim sudah mengukur lubang.' })).status).toBe(403);
    expect((await act(dlh, id, 'progress', { note: 'Tim sudah mengukur lubang.' })).status).toBe(403);
    const short = await act(dpupr, id, 'progress', { note: 'ok' });
    expect(short.status).toBe(400);
    expect(short.body.errors?.[0]?.field).toMatch(/note/);

    const progressed = await act(dpupr, id, 'progress', { note: 'Tim sudah mengukur lubang; penambalan dijadwalkan Kamis.' });
    expect(progressed.status).toBe(200);
    expect(progressed.body).toMatchObject({ status: 'in_progress', stage: 'yellow' });
    expect(progressed.body.timeline.at(-1)).toMatchObject({ kind: 'progress', internal: false, status: 'in_progress', fromStatus: 'in_progress', actor: 'agency' });
    expect(progressed.body.actions[0]).toEqual({ action: 'respond', primary: true });

    // With a photo (multipart), as a phone sends it.
    const photo = await sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 80, g: 80, b: 80 } } }).jpeg().toBuffer();
    const form = new FormData();
    form.set('note', 'Penambalan sedang berjalan, separuh lubang selesai.');
    form.append('photos', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'kerja.jpg');
    const withPhoto = await dpupr.fetch(`/api/laksa/inbox/${id}/progress`, { method: 'POST', body: form });
    expect(withPhoto.status).toBe(200);

    // The reporter sees both updates on the tracking page; the report is still open.
    const tracked = await citizen.json<TrackView>(`/api/laksa/track/${created.trackingToken}`);
    expect(tracked.body.report.status).toBe('in_progress');
    const updates = tracked.body.report.timeline.filter((entry) => entry.kind === 'progress');
    expect(updates.map((entry) => entry.note)).toEqual(['Tim sudah mengukur lubang; penambalan dijadwalkan Kamis.', 'Penambalan sedang berjalan, separuh lubang selesai.']);
    expect(updates[0]!.agency).toEqual({ id: 'dpupr', shortName: 'DPUPR' });
    expect(updates[1]!.photos).toHaveLength(1);
    expect(tracked.body.canRate).toBe(false);

    // Audited, and `laksa.report.progress` (not a status change) for the region's hooks.
    expect((await auditActions(created.ticket)).filter((action) => action === 'report.progress')).toHaveLength(2);
    const mine = progressEvents.filter((event) => event.ticket === created.ticket);
    expect(mine).toHaveLength(2);
    expect(mine[0]).toMatchObject({ status: 'in_progress', note: 'Tim sudah mengukur lubang; penambalan dijadwalkan Kamis.', photos: 0, agency: 'dpupr', reporter: { email: 'budi.santoso@example.com' } });
    expect(mine[1]).toMatchObject({ photos: 1 });
    expect(statusEvents.filter((event) => event.ticket === created.ticket).map((event) => event.status)).toEqual(['submitted', 'verified', 'forwarded', 'in_progress']);

    // The official response still closes it.
    expect((await act(dpupr, id, 'respond', { response: 'Lubang sudah ditambal seluruhnya.' })).body.status).toBe('resolved');
  });

  it("counts each officer's tabs by what they must do, and lists each tab", async () => {
    const verifierTabs = (await verifier.json<InboxTabs>('/api/laksa/inbox/tabs')).body;
    expect(verifierTabs.tabs.map((entry) => entry.tab)).toEqual(['verify', 'agency', 'overdue', 'done']);
    const dpuprTabs = (await dpupr.json<InboxTabs>('/api/laksa/inbox/tabs')).body;
    expect(dpuprTabs.tabs.map((entry) => entry.tab)).toEqual(['handle', 'overdue', 'done']);
    expect((await admin.json<InboxTabs>('/api/laksa/inbox/tabs')).body.tabs.map((entry) => entry.tab)).toEqual(['verify', 'handle', 'overdue', 'done']);
    expect((await citizen.json('/api/laksa/inbox/tabs')).status).toBe(401);

    for (const [client, tabs] of [
      [verifier, verifierTabs],
      [dpupr, dpuprTabs],
    ] as const) {
      for (const { tab, count } of tabs.tabs) {
        const list = (await client.json<Inbox>(`/api/laksa/inbox?tab=${tab}&pageSize=100`)).body;
        if (count !== null) expect(list.total, tab).toBe(count);
        if (tab === 'verify') expect(list.items.every((item) => ['submitted', 'verified'].includes(item.status))).toBe(true);
        if (tab === 'handle') expect(list.items.every((item) => item.agency?.id === 'dpupr' && ['forwarded', 'in_progress', 'reopened'].includes(item.status))).toBe(true);
        if (tab === 'agency') expect(list.items.every((item) => ['forwarded', 'in_progress', 'reopened'].includes(item.status))).toBe(true);
        if (tab === 'overdue') expect(list.items.every((item) => item.overdue)).toBe(true);
        if (tab === 'done') expect(list.items.every((item) => ['resolved', 'closed', 'rejected', 'duplicate'].includes(item.status))).toBe(true);
      }
    }
    expect(verifierTabs.todo).toBe(verifierTabs.tabs.find((entry) => entry.tab === 'verify')!.count);
    expect(dpuprTabs.todo).toBe(dpuprTabs.tabs.find((entry) => entry.tab === 'handle')!.count);

    // A new report adds one to the verifier's to-do; verifying and forwarding moves it to DPUPR's.
    const created = await send(citizen);
    const next = (await verifier.json<InboxTabs>('/api/laksa/inbox/tabs')).body;
    expect(next.todo).toBe(verifierTabs.todo + 1);
    await act(verifier, await inboxId(created.ticket), 'verify-and-forward', { agency: 'dpupr' });
    expect((await verifier.json<InboxTabs>('/api/laksa/inbox/tabs')).body.todo).toBe(verifierTabs.todo);
    expect((await dpupr.json<InboxTabs>('/api/laksa/inbox/tabs')).body.todo).toBe(dpuprTabs.todo + 1);
    expect((await verifier.json<Problem>('/api/laksa/inbox?tab=nope')).status).toBe(400);
  });

  it('flags a verified report as late for forwarding, not for verification', async () => {
    const created = await send(citizen);
    const id = await inboxId(created.ticket);
    await act(verifier, id, 'verify');
    const verified = (await view(verifier, id)).body;
    expect(verified).toMatchObject({ status: 'verified', deadline: 'forwarding', dueDate: '2026-11-19', overdue: false });
    clock.set(new Date('2026-11-23T01:00:00Z')); // Monday after: the central room's deadline (Thursday 19th) has passed
    await host.server.runJob('laksa', 'overdue');
    const late = (await view(verifier, id)).body;
    expect(late).toMatchObject({ deadline: 'forwarding', overdue: true });
    const notes = late.timeline.filter((entry) => entry.actor === 'system' && entry.internal);
    expect(notes.map((entry) => entry.code)).toEqual(['overdue.forwarding']);
    const row = (await verifier.json<Inbox>(`/api/laksa/inbox?tab=overdue&q=${created.ticket}`)).body.items[0];
    expect(row).toMatchObject({ deadline: 'forwarding', overdue: true });
  });
});
