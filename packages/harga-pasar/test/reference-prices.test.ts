import { demoPassword } from '@kota-kit/core/server';
import { startTestHost, testDatabaseTargets, type TestClient, type TestHost } from '@kota-kit/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Board, BoardItem, ReferencePriceEntry, ReferencePriceStatus } from '../src/index.js';
import hargaPasarServer from '../src/server/index.js';
import { publishBody, testClock, testHost } from './fixture.js';

interface Problem {
  status: number;
  detail?: string;
  errors?: { field: string; message: string; code?: string }[];
}
type Entry = ReferencePriceEntry & { status: ReferencePriceStatus };
type Added = Problem & { referencePrice: Entry; newAlerts: { commodity: string; reasons: string[] }[] };
interface Alerts {
  date: string;
  alerts: { commodity: string; reasons: string[]; reference: { price: number } | null }[];
}

const newHet = { commodity: 'beras-medium', kind: 'HET', zone: '1', price: 12_000, effectiveFrom: '2025-03-11', legalBasis: 'Peraturan Badan Pangan Nasional No. 1 Tahun 2025' };

// The agency adds reference prices (a new regulation) without a developer; the board and alerts follow them.
describe.each(testDatabaseTargets())('harga-pasar reference prices and settings on %s', (database) => {
  let host: TestHost;
  const clock = testClock();
  let enumerator: TestClient;
  let supervisor: TestClient;
  let admin: TestClient;
  let otherSupervisor: TestClient;
  const events: { commodity: string; date: string; reasons: string[] }[] = [];
  let added: Entry;

  const enterAndPublish = async (date: string, a: Record<string, number>, b: Record<string, number>) => {
    for (const [market, prices] of [['pasar-a', a], ['pasar-b', b]] as const) {
      // The admin enters both markets (the demo enumerator is limited to pasar-a here).
      const saved = await admin.json('/api/harga-pasar/entry', {
        method: 'PUT',
        body: { market, date, prices: Object.entries(prices).map(([commodity, price]) => ({ commodity, price })), confirmLargeChanges: true },
      });
      expect(saved.status).toBe(200);
    }
    const results = [];
    for (const market of ['pasar-a', 'pasar-b']) {
      const published = await supervisor.json<{ newAlerts: { commodity: string; reasons: string[] }[] }>('/api/harga-pasar/publish', { method: 'POST', body: await publishBody(supervisor, market, date) });
      expect(published.status).toBe(200);
      results.push(...published.body.newAlerts);
    }
    return results;
  };
  const board = async (date?: string) => (await host.client().json<Board>(`/api/harga-pasar/board${date ? `?date=${date}` : ''}`)).body;
  const item = (value: Board, commodity: string) => value.items.find((entry) => entry.commodity === commodity) as BoardItem;
  const add = (client: TestClient, body: unknown) => client.json<Added>('/api/harga-pasar/reference-prices', { method: 'POST', body });
  const retire = (client: TestClient, id: string) => client.json<Added>(`/api/harga-pasar/reference-prices/${id}`, { method: 'DELETE' });
  const list = async () => (await host.client().json<{ priceZone: string; date: string; referencePrices: Entry[] }>('/api/harga-pasar/reference-prices')).body;

  beforeAll(async () => {
    host = await startTestHost({
      host: {
        ...testHost({ enumeratorMarkets: { 'enumerator@demo.kotakit.id': ['pasar-a'], 'Nobody@Example.id': ['pasar-b'] } }),
        on: { 'harga-pasar.price.alert': (payload) => void events.push(payload as never) },
      },
      serverModules: [hargaPasarServer],
      database,
      clock,
    });
    enumerator = host.client();
    await enumerator.login('enumerator@demo.kotakit.id', demoPassword);
    supervisor = host.client();
    await supervisor.login('supervisor@demo.kotakit.id', demoPassword);
    admin = host.client();
    await admin.login('admin@demo.kotakit.id', demoPassword);

    // A supervisor of another agency (DLH).
    const email = `supervisor.${database}@dlh.example.id`;
    const created = await admin.json<{ user: { id: string } }>('/api/admin/users', {
      method: 'POST',
      body: { name: 'Supervisor DLH', email, password: 'kata-sandi-panjang', kind: 'officer', agencyId: 'dlh' },
    });
    expect(created.status).toBe(201);
    const granted = await admin.json(`/api/admin/users/${created.body.user.id}/roles`, {
      method: 'PUT',
      body: { roles: [{ module: 'harga-pasar', role: 'supervisor', agencyId: 'dlh' }] },
    });
    expect(granted.status).toBe(200);
    otherSupervisor = host.client();
    await otherSupervisor.login(email, 'kata-sandi-panjang');

    // Beras at 12,400 on average: below today's HET of 12,500.
    await enterAndPublish('2025-03-03', { 'beras-medium': 12_300, 'telur-ayam-ras': 28_000 }, { 'beras-medium': 12_500, 'telur-ayam-ras': 28_000 });
    await enterAndPublish('2025-03-10', { 'beras-medium': 12_300, 'telur-ayam-ras': 28_000 }, { 'beras-medium': 12_500, 'telur-ayam-ras': 28_000 });
  });
  afterAll(async () => host?.close());

  it('lists the configured reference prices publicly, with their source and status today', async () => {
    const anonymous = await host.client().json<{ priceZone: string; date: string; referencePrices: Entry[] }>('/api/harga-pasar/reference-prices');
    expect(anonymous.status).toBe(200);
    expect(anonymous.body.priceZone).toBe('1');
    expect(anonymous.body.date).toBe('2025-03-10');
    expect(anonymous.body.referencePrices.map((entry) => [entry.id, entry.source, entry.commodity, entry.price, entry.status])).toEqual([
      ['config-1', 'config', 'beras-medium', 12_500, 'in-force'],
      ['config-2', 'config', 'beras-medium', 13_100, 'in-force'],
      ['config-0', 'config', 'beras-medium', 10_900, 'superseded'],
      ['config-3', 'config', 'cabai-rawit-merah', 57_000, 'in-force'],
    ]);
  });

  it('lets only supervisors of the agency and admins add or retire reference prices', async () => {
    expect((await add(host.client(), newHet)).status).toBe(401);
    const citizen = host.client();
    await citizen.login('warga@demo.kotakit.id', demoPassword);
    expect((await add(citizen, newHet)).status).toBe(403);
    expect((await add(enumerator, newHet)).status).toBe(403);
    const other = await add(otherSupervisor, newHet);
    expect(other.status).toBe(403);
    expect(other.body.detail).toContain('harga-pasar:supervisor');
    expect((await retire(host.client(), '1')).status).toBe(401);
    expect((await retire(enumerator, '1')).status).toBe(403);
    expect((await retire(otherSupervisor, '1')).status).toBe(403);
    expect((await list()).referencePrices.some((entry) => entry.source === 'admin')).toBe(false);
  });

  it('validates a new reference price and names the field', async () => {
    const bad = await add(supervisor, { ...newHet, price: -5, effectiveFrom: '2025-02-30', legalBasis: 'Per' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors!.map((error) => error.field).sort()).toEqual(['body.effectiveFrom', 'body.legalBasis', 'body.price']);
    const fraction = await add(supervisor, { ...newHet, price: 12_000.5 });
    expect(fraction.body.errors!.map((error) => error.field)).toEqual(['body.price']);
    const missing = await add(supervisor, { commodity: 'beras-medium', kind: 'HET', price: 12_000, effectiveFrom: '2025-03-11' });
    expect(missing.body.errors!.map((error) => error.field)).toEqual(['body.legalBasis']);
    const kind = await add(supervisor, { ...newHet, kind: 'HPP' });
    expect(kind.body.errors!.map((error) => error.field)).toEqual(['body.kind']);
    const unknown = await add(supervisor, { ...newHet, commodity: 'durian' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'body.commodity' })]);
  });

  it('adds a new HET effective tomorrow: today keeps the old one, tomorrow uses the new one', async () => {
    const created = await add(supervisor, newHet);
    expect(created.status).toBe(201);
    added = created.body.referencePrice;
    expect(added).toMatchObject({ source: 'admin', commodity: 'beras-medium', kind: 'HET', zone: '1', price: 12_000, effectiveFrom: '2025-03-11', createdBy: 'Supervisor Demo', retiredAt: null, status: 'scheduled' });
    expect(created.body.newAlerts).toEqual([]);
    // A second active entry of the same commodity, kind, zone and date is refused.
    const twice = await add(admin, { ...newHet, price: 11_900 });
    expect(twice.status).toBe(409);
    expect(twice.body.errors?.[0]?.field).toBe('body.effectiveFrom');

    // Today: the configured 12,500 holds, 12,400 is below it, no alert.
    const today = item(await board(), 'beras-medium');
    expect(today.date).toBe('2025-03-10');
    expect(today.reference).toEqual({ kind: 'HET', zone: '1', price: 12_500, effectiveFrom: '2024-06-01', legalBasis: 'Perbadan 5/2024' });
    expect(today.aboveReference).toBe(false);
    const alertsToday = await supervisor.json<Alerts>('/api/harga-pasar/alerts');
    expect(alertsToday.body.alerts.map((alert) => alert.commodity)).not.toContain('beras-medium');

    // Tomorrow: the same prices are above the new HET; publishing raises the alert and emits the event.
    clock.set('2025-03-11T05:00:00Z');
    events.length = 0;
    const newAlerts = await enterAndPublish('2025-03-11', { 'beras-medium': 12_300, 'telur-ayam-ras': 28_000 }, { 'beras-medium': 12_500, 'telur-ayam-ras': 28_000 });
    expect(newAlerts).toEqual([expect.objectContaining({ commodity: 'beras-medium', reasons: ['above-reference'] })]);
    expect(events).toEqual([expect.objectContaining({ commodity: 'beras-medium', date: '2025-03-11', reasons: ['above-reference'] })]);
    const tomorrow = item(await board(), 'beras-medium');
    expect(tomorrow.date).toBe('2025-03-11');
    expect(tomorrow.reference).toEqual({ kind: 'HET', zone: '1', price: 12_000, effectiveFrom: '2025-03-11', legalBasis: newHet.legalBasis });
    expect(tomorrow.aboveReference).toBe(true);
    const alerts = await supervisor.json<Alerts>('/api/harga-pasar/alerts');
    expect(alerts.body.alerts).toEqual([expect.objectContaining({ commodity: 'beras-medium', reasons: ['above-reference'], reference: expect.objectContaining({ price: 12_000 }) })]);
    // History stays right: the 10th still shows the old HET.
    expect(item(await board('2025-03-10'), 'beras-medium').reference?.price).toBe(12_500);
    // The commodity list shows the price in force today.
    const commodities = await host.client().json<{ commodities: { id: string; reference: { price: number } | null }[] }>('/api/harga-pasar/commodities');
    expect(commodities.body.commodities.find((commodity) => commodity.id === 'beras-medium')?.reference?.price).toBe(12_000);
    const listed = await list();
    expect(listed.referencePrices.filter((entry) => entry.commodity === 'beras-medium').map((entry) => [entry.id, entry.status])).toEqual([
      [added.id, 'in-force'],
      ['config-1', 'superseded'],
      ['config-2', 'in-force'],
      ['config-0', 'superseded'],
    ]);
    // The public list names the agency, never the officer; the agency's supervisors see who added an entry.
    expect(listed.referencePrices.find((entry) => entry.id === added.id)?.createdBy).toBeNull();
    expect(JSON.stringify(listed)).not.toContain('Supervisor Demo');
    const asSupervisor = await supervisor.json<{ referencePrices: Entry[] }>('/api/harga-pasar/reference-prices');
    expect(asSupervisor.body.referencePrices.find((entry) => entry.id === added.id)?.createdBy).toBe('Supervisor Demo');
  });

  it('raises alerts at once when a new reference price applies to the latest published day (admin may add too)', async () => {
    events.length = 0;
    const hap = await add(admin, { commodity: 'telur-ayam-ras', kind: 'HAP', zone: 'nasional', price: 27_000, effectiveFrom: '2025-03-01', legalBasis: 'Perbadan 6/2025 (HAP telur)' });
    expect(hap.status).toBe(201);
    expect(hap.body.referencePrice.status).toBe('in-force');
    expect(hap.body.newAlerts).toEqual([expect.objectContaining({ commodity: 'telur-ayam-ras', reasons: ['above-reference'] })]);
    expect(events).toEqual([expect.objectContaining({ commodity: 'telur-ayam-ras', date: '2025-03-11' })]);
    expect(item(await board('2025-03-03'), 'telur-ayam-ras').aboveReference).toBe(true);
  });

  it('overrides a configured price of the same date with the agency’s row', async () => {
    const fix = await add(supervisor, { commodity: 'cabai-rawit-merah', kind: 'HAP', zone: 'nasional', price: 55_000, effectiveFrom: '2022-10-01', legalBasis: 'Ralat Perbadan 11/2022' });
    expect(fix.status).toBe(201);
    expect(fix.body.referencePrice.status).toBe('in-force');
    const entries = (await list()).referencePrices.filter((entry) => entry.commodity === 'cabai-rawit-merah');
    expect(entries.map((entry) => [entry.source, entry.status])).toEqual([
      ['admin', 'in-force'],
      ['config', 'superseded'],
    ]);
  });

  it('retires an added reference price, audited; configured ones cannot be retired', async () => {
    const retired = await retire(supervisor, added.id);
    expect(retired.status).toBe(200);
    expect(retired.body.referencePrice).toMatchObject({ id: added.id, status: 'retired', retiredAt: '2025-03-11T05:00:00.000Z' });
    // The board goes back to the configured HET; the entry stays in the history.
    const today = item(await board(), 'beras-medium');
    expect(today.reference?.price).toBe(12_500);
    expect(today.aboveReference).toBe(false);
    expect((await supervisor.json<Alerts>('/api/harga-pasar/alerts')).body.alerts.map((alert) => alert.commodity)).not.toContain('beras-medium');
    expect((await list()).referencePrices.find((entry) => entry.id === added.id)?.status).toBe('retired');
    expect((await retire(supervisor, added.id)).status).toBe(409);

    const audit = await admin.json<{ entries: { action: string; actorName: string; before: unknown; after: unknown }[] }>(
      `/api/admin/audit?module=harga-pasar&subjectId=${added.id}`,
    );
    expect(audit.body.entries.map((entry) => [entry.action, entry.actorName])).toEqual([
      ['reference-price.retire', 'Supervisor Demo'],
      ['reference-price.add', 'Supervisor Demo'],
    ]);
    expect(audit.body.entries[1]!.after).toMatchObject({ commodity: 'beras-medium', price: 12_000, legalBasis: newHet.legalBasis });

    const config = await retire(admin, 'config-1');
    expect(config.status).toBe(409);
    expect(config.body.detail).toContain('configuration');
    expect((await retire(supervisor, 'config-99')).status).toBe(404);
    expect((await retire(supervisor, '99999')).status).toBe(404);
    expect((await retire(supervisor, 'abc')).status).toBe(404);
  });

  it('lists who may enter prices for which market, for supervisors and admins only', async () => {
    expect((await host.client().json('/api/harga-pasar/enumerators')).status).toBe(401);
    expect((await enumerator.json('/api/harga-pasar/enumerators')).status).toBe(403);
    expect((await otherSupervisor.json('/api/harga-pasar/enumerators')).status).toBe(403);
    const answer = await supervisor.json<{ officers: { name: string; email: string; roles: string[]; markets: string[]; restricted: boolean }[]; unmatchedEmails: string[] }>(
      '/api/harga-pasar/enumerators',
    );
    expect(answer.status).toBe(200);
    // The DLH supervisor's grant is for another agency: not listed.
    expect(answer.body.officers.map((officer) => [officer.email, officer.roles, officer.markets, officer.restricted])).toEqual([
      ['enumerator@demo.kotakit.id', ['enumerator'], ['pasar-a'], true],
      ['supervisor@demo.kotakit.id', ['supervisor'], ['pasar-a', 'pasar-b'], false],
    ]);
    expect(answer.body.unmatchedEmails).toEqual(['nobody@example.id']);
    expect((await admin.json('/api/harga-pasar/enumerators')).status).toBe(200);
  });

  it('documents the new endpoints in the OpenAPI document', async () => {
    const { body } = await host.client().json<{ paths: Record<string, Record<string, unknown>> }>('/api/openapi.json');
    expect(Object.keys(body.paths['/api/harga-pasar/reference-prices'] ?? {}).sort()).toEqual(['get', 'post']);
    expect(Object.keys(body.paths['/api/harga-pasar/reference-prices/{id}'] ?? {})).toEqual(['delete']);
    expect(Object.keys(body.paths['/api/harga-pasar/enumerators'] ?? {})).toEqual(['get']);
  });
});
