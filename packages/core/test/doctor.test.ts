import { describe, expect, it } from 'vitest';
import { applyMigrations, holdsDemoData, holidayCoverage, openDatabase, pendingMigrations } from '../src/server/index.js';
import { coreMigrations } from '../src/server/core-migrations.js';

const notes = [
  { name: 'doctor_0001_notes', sql: 'create table doctor_notes (id serial primary key)' },
  { name: 'doctor_0002_title', sql: 'alter table doctor_notes add column title text' },
];

describe('what kota doctor asks of a database', () => {
  it('lists the migrations the next start applies, and edited or removed ones', async () => {
    const database = await openDatabase({});
    try {
      const fresh = await pendingMigrations(database, [{ id: 'doctor', migrations: notes }]);
      expect(fresh).toEqual([
        { module: 'core', pending: coreMigrations.map((migration) => migration.name), problems: [] },
        { module: 'doctor', pending: ['doctor_0001_notes', 'doctor_0002_title'], problems: [] },
      ]);
      await applyMigrations(database, 'core', coreMigrations);
      await applyMigrations(database, 'doctor', notes.slice(0, 1));
      expect(await pendingMigrations(database, [{ id: 'doctor', migrations: notes }])).toEqual([
        { module: 'core', pending: [], problems: [] },
        { module: 'doctor', pending: ['doctor_0002_title'], problems: [] },
      ]);
      const edited = [{ ...notes[0]!, sql: 'create table doctor_notes (id bigserial primary key)' }];
      expect((await pendingMigrations(database, [{ id: 'doctor', migrations: edited }]))[1]!.problems).toEqual(['migration "doctor_0001_notes" was edited after it was applied']);
      expect((await pendingMigrations(database, [{ id: 'doctor', migrations: [] }]))[1]!.problems).toEqual(['migration "doctor_0001_notes" was applied but is no longer shipped']);
      expect(await holdsDemoData(database)).toBe(false);
    } finally {
      await database.close();
    }
  });

  it('says which of this year and the next have no holidays', () => {
    const today = new Date('2026-11-30T00:00:00Z');
    expect(holidayCoverage({ holidays: [{ date: '2026-12-25', name: 'Natal' }] }, today)).toEqual({ years: [2026, 2027], missing: [2027] });
    expect(holidayCoverage({ holidays: [] }, today).missing).toEqual([2026, 2027]);
  });
});
