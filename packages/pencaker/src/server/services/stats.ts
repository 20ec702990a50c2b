/** Public statistics from anonymous facts and counts: never a person, and a seeker's deletion keeps them. */
import { sql } from '@kota-kit/core/server';
import type { Stats } from '../../schemas/stats.js';
import type { Ctx } from '../tables.js';
import { ageBand, today } from './dates.js';

const rows = (counts: { key: string | null; count: number | string }[]) => counts.map((row) => ({ key: row.key ?? 'unknown', count: Number(row.count) }));

export async function statistics(ctx: Ctx): Promise<Stats> {
  const db = ctx.db;
  const day = today(ctx);
  const year = Number(day.slice(0, 4));
  const facts = await db.selectFrom('pencaker_seeker_facts').select(['education_level', 'birth_year', 'sex']).execute();
  const count = <T extends string>(values: T[]) => {
    const map = new Map<string, number>();
    for (const value of values) map.set(value, (map.get(value) ?? 0) + 1);
    return [...map].map(([key, n]) => ({ key, count: n })).sort((a, b) => a.key.localeCompare(b.key));
  };
  const everPublished = db.selectFrom('pencaker_vacancies').where('published_at', 'is not', null);
  const [open, bySector, byEducation, filled] = await Promise.all([
    db.selectFrom('pencaker_vacancies').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'published').where('valid_through', '>=', day).executeTakeFirstOrThrow(),
    everPublished.select(['sector as key', (eb) => eb.fn.countAll<number>().as('count')]).groupBy('sector').orderBy('sector').execute(),
    everPublished.select(['education_min as key', (eb) => eb.fn.countAll<number>().as('count')]).groupBy('education_min').orderBy('education_min').execute(),
    db.selectFrom('pencaker_vacancies').select(['published_at', 'ended_at']).where('status', '=', 'filled').where('published_at', 'is not', null).where('ended_at', 'is not', null).execute(),
  ]);
  // The last 12 months in the region's calendar.
  const since = `${year - 1}-${day.slice(5, 7)}-01`;
  const tz = ctx.region.timeZone;
  const [applications, placements] = await Promise.all([
    sql<{ month: string; n: number | string }>`select to_char(created_at at time zone ${tz}, 'YYYY-MM') as month, count(*) as n from pencaker_applications
      where created_at >= ${new Date(`${since}T00:00:00Z`)} group by 1`.execute(db),
    sql<{ month: string; n: number | string }>`select to_char(hired_at at time zone ${tz}, 'YYYY-MM') as month, count(*) as n from pencaker_applications
      where hired_at is not null and hired_at >= ${new Date(`${since}T00:00:00Z`)} group by 1`.execute(db),
  ]);
  const months: Stats['months'] = [];
  for (let index = 11; index >= 0; index--) {
    const date = new Date(Date.UTC(year, Number(day.slice(5, 7)) - 1 - index, 1));
    const month = date.toISOString().slice(0, 7);
    months.push({
      month,
      applications: Number(applications.rows.find((row) => row.month === month)?.n ?? 0),
      placements: Number(placements.rows.find((row) => row.month === month)?.n ?? 0),
    });
  }
  const days = filled.map((row) => (row.ended_at!.getTime() - row.published_at!.getTime()) / 86_400_000).sort((a, b) => a - b);
  const median = days.length ? (days.length % 2 ? days[(days.length - 1) / 2]! : (days[days.length / 2 - 1]! + days[days.length / 2]!) / 2) : null;
  return {
    seekers: {
      total: facts.length,
      byEducation: count(facts.map((fact) => fact.education_level)),
      byAgeBand: count(facts.map((fact) => ageBand(fact.birth_year, year))),
      bySex: count(facts.map((fact) => fact.sex)),
    },
    vacancies: { open: Number(open.n), bySector: rows(bySector), byEducation: rows(byEducation) },
    months,
    medianDaysToFill: median === null ? null : Math.round(median * 10) / 10,
    filledVacancies: filled.length,
  };
}
