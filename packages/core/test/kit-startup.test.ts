// Start-up rules of the module kit: a module's migrations may only touch its own tables, and a region whose
// holiday calendar misses this year or the next is warned.
import { describe, expect, it } from 'vitest';
import { createServer, defineServerModule, foreignObjects, type Logger } from '../src/server/index.js';
import { fixtureHost } from './fixture/host.js';
import { fixtureNotes } from './fixture/module.js';

describe('table prefix rule', () => {
  it('lists every object outside the module prefix a migration creates, changes or writes', () => {
    const sqlText = `
      -- a comment naming core_users is not a statement
      CREATE TABLE IF NOT EXISTS laksa_reports (id int, user_id uuid REFERENCES core_users (id));
      ALTER TABLE harga_pasar_prices ADD COLUMN x int;
      CREATE UNIQUE INDEX laksa_i ON core_sessions (user_id);
      INSERT INTO laksa_reports VALUES (1) ON CONFLICT (id) DO UPDATE SET id = 2;
      UPDATE laksa_reports SET title = 'DELETE FROM core_users';
      CREATE TRIGGER laksa_t AFTER INSERT OR UPDATE OF title OR DELETE ON laksa_reports FOR EACH ROW EXECUTE FUNCTION laksa_f();
      CREATE OR REPLACE TRIGGER laksa_spy AFTER INSERT ON core_role_grants FOR EACH ROW EXECUTE FUNCTION laksa_f();
      DELETE FROM core_audit_log;
      COMMENT ON COLUMN laksa_reports.id IS 'ok';`;
    expect(foreignObjects('laksa', sqlText).sort()).toEqual(['core_audit_log', 'core_role_grants', 'core_sessions', 'core_users', 'harga_pasar_prices']);
    expect(foreignObjects('harga-pasar', 'CREATE TABLE harga_pasar_prices (id int); CREATE INDEX harga_pasar_p ON harga_pasar_prices (id);')).toEqual([]);
  });

  it('stops start-up naming the module, the migration and the foreign table', async () => {
    const intruder = defineServerModule(fixtureNotes, { migrations: [{ name: '0001_evil', sql: 'ALTER TABLE core_users ADD COLUMN x int;' }] });
    await expect(createServer({ host: fixtureHost, serverModules: [intruder], jobs: false, logger: quietLogger([]) })).rejects.toThrow(
      /Module "fixture-notes": migration "0001_evil" touches "core_users"; a module may only create or change tables named "fixture_notes_…"/,
    );
  });
});

function quietLogger(warnings: string[]): Logger {
  const logger: Logger = {
    debug: () => undefined,
    info: () => undefined,
    warn: (message, fields) => void warnings.push(`${message} ${JSON.stringify(fields ?? {})}`),
    error: () => undefined,
    child: () => logger,
  };
  return logger;
}

it('warns when region.holidays does not cover the current and the next year', async () => {
  const warnings: string[] = [];
  const server = await createServer({
    host: { ...fixtureHost, region: { ...fixtureHost.region, holidays: [{ date: '2026-12-25', name: 'Natal' }] } },
    serverModules: [defineServerModule(fixtureNotes, {})],
    jobs: false,
    clock: { now: () => new Date('2026-11-30T03:00:00Z') },
    logger: quietLogger(warnings),
  });
  await server.close();
  expect(warnings).toEqual([expect.stringMatching(/region\.holidays does not cover these years.*"years":\[2027\]/)]);
});
