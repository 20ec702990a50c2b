/**
 * Backup and restore of this host's data (database and uploads), with the same settings as server.ts:
 *   pnpm --filter @kota-kit/tangerang-live backup [file]    (default: KOTA_BACKUP_DIR/kota-backup-<date>.tar.gz)
 *   pnpm --filter @kota-kit/tangerang-live restore <file>   (stop the host first)
 */
import { fileURLToPath } from 'node:url';
import { runBackupCommand } from '@kota-kit/core/server';

process.exitCode = await runBackupCommand({ dataRoot: fileURLToPath(new URL('../../.data', import.meta.url)), args: process.argv.slice(2) });
