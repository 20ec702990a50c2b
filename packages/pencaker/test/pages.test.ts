// Vacancy pages as link previews and search engines read them: the raw HTML before any JavaScript runs.
import { startTestHost, testDatabaseTargets, type TestHost } from '@kota-kit/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OwnVacancy, VacancyPage } from '../src/index.js';
import pencakerServer from '../src/server/index.js';
import { host, testClock } from './host.js';
import { demoAccounts, sampleVacancy, signedIn } from './support.js';

const origin = 'https://live.tangerangkota.go.id';
const metaValues = (html: string, key: string) =>
  [...html.matchAll(new RegExp(`<meta (?:property|name)="${key.replace(/[.:]/g, '\\$&')}" content="([^"]*)">`, 'g'))].map((match) => match[1]!);
const jsonLd = (html: string) => [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((match) => JSON.parse(match[1]!) as Record<string, unknown>);

describe.each(testDatabaseTargets())('pencaker public pages on %s', (database) => {
  let server: TestHost;
  let openId: number;
  let closedId: number;

  beforeAll(async () => {
    server = await startTestHost({ host, serverModules: [pencakerServer], database, clock: testClock(), extra: { publicUrl: origin } });
    const employer = await signedIn(server, demoAccounts.employer);
    const officer = await signedIn(server, demoAccounts.officer);
    const open = await employer.json<OwnVacancy>('/api/pencaker/employer/vacancies', { method: 'POST', body: sampleVacancy({ title: 'Operator <Forklift> & "Reach Truck"' }) });
    openId = open.body.id;
    await employer.json(`/api/pencaker/employer/vacancies/${openId}/submit`, { method: 'POST' });
    await officer.json(`/api/pencaker/officer/vacancies/${openId}/publish`, { method: 'POST' });
    const closed = await employer.json<OwnVacancy>('/api/pencaker/employer/vacancies', { method: 'POST', body: sampleVacancy({ title: 'Lowongan Yang Ditutup' }) });
    closedId = closed.body.id;
    await employer.json(`/api/pencaker/employer/vacancies/${closedId}/submit`, { method: 'POST' });
    await officer.json(`/api/pencaker/officer/vacancies/${closedId}/publish`, { method: 'POST' });
    await employer.json(`/api/pencaker/employer/vacancies/${closedId}/close`, { method: 'POST' });
  });
  afterAll(async () => server?.close());

  it('writes a JobPosting with every required and the recommended properties into the raw HTML of a published vacancy', async () => {
    const response = await server.client().fetch(`/pencaker/lowongan/${openId}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<title>Operator &lt;Forklift&gt; &amp; &quot;Reach Truck&quot; — PT Cahaya Logistik Bandara · Tangerang Live</title>');
    expect(html).toContain(`<link rel="canonical" href="${origin}/pencaker/lowongan/${openId}">`);
    expect(metaValues(html, 'og:url')).toEqual([`${origin}/pencaker/lowongan/${openId}`]);
    expect(metaValues(html, 'og:title')[0]).toContain('Operator &lt;Forklift&gt;');
    expect(metaValues(html, 'og:description')[0]).toContain('Benda');
    expect(metaValues(html, 'description')[0]).toContain('Rp5.100.000');
    const blocks = jsonLd(html);
    expect(blocks).toHaveLength(1);
    const posting = blocks[0]!;
    // Required by Google's JobPosting guidelines.
    expect(posting).toMatchObject({ '@context': 'https://schema.org/', '@type': 'JobPosting', title: 'Operator <Forklift> & "Reach Truck"' });
    expect(posting.description).toMatch(/^<p>Mengoperasikan forklift.*<\/p><p>Shift pagi/);
    expect(posting.datePosted).toBe('2026-11-16T03:00:00.000Z');
    const employerId = (await server.client().json<{ employer: { id: number } }>(`/api/pencaker/vacancies/${openId}`)).body.employer.id;
    expect(posting.hiringOrganization).toEqual({ '@type': 'Organization', name: 'PT Cahaya Logistik Bandara', sameAs: 'https://perusahaan-contoh.id/1', logo: `${origin}/api/pencaker/employers/${employerId}/logo` });
    expect(metaValues(html, 'og:image')).toEqual([`${origin}/api/pencaker/employers/${employerId}/logo`]);
    expect(posting.jobLocation).toEqual({ '@type': 'Place', address: { '@type': 'PostalAddress', streetAddress: 'Jl. Marsekal Suryadarma No. 18', addressLocality: 'Benda, Kota Tangerang', addressCountry: 'ID' } });
    // Recommended, all of which the data has.
    expect(posting.validThrough).toBe('2026-12-31T16:59:59.999Z');
    expect(posting.employmentType).toBe('FULL_TIME');
    expect(posting.baseSalary).toEqual({ '@type': 'MonetaryAmount', currency: 'IDR', value: { '@type': 'QuantitativeValue', minValue: 5_100_000, maxValue: 5_600_000, unitText: 'MONTH' } });
    expect(posting.identifier).toEqual({ '@type': 'PropertyValue', name: 'PT Cahaya Logistik Bandara', value: `pencaker-${openId}` });
    expect(posting.directApply).toBe(true);
    expect(posting.educationRequirements).toEqual({ '@type': 'EducationalOccupationalCredential', credentialCategory: 'high school' });
    expect(posting.experienceRequirements).toEqual({ '@type': 'OccupationalExperienceRequirements', monthsOfExperience: 12 });
    // No text of the data can close the script element.
    expect(html).not.toMatch(/ld\+json">[^<]*<Forklift/);
    expect(html).toContain('<div id="root">');
  });

  it('answers 410 with noindex and no JSON-LD for a closed vacancy, 404 for an unknown one, and the default head for an odd address', async () => {
    const gone = await server.client().fetch(`/pencaker/lowongan/${closedId}`);
    expect(gone.status).toBe(410);
    const html = await gone.text();
    expect(metaValues(html, 'robots')).toEqual(['noindex']);
    expect(html).not.toContain('application/ld+json');
    expect(html).toContain('Lowongan sudah ditutup');
    // A demo vacancy that expired, and one awaiting moderation.
    const officer = await signedIn(server, demoAccounts.officer);
    for (const status of ['expired', 'submitted', 'filled']) {
      const { body } = await officer.json<{ items: { id: number }[] }>(`/api/pencaker/officer/vacancies?status=${status}`);
      const page = await server.client().fetch(`/pencaker/lowongan/${body.items[0]!.id}`);
      expect(page.status).toBe(410);
      expect(await page.text()).not.toContain('application/ld+json');
    }
    expect((await server.client().fetch('/pencaker/lowongan/999999')).status).toBe(404);
    const odd = await server.client().fetch('/pencaker/lowongan/abc');
    expect(odd.status).toBe(200);
    expect(await odd.text()).not.toContain('application/ld+json');
  });

  it('lists exactly the published vacancies, the job fair and the statistics page in /sitemap.xml', async () => {
    const xml = await (await server.client().fetch('/sitemap.xml')).text();
    const locations = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!);
    const vacancies = locations.filter((location) => location.includes('/pencaker/lowongan/')).map((location) => Number(location.split('/').pop()));
    const published = (await server.client().json<VacancyPage>('/api/pencaker/vacancies?pageSize=100')).body.items.map((item) => item.id);
    expect(vacancies.sort((a, b) => a - b)).toEqual(published.sort((a, b) => a - b));
    expect(vacancies).toContain(openId);
    expect(vacancies).not.toContain(closedId);
    expect(locations.filter((location) => location.includes('/pencaker/bursa-kerja/'))).toHaveLength(1);
    expect(locations).toContain(`${origin}/pencaker/statistik`);
    expect(locations).toContain(`${origin}/pencaker`);
  });

  it('writes the landing and statistics pages\' heads', async () => {
    const landing = await (await server.client().fetch('/pencaker')).text();
    expect(landing).toContain('<title>Lowongan kerja · Tangerang Live</title>');
    expect(landing).toContain(`<link rel="canonical" href="${origin}/pencaker">`);
    expect(metaValues(landing, 'description')[0]).toContain('diverifikasi Disnaker');
    const stats = await (await server.client().fetch('/pencaker/statistik')).text();
    expect(stats).toContain('<title>Statistik ketenagakerjaan · Tangerang Live</title>');
  });

  it('writes a schema.org Event for the job fair page', async () => {
    const { body } = await server.client().json<{ items: { id: number }[] }>('/api/pencaker/fairs');
    const html = await (await server.client().fetch(`/pencaker/bursa-kerja/${body.items[0]!.id}`)).text();
    const [event] = jsonLd(html);
    expect(event).toMatchObject({ '@type': 'Event', name: 'Bursa Kerja Kota Tangerang 2026', startDate: '2026-11-30', endDate: '2026-12-01' });
  });
});
