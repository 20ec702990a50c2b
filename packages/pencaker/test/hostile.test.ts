// Hostile values in every parameter and field of every Pencaker route, as anonymous, seeker, employer and officer:
// never a 5xx (core's boundary and the routes' schemas answer 4xx). The host has direct publishing turned off.
import { hostileRequests, sendHostileRequests, startTestHost, testDatabaseTargets, type TestHost } from '@kota-kit/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pencakerServer from '../src/server/index.js';
import type { OwnVacancy } from '../src/index.js';
import { testClock, testHost } from './host.js';
import { demoAccounts, sampleVacancy, signedIn } from './support.js';

describe.each(testDatabaseTargets())('pencaker under hostile input on %s', (database) => {
  let server: TestHost;
  beforeAll(async () => {
    server = await startTestHost({ host: testHost({ trustedEmployersPublishDirectly: false }), serverModules: [pencakerServer], database, clock: testClock() });
  });
  afterAll(async () => server?.close());

  it('sends even a trusted employer\'s vacancy to moderation when the region turns direct publishing off', async () => {
    const officer = await signedIn(server, demoAccounts.officer);
    const employer = await signedIn(server, demoAccounts.employer2);
    const { body: list } = await officer.json<{ items: { id: number; name: string }[] }>('/api/pencaker/officer/employers?status=verified');
    const own = list.items.find((item) => item.name === 'PT Sinar Karawaci Plastindo')!;
    expect((await officer.json<{ trusted: boolean }>(`/api/pencaker/officer/employers/${own.id}/verify`, { method: 'POST', body: { trusted: true } })).body.trusted).toBe(true);
    const { body } = await employer.json<OwnVacancy>('/api/pencaker/employer/vacancies', { method: 'POST', body: sampleVacancy({ sector: 'manufacturing' }) });
    expect((await employer.json<OwnVacancy>(`/api/pencaker/employer/vacancies/${body.id}/submit`, { method: 'POST' })).body.status).toBe('submitted');
  });

  it('answers hostile values in every field without a 5xx', { timeout: 400_000 }, async () => {
    const document = (await server.client().json<Parameters<typeof hostileRequests>[0]>('/api/openapi.json')).body;
    const requests = hostileRequests(document).filter((request) => request.path.startsWith('/api/pencaker'));
    expect(requests.length).toBeGreaterThan(200);
    const clients = [server.client(), await signedIn(server, demoAccounts.seeker), await signedIn(server, demoAccounts.employer), await signedIn(server, demoAccounts.officer)];
    for (const client of clients) expect(await sendHostileRequests(client, requests)).toEqual([]);
  });
});
