import { demoPassword } from '@kota-kit/core/server';
import sharp from 'sharp';
import { startTestHost, testDatabaseTargets, type TestClient, type TestHost } from '@kota-kit/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Inbox, ReportList } from '../src/index.js';
import laksaServer from '../src/server/index.js';
import { sampleReport, send, testClock, testHost, type Created } from './fixture.js';

type Open311Request = Record<string, string | number | null>;
type Posted = { service_request_id?: string; token: string; service_notice: string; account_id: string | null };

/** The region's public origin (KOTA_PUBLIC_URL): every absolute link comes from it, never from the Host header. */
const publicUrl = 'https://live.tangerangkota.go.id';
/** The ticket named in a posted request's service_notice (the answer itself has only the token until it is public). */
const ticketOf = (posted: Posted) => /LKS-\d{4}-[A-Z0-9]+/.exec(posted.service_notice)![0];

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
    host = await startTestHost({ host: testHost({ rateLimitPerHour: 100 }), serverModules: [laksaServer], database, clock: testClock(), extra: { publicUrl } });
    client = host.client();
    verifier = host.client();
    await verifier.login('verifier@demo.kotakit.id', demoPassword);
  });
  afterAll(async () => host?.close());

  it('serves discovery in JSON and XML', async () => {
    const json = await client.json<{ endpoints: { specification: string; url: string; formats: string[]; type: string }[]; key_service: string }>('/open311/v2/discovery.json', {
      headers: { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'http' },
    });
    expect(json.status).toBe(200);
    expect(json.body.endpoints[0]).toMatchObject({ specification: 'http://wiki.open311.org/GeoReport_v2', url: `${publicUrl}/open311/v2`, type: 'production', formats: ['text/xml', 'application/json'] });
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
    const unknownService = await post({ ...base, service_code: 'nope' });
    expect(unknownService.status).toBe(404);
    expect(await unknownService.json()).toEqual([{ code: 404, description: 'service_code "nope" not found.' }]);
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
    const [answer] = (await posted.json()) as Posted[];
    // Not public until verified: the token, without service_request_id (GeoReport v2's SHOULD).
    expect(Object.keys(answer!).sort()).toEqual(['account_id', 'service_notice', 'token']);
    expect(answer!.account_id).toBe('acc-7');
    const ticket = ticketOf(answer!);
    const created = { ...answer!, service_request_id: ticket };

    const pendingToken = await client.json<{ service_request_id?: string; token: string }[]>(`/open311/v2/tokens/${created.token}.json`);
    expect(pendingToken.body).toEqual([{ token: created.token }]);
    expect((await client.fetch('/open311/v2/tokens/nothing.json')).status).toBe(404);

    // Before verification: exactly like the public API, not shown at all.
    expect((await client.json(`/api/laksa/reports/${ticket}`)).status).toBe(404);
    const pending = await client.fetch(`/open311/v2/requests/${ticket}.json`);
    expect(pending.status).toBe(404);
    expect(await pending.json()).toEqual([{ code: 404, description: `service_request_id "${ticket}" not found.` }]);
    expect(((await client.json<Open311Request[]>(`/open311/v2/requests.json?service_request_id=${ticket}`)).body)).toEqual([]);
    await verify(created.service_request_id);

    const token = await client.json<{ service_request_id: string; token: string }[]>(`/open311/v2/tokens/${created.token}.json`);
    expect(token.body).toEqual([{ service_request_id: ticket, token: created.token }]);
    expect(await (await client.fetch(`/open311/v2/tokens/${created.token}.xml`)).text()).toContain(`<service_requests><request><service_request_id>${ticket}</service_request_id><token>`);
    const single = await client.json<Open311Request[]>(`/open311/v2/requests/${created.service_request_id}.json`);
    expect(single.body).toHaveLength(1);
    const request = single.body[0]!;
    expect(Object.keys(request).sort()).toEqual(
      ['service_request_id', 'status', 'status_notes', 'service_name', 'service_code', 'description', 'agency_responsible', 'service_notice', 'requested_datetime', 'updated_datetime', 'expected_datetime', 'address', 'address_id', 'zipcode', 'lat', 'long', 'media_url'].sort(),
    );
    expect(request).toMatchObject({ status: 'open', service_code: 'sampah', agency_responsible: 'Dinas Lingkungan Hidup', lat: -6.1781, long: 106.6319, requested_datetime: '2026-11-16T10:00:00+07:00' });
    expect(request.expected_datetime).toBe('2026-11-19T23:59:59+07:00');

    const xml = await (await client.fetch(`/open311/v2/requests/${created.service_request_id}.xml`)).text();
    expect(xml).toContain('<service_requests><request><service_request_id>');
    expect(xml).toContain('bau &lt;sekali&gt; &amp; &quot;kotor&quot;.');
    expect(xml).not.toContain('<sekali>');
    for (const text of [xml, JSON.stringify(single.body), await (await client.fetch('/open311/v2/requests.json')).text()]) {
      for (const secret of ['Rahmat', 'Hidayat', 'rahmat.h@example.com', '081311122299']) expect(text).not.toContain(secret);
    }
    expect((await client.fetch('/open311/v2/requests/LKS-0000-ZZZZ.json')).status).toBe(404);
  });

  it('keeps confidential Open311 requests out, and honours the anonymous attribute', async () => {
    const confidential = (await (await post({ ...base, 'attribute[confidential]': 'true' })).json()) as Posted[];
    await verify(ticketOf(confidential[0]!));
    expect((await client.fetch(`/open311/v2/requests/${ticketOf(confidential[0]!)}.json`)).status).toBe(404);
    // Never public: its token never gives the ticket away.
    expect((await client.json(`/open311/v2/tokens/${confidential[0]!.token}.json`)).body).toEqual([{ token: confidential[0]!.token }]);
    const anonymous = (await (await post({ ...base, 'attribute[anonymous]': 'true' })).json()) as Posted[];
    const id = (await verifier.json<Inbox>(`/api/laksa/inbox?all=true&q=${ticketOf(anonymous[0]!)}`)).body.items[0]!;
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

  it('shows exactly the reports the public API shows: none unverified, confidential or rejected (issue 8 #6)', async () => {
    // A web report with a free-text address and an exact position, not verified yet.
    const unverified = await send(client, { title: 'Lampu jalan mati di gang sempit', location: { lat: -6.1801, lng: 106.6402, address: 'Gg. Rahasia No. 7', kecamatan: 'Karawaci' } });
    const lists = [await (await client.fetch('/open311/v2/requests.json')).text(), await (await client.fetch('/open311/v2/requests.xml')).text()];
    for (const text of lists) {
      expect(text).not.toContain(unverified.ticket);
      expect(text).not.toContain('Gg. Rahasia No. 7');
    }
    expect((await client.fetch(`/open311/v2/requests/${unverified.ticket}.xml`)).status).toBe(404);

    // The same set as the public API (its list, duplicates included, over the same 90 days).
    const open311 = (await client.json<Open311Request[]>('/open311/v2/requests.json')).body.map((item) => item.service_request_id as string);
    const publicTickets: string[] = [];
    for (const status of ['', '&status=duplicate']) {
      for (let page = 1; ; page++) {
        const list = await client.json<ReportList>(`/api/laksa/reports?pageSize=100&page=${page}${status}`);
        const recent = list.body.items.filter((item) => Date.parse(item.createdAt) >= host.server.moduleContext('laksa').clock.now().getTime() - 90 * 86_400_000);
        publicTickets.push(...recent.map((item) => item.ticket));
        if (page * 100 >= list.body.total) break;
      }
    }
    expect(open311.length).toBeGreaterThan(5);
    expect([...open311].sort()).toEqual([...new Set(publicTickets)].sort());
    for (const ticket of open311.slice(0, 5)) expect((await client.json(`/api/laksa/reports/${ticket}`)).status).toBe(200);
  });

  it('builds absolute links from the configured public URL and sends Cache-Control (issue 8 #11)', async () => {
    const photo = await sharp({ create: { width: 32, height: 24, channels: 3, background: '#3a3' } }).jpeg().toBuffer();
    const form = new FormData();
    form.set('report', JSON.stringify(sampleReport({ category: 'sampah', title: 'Sampah di pinggir kali Cisadane' })));
    form.append('photos', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'sampah.jpg');
    const created = await client.json<Created>('/api/laksa/reports', { method: 'POST', body: form, headers: { 'x-forwarded-host': 'evil.example' } });
    expect(created.status).toBe(201);
    expect(created.body.trackingUrl).toBe(`${publicUrl}/laksa/track/${created.body.trackingToken}`);
    await verify(created.body.ticket);
    const single = await client.fetch(`/open311/v2/requests/${created.body.ticket}.json`, { headers: { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'http' } });
    const [request] = (await single.json()) as Open311Request[];
    expect(request!.media_url).toMatch(new RegExp(`^${publicUrl}/api/laksa/photos/[0-9a-f-]{36}$`));
    expect((await client.fetch(String(request!.media_url).slice(publicUrl.length))).status).toBe(200);

    // Public GETs may be cached a minute; keyed answers, POSTs and errors never.
    for (const path of ['discovery.json', 'services.xml', 'services/sampah.json', 'requests.json', `requests/${created.body.ticket}.xml`]) {
      const response = await client.fetch(`/open311/v2/${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('public, max-age=60');
      expect(response.headers.get('vary')).toContain('Accept-Language');
    }
    const posted = await post(base);
    expect(posted.headers.get('cache-control')).toBe('no-store');
    const [answer] = (await posted.json()) as Posted[];
    expect((await client.fetch(`/open311/v2/tokens/${answer!.token}.json`)).headers.get('cache-control')).toBe('no-store');
    expect((await client.fetch('/open311/v2/requests/LKS-0000-ZZZZ.json')).headers.get('cache-control')).toBe('no-store');
    expect((await client.fetch('/open311/v2/requests.json?status=%00')).headers.get('cache-control')).toBe('no-store');
  });

  it('follows GeoReport v2 on empty and repeated parameters, api_key in the query, and errors in its own format (issue 8 #16)', async () => {
    const ids = async (query: string) => {
      const response = await client.json<Open311Request[]>(`/open311/v2/requests.json${query}`);
      expect(response.status).toBe(200);
      return response.body.map((item) => item.service_request_id).sort();
    };
    // An empty optional parameter is as if absent.
    const all = await ids('');
    expect(await ids('?status=')).toEqual(all);
    expect(await ids('?status=&service_code=&start_date=&end_date=&jurisdiction_id=&service_request_id=')).toEqual(all);
    // A repeated parameter is honoured like the comma form.
    expect(await ids('?status=open&status=closed')).toEqual(await ids('?status=open,closed'));
    expect(await ids('?status=closed&status=')).toEqual(await ids('?status=closed'));
    expect(await ids('?service_code=sampah&service_code=jalan-rusak')).toEqual(await ids('?service_code=sampah,jalan-rusak'));
    const two = all.slice(0, 2);
    expect(await ids(`?service_request_id=${two[0]}&service_request_id=${two[1]}`)).toEqual(two);

    // A NUL byte or malformed encoding: 400 in Open311's format (JSON or XML by suffix), not problem+json.
    const nul = await client.fetch('/open311/v2/requests.json?status=open%00');
    expect(nul.status).toBe(400);
    expect(nul.headers.get('content-type')).toContain('application/json');
    expect(await nul.json()).toEqual([{ code: 400, description: expect.stringContaining('query.status') }]);
    const encoding = await client.fetch('/open311/v2/requests.xml?status=%E0%A4%A');
    expect(encoding.status).toBe(400);
    expect(encoding.headers.get('content-type')).toContain('text/xml');
    expect(await encoding.text()).toMatch(/<errors><error><code>400<\/code><description>query\.status: /);
    const badPath = await client.fetch('/open311/v2/requests/LKS%ZZ.json');
    expect(badPath.status).toBe(400);
    expect(((await badPath.json()) as { code: number }[])[0]!.code).toBe(400);
    const nulBody = await post({ ...base, description: 'Sampah menumpuk\u0000 di jalan.' }, 'xml');
    expect(nulBody.status).toBe(400);
    expect(await nulBody.text()).toContain('<errors><error><code>400</code><description>body.description: ');

    // An unsupported method: 405 with Allow, in Open311's format.
    const put = await client.fetch('/open311/v2/requests.json', { method: 'PUT', body: new URLSearchParams(base) });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, HEAD, POST');
    expect(await put.json()).toEqual([{ code: 405, description: 'PUT is not allowed here; use GET, HEAD, POST.' }]);
    const deleteXml = await client.fetch('/open311/v2/services.xml', { method: 'DELETE' });
    expect(deleteXml.status).toBe(405);
    expect(deleteXml.headers.get('allow')).toBe('GET, HEAD');
    expect(await deleteXml.text()).toContain('<errors><error><code>405</code>');
    expect((await client.fetch('/open311/v2/discovery.json', { method: 'POST', body: new URLSearchParams(base) })).status).toBe(405);
    expect((await client.fetch('/open311/v2/services.json', { method: 'HEAD' })).status).toBe(200);

    // api_key in the query string, as some clients send it.
    const { api_key: key, ...withoutKey } = base;
    const queryKey = await client.fetch(`/open311/v2/requests.json?api_key=${key}`, { method: 'POST', body: new URLSearchParams(withoutKey) });
    expect(queryKey.status).toBe(200);
    expect(((await queryKey.json()) as Posted[])[0]!.token).toBeTruthy();
    expect((await client.fetch('/open311/v2/requests.json?api_key=guess', { method: 'POST', body: new URLSearchParams(withoutKey) })).status).toBe(403);
    // An empty field is as if absent: the key from the query string still counts.
    expect((await client.fetch(`/open311/v2/requests.json?api_key=${key}`, { method: 'POST', body: new URLSearchParams({ ...withoutKey, api_key: '', address_string: '' }) })).status).toBe(200);
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
