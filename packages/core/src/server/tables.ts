/**
 * A module declares its tables as TypeScript types (so `ctx.db` is typed); the database defines them with SQL
 * migrations. These two must agree: `generateTableTypes` reads the migrated database and writes the columns as
 * TypeScript, a module's test fails when its generated file is stale, and `TablesMatch` makes the compiler
 * compare the declared tables with the generated ones.
 */
import { sql, type QueryExecutorProvider, type Selectable } from 'kysely';

/** PostgreSQL column types as the drivers return them (int8 and date are parsed by core, see db.ts). */
const typeMap: Record<string, string> = {
  text: 'string', varchar: 'string', bpchar: 'string', uuid: 'string', citext: 'string', inet: 'string', numeric: 'string',
  int2: 'number', int4: 'number', int8: 'number', float4: 'number', float8: 'number',
  bool: 'boolean', timestamptz: 'Date', timestamp: 'Date', date: 'string', time: 'string', interval: 'unknown',
  json: 'unknown', jsonb: 'unknown', bytea: 'Uint8Array', tsvector: 'string',
};

/**
 * TypeScript source with one interface per table of the module (tables named with its prefix). `db` is any
 * Kysely instance (or transaction), whatever tables it declares: only the catalog is read, with raw SQL.
 */
export async function generateTableTypes(db: QueryExecutorProvider, tablePrefix: string, typeName: string): Promise<string> {
  const columns = await sql<{ table_name: string; column_name: string; udt_name: string; is_nullable: 'YES' | 'NO' }>`
    select table_name, column_name, udt_name, is_nullable from information_schema.columns
    where table_schema = 'public' and table_name like ${`${tablePrefix.replaceAll('_', '\\_')}%`}
    order by table_name, ordinal_position`.execute(db);
  const tables = new Map<string, string[]>();
  for (const column of columns.rows) {
    const array = column.udt_name.startsWith('_');
    const base = typeMap[array ? column.udt_name.slice(1) : column.udt_name] ?? 'unknown';
    const type = `${array ? `${base}[]` : base}${column.is_nullable === 'YES' ? ' | null' : ''}`;
    const list = tables.get(column.table_name) ?? [];
    list.push(`    ${column.column_name}: ${type};`);
    tables.set(column.table_name, list);
  }
  const body = [...tables].map(([table, lines]) => `  ${table}: {\n${lines.join('\n')}\n  };`).join('\n');
  return `// Generated from the migrated database by the module's table test; do not edit.
// Regenerate with: KK_UPDATE_TABLES=1 pnpm vitest run <the module's tables test>
export interface ${typeName} {\n${body}\n}\n`;
}

type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never] ? true : false;
type ColumnMatches<Declared, Real> = [Declared] extends [Real] ? ([null] extends [Real] ? ([null] extends [Declared] ? true : false) : true) : false;
type ColumnsMatch<Declared, Real> =
  SameKeys<Declared, Real> extends true
    ? { [C in keyof Real]: C extends keyof Declared ? ColumnMatches<Declared[C], Real[C]> : false }[keyof Real] extends true
      ? true
      : { columnTypesDiffer: { [C in keyof Real as C extends keyof Declared ? (ColumnMatches<Declared[C], Real[C]> extends true ? never : C) : C]: Real[C] } }
    : { columnsDiffer: { onlyDeclared: Exclude<keyof Declared, keyof Real>; onlyInDatabase: Exclude<keyof Real, keyof Declared> } };

/**
 * `true` when every declared table has exactly the database's columns, each of a type the database returns
 * (narrower is fine, e.g. a union of status codes for text) and nullable exactly where the column is.
 * Use: `const tablesMatch: TablesMatch<LaksaTables, GeneratedLaksaTables> = true;` — a mismatch names the table and columns.
 */
export type TablesMatch<Declared, Real> =
  SameKeys<Declared, Real> extends true
    ? { [T in keyof Real]: T extends keyof Declared ? ColumnsMatch<Selectable<Declared[T]>, Real[T]> : false }[keyof Real] extends true
      ? true
      : { [T in keyof Real as T extends keyof Declared ? (ColumnsMatch<Selectable<Declared[T]>, Real[T]> extends true ? never : T) : T]: T extends keyof Declared ? ColumnsMatch<Selectable<Declared[T]>, Real[T]> : 'not declared' }
    : { tablesDiffer: { onlyDeclared: Exclude<keyof Declared, keyof Real>; onlyInDatabase: Exclude<keyof Real, keyof Declared> } };
