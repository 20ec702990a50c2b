/**
 * The performance targets of issue 12 (harga pasar at 5.5 million price rows), checked against the benchmark's
 * measurements: the board and a year's chart answer within 50 ms on PostgreSQL and 100 ms on the embedded
 * database (median, to the last byte); the year's exports start within 50 ms and stream at 50 MB/s or more (all
 * checked both as browsers ask for them, gzip, and uncompressed; MB/s of the data, not of the compressed bytes).
 */

export interface Measured {
  /** Median time to the last byte. */
  medianMs: number;
  /** Median time to the first byte of the body. */
  firstByteMs: number;
  bytes: number;
}

export type DatabaseKind = 'postgres' | 'embedded';

/** MB of 1024 × 1024 bytes (as the sizes printed), per second to the last byte. */
export const megabytesPerSecond = (measured: Measured) => measured.bytes / 1024 / 1024 / (measured.medianMs / 1000);

interface Target {
  query: string;
  what: string;
  value: (measured: Measured) => number;
  unit: 'ms' | 'MB/s';
  /** The limit on each database; `atLeast` for throughput, otherwise at most. */
  limit: Record<DatabaseKind, number>;
  atLeast?: boolean;
}

const answerMs = { postgres: 50, embedded: 100 };
const firstByteMs = { postgres: 50, embedded: 50 };
const throughput = { postgres: 50, embedded: 50 };

/** Keyed by the benchmark's query labels. */
export const targets: Target[] = [
  ...["today's board", 'commodity chart 1y (average + per market)', "today's board, uncompressed", 'commodity chart 1y, uncompressed'].map(
    (query): Target => ({ query, what: 'median', value: (m) => m.medianMs, unit: 'ms', limit: answerMs }),
  ),
  ...['export.csv 366 days', 'export.json 366 days', 'export.csv 366 days, uncompressed', 'export.json 366 days, uncompressed'].flatMap((query): Target[] => [
    { query, what: 'first byte', value: (m) => m.firstByteMs, unit: 'ms', limit: firstByteMs },
    { query, what: 'throughput', value: megabytesPerSecond, unit: 'MB/s', limit: throughput, atLeast: true },
  ]),
];

/** Rows of the targets table: what, measured, target, ✓ or ✗. */
export function targetRows(results: ReadonlyMap<string, Measured>, database: DatabaseKind): string[][] {
  return targets.flatMap((target) => {
    const measured = results.get(target.query);
    if (!measured) return [];
    const value = target.value(measured);
    const limit = target.limit[database];
    const met = target.atLeast ? value >= limit : value < limit;
    const shown = value >= 100 ? value.toFixed(0) : value.toFixed(1);
    return [[`${target.query}: ${target.what}`, `${shown} ${target.unit}`, `${target.atLeast ? '≥' : '<'} ${limit} ${target.unit}`, met ? '✓' : '✗']];
  });
}
