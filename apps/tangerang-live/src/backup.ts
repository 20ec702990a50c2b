/**
 * Backup and restore of this host's data (database and uploads), with the same settings as server.ts:
 *   pnpm --filter @kota-kit/tangerang-live backup [file]    (default: KOTA_BACKUP_DIR/kota-backup-<date>.tar.gz)
 *   pnpm --filter @kota-kit/tangerang-live restore <file>   (stop the host first)
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { backupFileName, createBackup, DataFolderLockedError, listBackups, restoreBackup } from '@kota-kit/core/server';

const [command, fileArgument] = process.argv.slice(2);
const databaseUrl = process.env.DATABASE_URL || undefined;
const dataDir = databaseUrl ? undefined : (process.env.KOTA_DATA_DIR ?? fileURLToPath(new URL('../../.data/db', import.meta.url)));
const uploadsDir = process.env.KOTA_UPLOADS_DIR ?? fileURLToPath(new URL('../../.data/uploads', import.meta.url));
const backupDir = process.env.KOTA_BACKUP_DIR ?? fileURLToPath(new URL('../../.data/backups', import.meta.url));
// pnpm runs this in the package's folder; a file named on the command line is meant from where it was typed.
const fromCaller = (path: string) => resolve(process.env.INIT_CWD ?? process.cwd(), path);

try {
  if (command === 'backup') {
    const file = fileArgument ? fromCaller(fileArgument) : join(backupDir, backupFileName(new Date()));
    const manifest = await createBackup({ databaseUrl, dataDir, uploadsDir, file });
    console.log(`Backup written to ${file} (${manifest.kind === 'pglite' ? 'embedded database' : 'PostgreSQL'}, ${manifest.uploadFiles} upload files).`);
  } else if (command === 'restore' && fileArgument) {
    const manifest = await restoreBackup({ file: fromCaller(fileArgument), databaseUrl, dataDir, uploadsDir });
    console.log(`Restored the backup of ${manifest.createdAt} (core ${manifest.coreVersion}, ${manifest.uploadFiles} upload files). Start the host again.`);
  } else {
    console.error('Usage: backup [file] | restore <file>');
    process.exitCode = 2;
  }
} catch (error) {
  if (!(error instanceof DataFolderLockedError)) throw error;
  // A second process must never open the running host's embedded database, not even to copy it.
  const running = `The host is running on ${error.dataDir} (process ${error.holder.pid}, since ${error.holder.startedAt}).`;
  if (command === 'backup') {
    const [newest] = await listBackups(backupDir);
    console.error(
      `${running}\nIt takes a snapshot every day into ${backupDir}` +
        (newest ? ` (newest: ${newest.file}, ${newest.createdAt.toISOString()}).` : ' (none there yet).') +
        '\nFor a backup right now: stop the host, run this command again, then start the host.',
    );
  } else {
    console.error(`${running}\nStop it first: a restore replaces its data folder.`);
  }
  process.exitCode = 1;
}
