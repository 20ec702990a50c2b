/** Server entry: one Node process serves the API and the built browser app. Settings come from the environment. */
import { fileURLToPath } from 'node:url';
import { createServer } from '@kota-kit/core/server';
import host from '../kota.config.js';

const demo = process.argv.includes('--demo') || process.env.KOTA_DEMO === '1';
const port = Number(process.env.PORT ?? 3000);

let server: Awaited<ReturnType<typeof createServer>>;
try {
  server = await createServer({
    host,
    // Resolve `<package>/server` from this host's own dependencies.
    importModule: (specifier) => import(specifier),
    databaseUrl: process.env.DATABASE_URL,
    dataDir: process.env.KOTA_DATA_DIR ?? fileURLToPath(new URL('../../.data/db', import.meta.url)),
    uploadsDir: process.env.KOTA_UPLOADS_DIR ?? fileURLToPath(new URL('../../.data/uploads', import.meta.url)),
    clientDir: fileURLToPath(new URL('../client', import.meta.url)),
    // Pages arrive with their first view rendered from the same components (src/render.ts).
    renderEntry: fileURLToPath(new URL('../render/render.js', import.meta.url)),
    // Daily snapshots of the embedded database (or pg_dump of PostgreSQL) and the uploads.
    backups: {
      dir: process.env.KOTA_BACKUP_DIR ?? fileURLToPath(new URL('../../.data/backups', import.meta.url)),
      keepDays: Number(process.env.KOTA_BACKUP_KEEP_DAYS ?? 7),
    },
    demo,
    // The number of reverse proxies in front (KOTA_TRUST_PROXY=1 behind one nginx); 0 or unset: none.
    trustProxy: Number(process.env.KOTA_TRUST_PROXY ?? 0),
    // The origin users reach, e.g. https://live.tangerangkota.go.id: absolute links (Open311, tracking links) come
    // from it, never from the request's Host header. Unset: links are relative to this server.
    publicUrl: process.env.KOTA_PUBLIC_URL,
    secureCookies: process.env.KOTA_SECURE_COOKIES ? process.env.KOTA_SECURE_COOKIES === '1' : undefined,
    bootstrapAdmin:
      process.env.KOTA_ADMIN_EMAIL && process.env.KOTA_ADMIN_PASSWORD ? { email: process.env.KOTA_ADMIN_EMAIL, password: process.env.KOTA_ADMIN_PASSWORD } : undefined,
  });
} catch (error) {
  // A configuration, lock or migration problem is the operator's to fix: say it plainly, without a stack trace.
  const known = ['HostConfigError', 'DataFolderLockedError', 'MigrationError', 'DemoDatabaseError'].includes((error as Error).name);
  console.error(known ? `Cannot start: ${(error as Error).message}` : error);
  process.exit(1);
}
// Demo mode has published passwords: it answers only on this machine unless HOST says otherwise.
await server.listen(port, process.env.HOST ?? (demo ? '127.0.0.1' : '0.0.0.0'));

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
