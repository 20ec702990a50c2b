/** The README a generated host gets for the region's IT team: start, production, PostgreSQL, proxy, backups, upgrades. */
import { findRegion } from './regions.js';
import type { HostAnswers } from './templates.js';

export function readme(answers: HostAnswers, packageManager: string): string {
  const run = (script: string) => (packageManager === 'npm' ? `npm run ${script}` : `${packageManager} ${script}`);
  const region = findRegion(answers.code);
  return `# ${answers.appName}

The Kota Kit host of **${answers.regionName}** (kode wilayah ${answers.code}${region ? `, Provinsi ${region.province.name}` : ''}), made with \`create-kota-app\`.
The whole app is \`kota.config.ts\`: the region's name, colours, agencies and the modules it runs
(${answers.modules.join(', ')}). Every module is an npm package under \`@kota-kit\`; this folder holds no business logic.

## Start

\`\`\`sh
${packageManager} start
\`\`\`

builds once and serves the app with demo data on the embedded database at <http://localhost:3000> (set \`PORT\` to
change it). Demo accounts all use the password **demo1234** (\`admin@demo.kotakit.id\` is the region admin); demo
mode answers only on this machine. Data is kept in \`.data/\`; delete it to start over.

## Change it

- **Branding**: \`region\` in \`kota.config.ts\` (name, app name, colours, contacts); replace \`public/logo.svg\` with your logo.
- **Agencies (OPD)** and **holidays**: \`region.agencies\`, \`region.holidays\`. Deadlines count working days, so keep
  the national holidays and cuti bersama of this year and the next there.
- **Modules**: \`npx kota add <module>\` / \`npx kota remove <module>\`; \`npx kota modules\` lists what is available,
  including other regions' modules. Each module's README lists its options.
- **Check**: \`npx kota doctor\` checks Node, the config, the database, pending migrations, holiday coverage,
  demo mode and the data folder lock.
- **Your own module**: \`npx kota new-module <name>\` copies the module template into \`modules/<name>\`.

## Production

1. Build: \`${run('build')}\`.
2. Settings come from the environment: see \`.env.example\`. Set at least \`DATABASE_URL\`, \`KOTA_PUBLIC_URL\`,
   \`KOTA_ADMIN_EMAIL\` and \`KOTA_ADMIN_PASSWORD\` (the first admin, created when none exists).
3. Run \`${run('start:production')}\` under a service manager (systemd, pm2, a container) that restarts it.

A database that holds demo data never serves a real deployment: start production on an empty database.

### PostgreSQL

Production should use PostgreSQL 15 or newer: create a database and a user and set
\`DATABASE_URL=postgres://user:password@host:5432/database\`. The host applies every module's migrations at start.
Without \`DATABASE_URL\` it uses the embedded database in \`KOTA_DATA_DIR\`, which one process at a time may open
(a lock file beside the folder says which); for more than one server process use PostgreSQL.

### Reverse proxy

Put nginx (or your load balancer) in front for HTTPS and set \`KOTA_TRUST_PROXY\` to the number of proxies in front
(usually 1), so rate limits see the citizen's address:

\`\`\`nginx
location / {
  proxy_pass http://127.0.0.1:3000;
  proxy_set_header Host $host;
  proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
  proxy_set_header X-Forwarded-Proto $scheme;
  client_max_body_size 32m;
}
\`\`\`

The map uses OpenStreetMap's tiles by default, which are for light use only: with real traffic set
\`region.map.tileUrl\` to your own tile server.

### Backups

The running host copies its database and uploads into \`KOTA_BACKUP_DIR\` every day and keeps
\`KOTA_BACKUP_KEEP_DAYS\` days. Copy that folder to another machine. By hand: \`${run('backup')}\` (on the embedded
database only while the host is stopped); restore with the host stopped: \`${run('restore')} <file>\`.
On PostgreSQL the commands need \`pg_dump\`/\`pg_restore\` of the server's version.

## Upgrading

\`\`\`sh
npx kota upgrade
\`\`\`

moves every \`@kota-kit/*\` package together to the newest compatible release, prints what changed (breaking
changes marked, with the steps to take) and which database migrations will run at the next start. Take a backup,
upgrade, build, restart.

## Sending improvements back

Kota Kit is built by regions together: see CONTRIBUTING.md in the Kota Kit repository for how to send a fix or a
new module upstream.
`;
}
