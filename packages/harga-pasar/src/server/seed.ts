import { addDays, todayIn } from '@kota-kit/core';
import { sql } from '@kota-kit/core/server';
import type { Ctx } from './context.js';

/** Typical Tangerang market prices today (whole rupiah) and how strongly each swings; unknown ids get a middle value. */
const demoProfiles: Record<string, { price: number; volatility: number }> = {
  'beras-medium': { price: 13_300, volatility: 0.025 },
  'beras-premium': { price: 15_200, volatility: 0.025 },
  'cabai-merah-keriting': { price: 45_000, volatility: 0.35 },
  'cabai-merah-besar': { price: 42_000, volatility: 0.35 },
  'cabai-rawit-merah': { price: 50_000, volatility: 0.4 },
  'cabai-rawit-hijau': { price: 40_000, volatility: 0.35 },
  'bawang-merah': { price: 38_000, volatility: 0.2 },
  'bawang-putih': { price: 39_000, volatility: 0.08 },
  'minyak-goreng-curah': { price: 17_500, volatility: 0.03 },
  minyakita: { price: 16_500, volatility: 0.02 },
  'minyak-goreng-premium': { price: 21_000, volatility: 0.02 },
  'gula-pasir': { price: 17_500, volatility: 0.03 },
  'telur-ayam-ras': { price: 29_000, volatility: 0.07 },
  'daging-ayam-ras': { price: 36_000, volatility: 0.07 },
  'daging-sapi': { price: 135_000, volatility: 0.03 },
  'tepung-terigu': { price: 12_000, volatility: 0.02 },
  kedelai: { price: 11_000, volatility: 0.03 },
  'jagung-pipilan': { price: 8_000, volatility: 0.05 },
  garam: { price: 10_000, volatility: 0.02 },
  'ikan-bandeng': { price: 35_000, volatility: 0.06 },
  'ikan-kembung': { price: 40_000, volatility: 0.06 },
};

/** Idul Fitri (1 Syawal) per the government's calendar; prices rise in the month before. */
const idulFitri = ['2023-04-22', '2024-04-10', '2025-03-31', '2026-03-20', '2027-03-10', '2028-02-27', '2029-02-14', '2030-02-04'];

/** Rupiah steps traders price in. */
function step(price: number): number {
  return price >= 50_000 ? 500 : price >= 20_000 ? 250 : 50;
}

/**
 * Generates `days` of daily prices up to today for every market and commodity in ONE SQL statement
 * (row-by-row inserts from JS are ~4k/s on the embedded database). Deterministic: every random-looking
 * number is an md5 of the market, commodity and date, so the same config gives the same prices.
 */
export async function seedDemoPrices(ctx: Ctx, days: number): Promise<void> {
  if (days <= 0) return;
  const end = todayIn(ctx.region.timeZone, ctx.clock.now());
  const start = addDays(end, -(days - 1));
  const markets = JSON.stringify(ctx.options.markets.map((market) => ({ id: market.id })));
  const commodities = JSON.stringify(
    ctx.options.commodities.map((commodity) => {
      const profile = demoProfiles[commodity.id] ?? { price: 25_000, volatility: 0.05 };
      return { id: commodity.id, base: profile.price, vol: profile.volatility, step: step(profile.price) };
    }),
  );
  // Today's prices of the last market stay a draft, so the demo supervisor has something to publish.
  const draftMarket = ctx.options.markets.length > 1 ? ctx.options.markets.at(-1)!.id : '';
  await sql`
    INSERT INTO harga_pasar_prices (date, market_id, commodity_id, price, status, entered_at, published_at, updated_at)
    WITH m AS (
      SELECT id FROM jsonb_to_recordset(${markets}::jsonb) AS x(id text)
    ), c AS (
      SELECT id, base, vol, step FROM jsonb_to_recordset(${commodities}::jsonb) AS x(id text, base int, vol float8, step int)
    ), d AS (
      SELECT g::date AS day FROM generate_series(${start}::date, ${end}::date, interval '1 day') AS g
    ), lebaran AS (
      SELECT unnest(${`{${idulFitri.join(',')}}`}::date[]) AS day
    ), u AS (
      -- uniform numbers in [0, 1) from md5: ((signed 32 bits) + 2^31) / 2^32
      SELECT d.day, c.id AS commodity_id, c.base, c.vol, c.step,
        ((('x' || substr(md5(c.id || d.day::text), 1, 8))::bit(32)::int)::float8 + 2147483648) / 4294967296 AS common_noise,
        ((('x' || substr(md5(c.id), 1, 8))::bit(32)::int)::float8 + 2147483648) / 4294967296 AS phase,
        (SELECT min(l.day - d.day) FROM lebaran l WHERE l.day - d.day >= -14) AS to_lebaran,
        (d.day - ${end}::date) AS age
      FROM d CROSS JOIN c
    ), city AS (
      -- The city-wide movement of a commodity: a three-week moving average of daily shocks (weather, harvest),
      -- a yearly cycle, the Ramadan/Idul Fitri rise and a slow inflation trend.
      SELECT day, commodity_id, base, vol, step,
        (1 + vol * 8 * avg(common_noise - 0.5) OVER (PARTITION BY commodity_id ORDER BY day ROWS BETWEEN 20 PRECEDING AND CURRENT ROW))
        * (1 + vol * 0.5 * sin(2 * pi() * (extract(doy FROM day) / 365.0 + phase)))
        * (1 + CASE
            WHEN to_lebaran BETWEEN 0 AND 30 THEN (0.05 + vol * 0.6) * (1 - to_lebaran / 30.0)
            WHEN to_lebaran BETWEEN -14 AND -1 THEN (0.05 + vol * 0.6) * (1 + to_lebaran / 14.0)
            ELSE 0 END)
        * (1 + 0.03 * age / 365.0) AS factor
      FROM u
    ), p AS (
      SELECT city.day, m.id AS market_id, city.commodity_id, city.step,
        city.base * city.factor
        -- each market sits a little above or below the city (±6%), a little differently per commodity (±3%)
        * (0.94 + 0.12 * ((('x' || substr(md5(m.id), 1, 8))::bit(32)::int)::float8 + 2147483648) / 4294967296)
        * (0.97 + 0.06 * ((('x' || substr(md5(m.id || city.commodity_id), 1, 8))::bit(32)::int)::float8 + 2147483648) / 4294967296)
        * (1 + (0.02 + city.vol * 0.1) * (((('x' || substr(md5(m.id || city.commodity_id || city.day::text), 1, 8))::bit(32)::int)::float8 + 2147483648) / 4294967296 - 0.5))
          AS raw,
        -- about one market day in a hundred is not collected (officer absent, market closed), never in the last week
        ((('x' || substr(md5(city.day::text || m.id), 1, 8))::bit(32)::int)::float8 + 2147483648) / 4294967296 AS skip
      FROM city CROSS JOIN m
    )
    SELECT day, market_id, commodity_id,
      greatest(step, (round(raw / step) * step)::int),
      CASE WHEN day = ${end}::date AND market_id = ${draftMarket} THEN 'draft' ELSE 'published' END,
      (day + time '09:30') AT TIME ZONE ${ctx.region.timeZone},
      CASE WHEN day = ${end}::date AND market_id = ${draftMarket} THEN NULL ELSE (day + time '13:00') AT TIME ZONE ${ctx.region.timeZone} END,
      (day + time '13:00') AT TIME ZONE ${ctx.region.timeZone}
    FROM p
    WHERE skip >= 0.01 OR day > ${end}::date - 7
  `.execute(ctx.db);
}
