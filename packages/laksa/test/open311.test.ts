import { demoPassword } from '@kota-kit/core/server';
import { startTestHost, testDatabaseTargets, type TestClient, type TestHost } from '@kota-kit/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Inbox } from '../src/index.js';
import laksaServer from '../src/server/index.js';
import { testClock, testHost } from './fixture.js';

type Open311Request = Record<string, string | number | null>;

describe.each(testDatabaseTargets())('laksa Open311 GeoReport v2 on %s', (database) => {
  let host: TestHost;
  let client: TestClient;
  let verifier: TestClient;

  const post = (fields: Record<string, string>, format = 'json') => client.fetch(`/open311/v2/requests.${format}`, { method: 'POST', body: new URLSearchParams(fields) });
  const base = { api_key: 'demo', service_code: 'sampah', lat: '-6.1781', long: '106.6319', description: 'Sampah menumpuk di depan sekolah, bau <sekali> & "kotor".', first_name: 'Rahmat', last_name: 'Hidayat', email: 'rahmat.h@example.com', phone: '081311122299' };
  const verify = async (ticket: string) => {
    const id = (await verifier.json<Inbox>(`/api/laksa/inbox?all=true&q=${ticket}`)).body.items[0]!.id;
    await verifier.json(`/api/laksa/inbox/${id}/verify`, { method: 'POST', body: {} });
  };

  beforeAll(async () => {
    host = await startTestHost({ host: testHost({ rateLimitPerHour: 100 }), serverModules: [laksaServer], database, clock: testClock() });
    client = host.client();
    verifier = host.client();
    await verifier.login('verifier@demo.kotakit.id', demoPassword);
  });
  afterAll(async () => host?.close());

  it('serves discovery in JSON and XML', async () => {
    const json = await client.json<{ endpoints: { specification: string; url: string; formats: string[]; type: string }[]; key_service: string }>('/open311/v2/discovery.json');
    expect(json.status).toBe(200);
    expect(json.body.endpoints[0]).toMatchObject({ specification: 'http://wiki.open311.org/GeoReport_v2', url: `${host.url}/open311/v2`, type: 'production', formats: ['text/xml', 'application/json'] });
    expect(json.body.key_service).toContain('"demo"');
    const xml = await client.fetch('/open311/v2/discovery.xml');
    expect(xml.headers.get('content-type')).toContain('text/xml');
    const text = await xml.text();
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(text).toContain('<discovery><changeset>');
    expect(text).toContain('<formats><format>text/xml</format><format>application/json</format></formats>');
  });

  it('lists services and service definitions from the categories', async () => {
    const services = await client.json<Record<string, unknown>[]>('/open311/v2/services.json');
    expect(services.body.find((service) => service.service_code === 'sampah')).toEqual({
      service_code: 'sampah',
      service_name: 'Sampah tidak terangkut',
      description: 'Sampah tidak terangkut',
      metadata: true,
      type: 'realtime',
      keywords: 'sampah,TPS',
      group: 'Lingkungan',
    });
    const english = await client.json<Record<string, unknown>[]>('/open311/v2/services.json?lang=en');
    expect(english.body.find((service) => service.service_code === 'sampah')?.service_name).toBe('Uncollected rubbish');
    const xml = await (await client.fetch('/open311/v2/services.xml')).text();
    expect(xml).toMatch(/<services><service><service_code>jalan-rusak<\/service_code><service_name>Jalan rusak \/ berlubang<\/service_name>/);
    expect(xml).toContain('<metadata>true</metadata><type>realtime</type>');

    const definition = await client.json<{ service_code: string; attributes: { code: string; datatype: string; values: { key: string }[] }[] }>('/open311/v2/services/lalu-lintas.json');
    expect(definition.body.service_code).toBe('lalu-lintas');
    expect(definition.body.attributes.map((attribute) => attribute.code)).toEqual(['anonymous', 'confidential', 'type']);
    expect(definition.body.attributes[0]).toMatchObject({ datatype: 'singlevaluelist', values: [{ key: 'false' }, { key: 'true' }] });
    const definitionXml = await (await client.fetch('/open311/v2/services/sampah.xml')).text();
    expect(definitionXml).toContain('<service_definition><service_code>sampah</service_code><attributes><attribute><variable>true</variable><code>anonymous</code>');
    expect(definitionXml).toContain('<values><value><key>false</key>');

    const missing = await client.fetch('/open311/v2/services/nope.json');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual([{ code: 404, description: 'service_code "nope" not found.' }]);
    const missingXml = await client.fetch('/open311/v2/services/nope.xml');
    expect(await missingXml.text()).toContain('<errors><error><code>404</code><description>service_code &quot;nope&quot; not found.</description></error></errors>');
  });

  it('requires an api_key to post, and answers errors in the standard format', async () => {
    const { api_key: _key, ...withoutKey } = base;
    const missing = await post(withoutKey);
    expect(missing.status).toBe(403);
    expect(await missing.json()).toEqual([{ code: 403, description: 'api_key is required to post a request.' }]);
    const wrong = await post({ ...base, api_key: 'guess' }, 'xml');
    expect(wrong.status).toBe(403);
    expect(await wrong.text()).toContain('<errors><error><code>403</code><description>Invalid api_key.</description></error></errors>');
    expect((await post({ ...base, service_code: 'nope' })).status).toBe(400);
    const { lat: _lat, long: _long, ...noLocation } = base;
    expect(await (await post(noLocation)).json()).toEqual([{ code: 400, description: 'A location is required: lat and long, address_string or address_id.' }]);
    expect((await post({ ...base, description: 'pendek' })).status).toBe(400);
    expect((await post({ ...base, jurisdiction_id: 'jakarta.go.id' })).status).toBe(404);
    const asJson = await client.fetch('/open311/v2/requests.json', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(base) });
    expect(asJson.status).toBe(400);
  });

  it('posts a request, reads it by id and token in JSON and XML, and never shows the reporter', async () => {
    const posted = await post({ ...base, jurisdiction_id: 'tangerangkota.go.id', account_id: 'acc-7' });
    expect(posted.status).toBe(200);
    const [created] = (await posted.json()) as { service_request_id: string; token: string; service_notice: string; account_id: string }[];
    expect(created!.service_request_id).toMatch(/^LKS-/);
    expect(created!.account_id).toBe('acc-7');
    expect(created!.service_notice).toContain(created!.service_request_id);

    const token = await client.json<{ service_request_id: string; token: string }[]>(`/open311/v2/tokens/${created!.token}.json`);
    expect(token.body).toEqual([{ service_request_id: created!.service_request_id, token: created!.token }]);
    expect(await (await client.fetch(`/open311/v2/tokens/${created!.token}.xml`)).text()).toContain(`<service_requests><request><service_request_id>${created!.service_request_id}</service_request_id><token>`);
    expect((await client.fetch('/open311/v2/tokens/nothing.json')).status).toBe(404);

    // Before verification: listed as open, without its text.
    const pending = await client.json<Open311Request[]>(`/open311/v2/requests/${created!.service_request_id}.json`);
    expect(pending.body[0]).toMatchObject({ status: 'open', description: null, service_code: 'sampah' });
    await verify(created!.service_request_id);
    const single = await client.json<Open311Request[]>(`/open311/v2/requests/${created!.service_request_id}.json`);
    expect(single.body).toHaveLength(1);
    const request = single.body[0]!;
    expect(Object.keys(request).sort()).toEqual(
      ['service_request_id', 'status', 'status_notes', 'service_name', 'service_code', 'description', 'agency_responsible', 'service_notice', 'requested_datetime', 'updated_datetime', 'expected_datetime', 'address', 'address_id', 'zipcode', 'lat', 'long', 'media_url'].sort(),
    );
    expect(request).toMatchObject({ status: 'open', service_code: 'sampah', agency_responsible: 'Dinas Lingkungan Hidup', lat: -6.1781, long: 106.6319, requested_datetime: '2026-11-16T10:00:00+07:00' });
    expect(request.expected_datetime).toBe('2026-11-19T23:59:59+07:00');

    const xml = await (await client.fetch(`/open311/v2/requests/${created!.service_request_id}.xml`)).text();
    expect(xml).toContain('<service_requests><request><service_request_id>');
    expect(xml).toContain('bau &lt;sekali&gt; &amp; &quot;kotor&quot;.');
    expect(xml).not.toContain('<sekali>');
    for (const text of [xml, JSON.stringify(single.body), await (await client.fetch('/open311/v2/requests.json')).text()]) {
      for (const secret of ['Rahmat', 'Hidayat', 'rahmat.h@example.com', '081311122299']) expect(text).not.toContain(secret);
    }
    expect((await client.fetch('/open311/v2/requests/LKS-0000-ZZZZ.json')).status).toBe(404);
  });

  it('keeps confidential Open311 requests out, and honours the anonymous attribute', async () => {
    const confidential = (await (await post({ ...base, 'attribute[confidential]': 'true' })).json()) as { service_request_id: string }[];
    expect((await client.fetch(`/open311/v2/requests/${confidential[0]!.service_request_id}.json`)).status).toBe(404);
    const anonymous = (await (await post({ ...base, 'attribute[anonymous]': 'true' })).json()) as { service_request_id: string }[];
    const id = (await verifier.json<Inbox>(`/api/laksa/inbox?all=true&q=${anonymous[0]!.service_request_id}`)).body.items[0]!;
    expect(id.anonymous).toBe(true);
    expect(id.source).toBe('open311');
    expect((await verifier.json<{ reporter: unknown }>(`/api/laksa/inbox/${id.id}`)).body.reporter).toBeNull();
    expect((await post({ ...base, service_code: 'sampah', 'attribute[type]': 'aspiration' })).status).toBe(400);
  });

  it('filters the request list by ids, service, status and dates (at most 90 days)', async () => {
    const all = await client.json<Open311Request[]>('/open311/v2/requests.json');
    expect(all.status).toBe(200);
    // Demo reports of the last weeks are in the default 90-day window; confidential and rejected ones are not.
    expect(all.body.length).toBeGreaterThan(10);
    expect(all.body.every((item) => item.status === 'open' || item.status === 'closed')).toBe(true);
    const closed = await client.json<Open311Request[]>('/open311/v2/requests.json?status=closed');
    expect(closed.body.length).toBeGreaterThan(0);
    expect(closed.body.every((item) => item.status === 'closed')).toBe(true);
    const sampah = await client.json<Open311Request[]>('/open311/v2/requests.json?service_code=sampah,jalan-rusak');
    expect(sampah.body.every((item) => ['sampah', 'jalan-rusak'].includes(item.service_code as string))).toBe(true);
    const two = all.body.slice(0, 2).map((item) => item.service_request_id);
    const byIds = await client.json<Open311Request[]>(`/open311/v2/requests.json?service_request_id=${two.join(',')}`);
    expect(byIds.body.map((item) => item.service_request_id).sort()).toEqual([...two].sort());
    const old = await client.json<Open311Request[]>('/open311/v2/requests.json?start_date=2020-01-01T00:00:00Z&end_date=2020-02-01T00:00:00Z');
    expect(old.body).toEqual([]);
    const tooLong = await client.fetch('/open311/v2/requests.xml?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z');
    expect(tooLong.status).toBe(400);
    expect(await tooLong.text()).toContain('<errors><error><code>400</code>');
    expect((await client.fetch('/open311/v2/requests.json?status=pending')).status).toBe(400);
    expect((await client.fetch('/open311/v2/requests.json?start_date=yesterday')).status).toBe(400);
    const xml = await (await client.fetch('/open311/v2/requests.xml?status=closed')).text();
    expect(xml.match(/<request>/g)?.length).toBe(closed.body.length);
    expect((await client.fetch('/open311/v2/requests.csv')).status).toBe(404);
  });
});

describe.each(testDatabaseTargets())('laksa Open311 outside demo mode on %s', (database) => {
  let host: TestHost;
  beforeAll(async () => {
    host = await startTestHost({ host: testHost(), serverModules: [laksaServer], database, demo: false, clock: testClock() });
  });
  afterAll(async () => host?.close());

  it('refuses the demo api_key', async () => {
    const response = await host.client().fetch('/open311/v2/requests.json', { method: 'POST', body: new URLSearchParams({ api_key: 'demo', service_code: 'sampah', address_string: 'Jl. Merdeka', description: 'Sampah menumpuk di jalan.' }) });
    expect(response.status).toBe(403);
    const discovery = await host.client().json<{ key_service: string }>('/open311/v2/discovery.json');
    expect(discovery.body.key_service).not.toContain('demo');
  });
});
