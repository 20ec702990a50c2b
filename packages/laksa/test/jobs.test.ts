import { demoPassword } from '@kota-kit/core/server';
import { startTestHost, testDatabaseTargets, type TestClient, type TestClock, type TestHost } from '@kota-kit/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Inbox, OfficerReport, TrackView } from '../src/index.js';
import laksaServer from '../src/server/index.js';
import { sampleReport, send, testClock, testHost } from './fixture.js';

describe.each(testDatabaseTargets())('laksa deadlines and jobs on %s', (database) => {
  let host: TestHost;
  let clock: TestClock;
  let citizen: TestClient;
  let verifier: TestClient;
  let dpupr: TestClient;
  const overdue: { ticket: string; deadline: string; dueDate: string; agency: string }[] = [];
  const statusEvents: { ticket: string; status: string }[] = [];

  const inboxId = async (ticket: string) => (await verifier.json<Inbox>(`/api/laksa/inbox?all=true&q=${ticket}`)).body.items[0]!.id;
  const act = (client: TestClient, id: string, action: string, body: unknown = {}) => client.json<OfficerReport>(`/api/laksa/inbox/${id}/${action}`, { method: 'POST', body });
  /** Sets the clock to a time of day in Jakarta (UTC+7). */
  const at = (date: string, time = '10:00') => clock.set(new Date(`${date}T${time}:00+07:00`));

  beforeAll(async () => {
    clock = testClock();
    host = await startTestHost({
      host: {
        ...testHost({ rateLimitPerHour: 6 }),
        on: { 'laksa.report.overdue': (payload) => void overdue.push(payload as never), 'laksa.report.status-changed': (payload) => void statusEvents.push(payload as never) },
      },
      serverModules: [laksaServer],
      database,
      clock,
    });
    citizen = host.client();
    verifier = host.client();
    await verifier.login('verifier@demo.kotakit.id', demoPassword);
    dpupr = host.client();
    await dpupr.login('dpupr@demo.kotakit.id', demoPassword);
  });
  afterAll(async () => host?.close());

  it('counts deadlines in working days across a weekend and a holiday, flags overdue once, and auto-closes', async () => {
    at('2026-11-16'); // Monday
    const created = await send(citizen);
    const id = await inboxId(created.ticket);
    const fresh = await verifier.json<OfficerReport>(`/api/laksa/inbox/${id}`);
    // 3 working days after Monday: Thursday 19th.
    expect(fresh.body).toMatchObject({ deadline: 'verification', dueDate: '2026-11-19', overdue: false });

    at('2026-11-19', '23:59');
    await host.server.runJob('laksa', 'overdue');
    expect(overdue.filter((event) => event.ticket === created.ticket)).toEqual([]);

    at('2026-11-20', '08:00'); // Friday, a holiday: the verification deadline has passed
    await host.server.runJob('laksa', 'overdue');
    await host.server.runJob('laksa', 'overdue');
    expect(overdue.filter((event) => event.ticket === created.ticket)).toEqual([{ ticket: created.ticket, status: 'submitted', deadline: 'verification', dueDate: '2026-11-19', agency: 'diskominfo' }]);
    const flagged = await verifier.json<OfficerReport>(`/api/laksa/inbox/${id}`);
    expect(flagged.body.overdue).toBe(true);
    expect(flagged.body.timeline.some((entry) => entry.internal && entry.actor === 'system')).toBe(true);
    const inbox = await verifier.json<Inbox>('/api/laksa/inbox?overdue=true&pageSize=100');
    expect(inbox.body.items.some((item) => item.ticket === created.ticket)).toBe(true);

    await act(verifier, id, 'verify');
    const forwarded = await act(verifier, id, 'forward', { agency: 'dpupr' });
    // Forwarded on the holiday: counting starts Monday 23rd, 5 working days → Monday 30th.
    expect(forwarded.body).toMatchObject({ deadline: 'agency', dueDate: '2026-11-30', overdue: false });

    at('2026-11-30', '23:00');
    await host.server.runJob('laksa', 'overdue');
    expect(overdue.filter((event) => event.ticket === created.ticket)).toHaveLength(1);
    at('2026-12-01', '07:00');
    await host.server.runJob('laksa', 'overdue');
    await host.server.runJob('laksa', 'overdue');
    expect(overdue.filter((event) => event.ticket === created.ticket).map((event) => [event.deadline, event.agency])).toEqual([
      ['verification', 'diskominfo'],
      ['agency', 'dpupr'],
    ]);

    await act(dpupr, id, 'start');
    await act(dpupr, id, 'respond', { response: 'Jalan sudah diperbaiki dengan aspal baru.' });
    const resolved = await citizen.json<TrackView>(`/api/laksa/track/${created.trackingToken}`);
    // 10 working days after Tuesday 1 December: Tuesday 15th.
    expect(resolved.body).toMatchObject({ canReopen: true, reopenUntil: '2026-12-15', autoCloseOn: '2026-12-15' });

    at('2026-12-15', '22:00');
    await host.server.runJob('laksa', 'auto-close');
    expect((await citizen.json<TrackView>(`/api/laksa/track/${created.trackingToken}`)).body.report.status).toBe('resolved');

    at('2026-12-16', '08:00');
    const late = await citizen.json<{ detail: string }>(`/api/laksa/track/${created.trackingToken}/reopen`, { method: 'POST', body: { reason: 'Jalannya rusak lagi di tempat yang sama.' } });
    expect(late.status).toBe(409);
    expect(late.body.detail).toContain('2026-12-15');
    await host.server.runJob('laksa', 'auto-close');
    const closed = await citizen.json<TrackView>(`/api/laksa/track/${created.trackingToken}`);
    expect(closed.body.report.status).toBe('closed');
    expect(closed.body.report.timeline.at(-1)).toMatchObject({ status: 'closed', actor: 'system' });
    expect(closed.body.canRate).toBe(true);
    expect(statusEvents.filter((event) => event.ticket === created.ticket).at(-1)?.status).toBe('closed');
  });

  it('lets the reporter reopen within the period; the agency deadline starts again', async () => {
    at('2026-12-21'); // Monday
    // Sessions last 30 days of (test) clock time: sign in again.
    await verifier.login('verifier@demo.kotakit.id', demoPassword);
    await dpupr.login('dpupr@demo.kotakit.id', demoPassword);
    const created = await send(citizen);
    const id = await inboxId(created.ticket);
    await act(verifier, id, 'verify');
    await act(verifier, id, 'forward', { agency: 'dpupr' });
    await act(dpupr, id, 'start');
    await act(dpupr, id, 'respond', { response: 'Sudah diperbaiki oleh tim UPT jalan.' });
    at('2027-01-04'); // two weekends later, 10 working days
    const reopened = await citizen.json<TrackView>(`/api/laksa/track/${created.trackingToken}/reopen`, { method: 'POST', body: { reason: 'Masih ada lubang di sisi kanan jalan.' } });
    expect(reopened.status).toBe(200);
    expect(reopened.body.report.status).toBe('reopened');
    expect(reopened.body.report.dueDate).toBe('2027-01-11');
    const officer = await dpupr.json<OfficerReport>(`/api/laksa/inbox/${id}`);
    expect(officer.body.allowedActions).toContain('start');
  });

  it('rate-limits sending per client address', async () => {
    const statuses: number[] = [];
    for (let index = 0; index < 8; index++) statuses.push((await citizen.json('/api/laksa/reports', { method: 'POST', body: sampleReport() })).status);
    // rateLimitPerHour is 6 in this host.
    expect(statuses).toEqual([201, 201, 201, 201, 201, 201, 429, 429]);
    const limited = await citizen.fetch('/api/laksa/reports', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(sampleReport()) });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toContain('application/problem+json');
  });
});
