import { demoPassword, sql } from '@kota-kit/core/server';
import { startTestHost, testDatabaseTargets, type TestClient, type TestHost } from '@kota-kit/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Inbox, OfficerReport, TrackView } from '../src/index.js';
import laksaServer from '../src/server/index.js';
import { send, testClock, testHost } from './fixture.js';

// Values unlikely to appear anywhere else, so a search of the database text is meaningful.
const contact = { name: 'Wulandari Pratiwiningsih', email: 'wulandari.pdp@example.com', phone: '081377700123', nik: '3671014405900007' };
const secrets = [contact.name, contact.email, contact.phone, contact.nik, 'Pratiwiningsih', '81377700123'];

describe.each(testDatabaseTargets())('laksa: the reporter deletes their contact (UU PDP) on %s', (database) => {
  let host: TestHost;
  let citizen: TestClient;
  let verifier: TestClient;
  const statusEvents: { ticket: string; status: string; reporter: unknown }[] = [];

  /** Every row of LAKSA's tables, and core's audit log, as text. */
  async function databaseText(): Promise<string> {
    const { db } = host.server.database;
    const texts: string[] = [];
    for (const table of ['laksa_reports', 'laksa_contacts', 'laksa_events', 'laksa_photos', 'laksa_supports', 'laksa_open311_keys', 'core_audit_log']) {
      const { rows } = await sql<{ text: string }>`select t::text as text from ${sql.table(table)} t`.execute(db);
      texts.push(...rows.map((row) => row.text));
    }
    return texts.join('\n');
  }

  const inboxId = async (ticket: string) => {
    const inbox = await verifier.json<Inbox>(`/api/laksa/inbox?all=true&q=${ticket}`);
    return inbox.body.items.find((entry) => entry.ticket === ticket)!.id;
  };

  beforeAll(async () => {
    host = await startTestHost({
      host: { ...testHost({ askNik: true }), on: { 'laksa.report.status-changed': (payload) => void statusEvents.push(payload as never) } },
      serverModules: [laksaServer],
      database,
      clock: testClock(),
    });
    citizen = host.client();
    verifier = host.client();
    await verifier.login('verifier@demo.kotakit.id', demoPassword);
  });
  afterAll(async () => host?.close());

  it('deletes the contact, keeps the report, tells no one the values, and is idempotent', async () => {
    const created = await send(citizen, { contact });
    const id = await inboxId(created.ticket);
    const track = `/api/laksa/track/${created.trackingToken}`;

    // Before: the contact is held, the reporter sees which kinds (not the values), officers see it masked.
    const before = await citizen.json<TrackView>(track);
    expect(before.body).toMatchObject({ contactFields: ['name', 'email', 'phone', 'nik'], contactDeleted: false, contactDeletedAt: null });
    expect(JSON.stringify(before.body)).not.toContain(contact.email);
    expect((await verifier.json<OfficerReport>(`/api/laksa/inbox/${id}`)).body.reporter).not.toBeNull();
    expect(statusEvents.find((event) => event.ticket === created.ticket)?.reporter).toMatchObject({ email: contact.email });
    expect(await databaseText()).toContain(contact.email); // the search below can see contact values

    const forgotten = await citizen.json<TrackView>(`${track}/forget-contact`, { method: 'POST' });
    expect(forgotten.status).toBe(200);
    expect(forgotten.headers.get('cache-control')).toBe('private, no-store');
    expect(forgotten.body).toMatchObject({ contactFields: [], contactDeleted: true, report: { ticket: created.ticket, status: 'submitted', title: before.body.report.title } });
    expect(forgotten.body.contactDeletedAt).toEqual(expect.any(String));
    // The reporter's timeline does not show the internal event.
    expect(forgotten.body.report.timeline.map((entry) => entry.kind)).toEqual(['status']);

    // Officers: no contact any more; their timeline says why, without values.
    const officer = await verifier.json<OfficerReport>(`/api/laksa/inbox/${id}`);
    expect(officer.body.reporter).toBeNull();
    expect(officer.body.description).toBe(before.body.report.description);
    const marker = officer.body.timeline.find((entry) => entry.kind === 'contact_deleted');
    expect(marker).toMatchObject({ internal: true, actor: 'citizen', actorName: null, note: null });

    // Notifications after it carry no reporter.
    const verified = await verifier.json<OfficerReport>(`/api/laksa/inbox/${id}/verify`, { method: 'POST', body: {} });
    expect(verified.body.status).toBe('verified');
    expect(statusEvents.filter((event) => event.ticket === created.ticket).at(-1)).toMatchObject({ status: 'verified', reporter: null });

    // The audit entry says what kind of data went, never the values.
    const { db } = host.server.database;
    const audit = await db.selectFrom('core_audit_log' as never).selectAll().where('subject_id' as never, '=', created.ticket as never).execute();
    const deletion = (audit as { action: string; before: unknown; after: unknown; actor_id: string | null }[]).filter((entry) => entry.action.endsWith('report.contact.delete'));
    expect(deletion).toHaveLength(1);
    expect(deletion[0]!.actor_id).toBeNull();
    const auditText = JSON.stringify(deletion[0]);
    expect(auditText).toContain('contactFields');
    for (const value of secrets) expect(auditText).not.toContain(value);

    // Nowhere in the database any more.
    const text = await databaseText();
    for (const value of secrets) expect(text).not.toContain(value);

    // A second call is fine and records nothing new.
    const again = await citizen.json<TrackView>(`${track}/forget-contact`, { method: 'POST' });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ contactDeleted: true, contactDeletedAt: forgotten.body.contactDeletedAt, contactFields: [] });
    const after = await verifier.json<OfficerReport>(`/api/laksa/inbox/${id}`);
    expect(after.body.timeline.filter((entry) => entry.kind === 'contact_deleted')).toHaveLength(1);
    const auditAgain = await db.selectFrom('core_audit_log' as never).selectAll().where('subject_id' as never, '=', created.ticket as never).execute();
    expect((auditAgain as { action: string }[]).filter((entry) => entry.action.endsWith('report.contact.delete'))).toHaveLength(1);
  });

  it('answers 404 for an unknown tracking link', async () => {
    const missing = await citizen.json<{ status: number }>('/api/laksa/track/not-a-real-token-at-all/forget-contact', { method: 'POST' });
    expect(missing.status).toBe(404);
  });

  it('works for a report sent without contact: nothing held, flag set', async () => {
    const created = await send(citizen, { contact: undefined });
    const track = `/api/laksa/track/${created.trackingToken}`;
    expect((await citizen.json<TrackView>(track)).body).toMatchObject({ contactFields: [], contactDeleted: false });
    const forgotten = await citizen.json<TrackView>(`${track}/forget-contact`, { method: 'POST' });
    expect(forgotten.status).toBe(200);
    expect(forgotten.body).toMatchObject({ contactFields: [], contactDeleted: true });
  });

  it("forgets a deleted account's contact on every report it sent, and its me-too marks; the reports and counts stay", async () => {
    const email = `rina.${database}@example.id`;
    expect((await host.client().json('/api/auth/register', { method: 'POST', body: { name: 'Rina Akun', email, password: 'sandi-rina-123' } })).status).toBe(202);
    const rina = host.client();
    await rina.login(email, 'sandi-rina-123');
    const sent = await send(rina, { contact, title: 'Trotoar rusak di depan sekolah' });
    const other = await send(citizen, { title: 'Pohon tumbang di jalan Irigasi', contact: undefined });
    const otherId = await inboxId(other.ticket);
    expect((await verifier.json(`/api/laksa/inbox/${otherId}/verify`, { method: 'POST', body: {} })).status).toBe(200);
    expect((await rina.json<{ supporters: number }>(`/api/laksa/reports/${other.ticket}/support`, { method: 'POST' })).body.supporters).toBe(1);

    // "Unduh data saya": the report with the contact given on it, and the report supported.
    const data = await rina.json<{ modules: { laksa: { reports: { ticket: string; contact: unknown }[]; supported: { ticket: string }[] } } }>('/api/auth/account/data');
    expect(data.status).toBe(200);
    expect(data.body.modules.laksa.reports).toEqual([expect.objectContaining({ ticket: sent.ticket, title: 'Trotoar rusak di depan sekolah', contact })]);
    expect(data.body.modules.laksa.supported.map((entry) => entry.ticket)).toEqual([other.ticket]);
    expect(JSON.stringify(await citizen.json('/api/auth/account/data'))).not.toContain(contact.email);

    expect((await rina.json('/api/auth/account', { method: 'DELETE', body: { password: 'sandi-rina-123' } })).status).toBe(204);

    // The report is still the city's to handle, without its reporter; the reporter's own link still works.
    const officer = await verifier.json<OfficerReport>(`/api/laksa/inbox/${await inboxId(sent.ticket)}`);
    expect(officer.body).toMatchObject({ ticket: sent.ticket, title: 'Trotoar rusak di depan sekolah', reporter: null });
    expect(officer.body.timeline.filter((entry) => entry.kind === 'contact_deleted')).toHaveLength(1);
    expect((await citizen.json<TrackView>(`/api/laksa/track/${sent.trackingToken}`)).body).toMatchObject({ contactDeleted: true, contactFields: [] });
    const { db } = host.server.database;
    const linked = await sql<{ count: number }>`select count(*)::int as count from laksa_reports where reporter_user_id is not null and ticket = ${sent.ticket}`.execute(db);
    expect(linked.rows[0]!.count).toBe(0);
    const supports = await sql<{ count: number }>`select count(*)::int as count from laksa_supports s join laksa_reports r on r.id = s.report_id where r.ticket = ${other.ticket}`.execute(db);
    expect(supports.rows[0]!.count).toBe(0);
    expect((await verifier.json<OfficerReport>(`/api/laksa/inbox/${otherId}`)).body.supporters).toBe(1);
    const text = await databaseText();
    for (const value of secrets) expect(text).not.toContain(value);
  });

  it('is documented in the OpenAPI document', async () => {
    const { body } = await citizen.json<{ paths: Record<string, { post?: { summary?: string } }> }>('/api/openapi.json');
    expect(body.paths['/api/laksa/track/{token}/forget-contact']?.post?.summary).toMatch(/contact/);
  });
});
