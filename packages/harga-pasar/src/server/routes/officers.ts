import { createRoute, createRouter, errorResponses, z } from '@kota-kit/core/server';
import type { Ctx } from '../context.js';
import { officerGrantSchema, type OfficerGrant } from '../schemas.js';
import { json, tags } from './shared.js';

const listOfficers = createRoute({
  method: 'get',
  path: '/enumerators',
  tags,
  summary: "The agency's enumerators and supervisors and the markets each may enter (supervisor of the agency, or admin)",
  description:
    'Accounts holding `harga-pasar:enumerator` or `harga-pasar:supervisor` for the agency (or for every agency). `markets` comes from the `enumeratorMarkets` option: every market when the account is not listed. Roles are granted under Admin wilayah; `unmatchedEmails` lists configured emails with no such account.',
  responses: { 200: json(z.object({ officers: z.array(officerGrantSchema), unmatchedEmails: z.array(z.string()) }), 'Officers'), ...errorResponses(401, 403) },
});

const isRole = (role: string): role is OfficerGrant['roles'][number] => role === 'enumerator' || role === 'supervisor';

/** Who enters prices for which market: roles from core's people, restrictions from the options. */
export function officers(ctx: Ctx) {
  const { options } = ctx;
  const restrictions = new Map(Object.entries(options.enumeratorMarkets ?? {}).map(([email, markets]) => [email.toLowerCase(), markets]));
  const allMarkets = options.markets.map((market) => market.id);
  return createRouter().openapi(listOfficers, async (c) => {
    ctx.access.requireRole(c, 'supervisor', options.agency);
    const officers = new Map<string, OfficerGrant>();
    for (const row of await ctx.people.withRole(['enumerator', 'supervisor'], options.agency)) {
      if (!isRole(row.role)) continue;
      const officer = officers.get(row.id);
      if (!officer) officers.set(row.id, { id: row.id, name: row.name, email: row.email, roles: [row.role], markets: allMarkets, restricted: false });
      else if (!officer.roles.includes(row.role)) officer.roles.push(row.role);
    }
    for (const officer of officers.values()) {
      officer.roles.sort();
      const limited = restrictions.get(officer.email.toLowerCase());
      // The restriction applies to entering prices (the enumerator role); supervisors publish every market.
      if (limited && officer.roles.includes('enumerator')) {
        officer.markets = allMarkets.filter((market) => limited.includes(market));
        officer.restricted = true;
      }
    }
    const emails = new Set([...officers.values()].map((officer) => officer.email.toLowerCase()));
    return c.json({ officers: [...officers.values()], unmatchedEmails: [...restrictions.keys()].filter((email) => !emails.has(email)) }, 200);
  });
}
