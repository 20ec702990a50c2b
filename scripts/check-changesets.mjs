#!/usr/bin/env node
// Fails when a published package changed since its last release without a pending changeset that names it.
//
// "Since its last release" is, per package:
//   1. the git tag `<name>@<version>` that `changeset publish` creates for the version in its package.json, else
//   2. the last commit that changed the `version` field of its package.json (`changeset version` writes it when a
//      release is cut, so this is the release commit even when the tag was not pushed), else
//   3. the commit that added the package (never released: every change since then needs a changeset).
// A change is any file under the package that ships or builds what ships (src/, package.json, tsup config, files
// listed in `files`), committed or still in the working tree; tests, benchmarks, README and CHANGELOG are not.
// Pending changesets are the `.changeset/*.md` files (`changeset version` deletes them at release).
//
// Works on a clean clone with full history (CI clones main with its history); refuses a shallow clone, where the
// base commits would be missing, with a message saying how to fix it.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Files a region never receives from a package: a change to them alone needs no changeset. */
export const notShipped = [/(^|\/)test\//, /(^|\/)e2e\//, /(^|\/)bench\//, /\.test\.tsx?$/, /(^|\/)README\.md$/, /(^|\/)CHANGELOG\.md$/, /(^|\/)API\.md$/, /(^|\/)vitest\.config\.ts$/, /(^|\/)tsconfig\.json$/, /(^|\/)\.gitignore$/];

/** Folders whose changes ship inside another package: @kota-kit/cli carries the module template. */
export const shippedFrom = { '@kota-kit/cli': ['packages/module-template/src', 'packages/module-template/package.json'] };

function git(root, args) {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

function tryGit(root, args) {
  try {
    return git(root, args);
  } catch {
    return '';
  }
}

/** The packages that publish: packages/* whose package.json is not private. */
export function publishedPackages(root) {
  return readdirSync(join(root, 'packages'))
    .map((folder) => join('packages', folder))
    .filter((dir) => existsSync(join(root, dir, 'package.json')))
    .map((dir) => ({ dir, pkg: JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) }))
    .filter(({ pkg }) => !pkg.private)
    .map(({ dir, pkg }) => ({ dir, name: pkg.name, version: pkg.version }));
}

/** Package names named in the front matter of the pending changesets. */
export function pendingChangesets(root) {
  const dir = join(root, '.changeset');
  const named = new Map();
  if (!existsSync(dir)) return named;
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.md') && name !== 'README.md')) {
    const text = readFileSync(join(dir, file), 'utf8');
    const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
    if (!front) continue;
    for (const line of front[1].split(/\r?\n/)) {
      const entry = /^\s*['"]?([^'":]+)['"]?\s*:\s*(major|minor|patch)\s*$/.exec(line);
      if (entry) named.set(entry[1], [...(named.get(entry[1]) ?? []), file]);
    }
  }
  return named;
}

/** The commit a package was last released at, and how it was found. */
export function releaseBase(root, { dir, name, version }) {
  const tag = `${name}@${version}`;
  const tagged = tryGit(root, ['rev-parse', '--verify', '--quiet', `refs/tags/${tag}^{commit}`]);
  if (tagged) return { commit: tagged, how: `tag ${tag}` };
  const versionCommits = tryGit(root, ['log', '--format=%H', '-G', '"version"[[:space:]]*:', '--', join(dir, 'package.json')]).split('\n').filter(Boolean);
  const added = tryGit(root, ['log', '--format=%H', '--diff-filter=A', '--', join(dir, 'package.json')]).split('\n').filter(Boolean).pop();
  // The oldest commit touching the version line is the one that added the package: that is "never released".
  const lastVersionChange = versionCommits.find((commit) => commit !== added);
  if (lastVersionChange) return { commit: lastVersionChange, how: `version ${version} set in ${lastVersionChange.slice(0, 8)}` };
  if (added) return { commit: `${added}^`, how: `never released (added in ${added.slice(0, 8)})`, root: !tryGit(root, ['rev-parse', '--verify', '--quiet', `${added}^`]) };
  return { commit: null, how: 'never released (not committed yet)' };
}

/** Files changed under `paths` since `base` (committed and in the working tree, untracked included). */
export function changedFiles(root, base, paths) {
  const files = new Set();
  const committed = base.commit
    ? base.root
      ? tryGit(root, ['ls-files', '--', ...paths])
      : tryGit(root, ['diff', '--name-only', base.commit, '--', ...paths])
    : '';
  for (const file of committed.split('\n').filter(Boolean)) files.add(file);
  for (const file of tryGit(root, ['ls-files', '--others', '--exclude-standard', '--', ...paths]).split('\n').filter(Boolean)) files.add(file);
  if (!base.commit) for (const file of tryGit(root, ['ls-files', '--', ...paths]).split('\n').filter(Boolean)) files.add(file);
  return [...files].filter((file) => !notShipped.some((pattern) => pattern.test(file))).sort();
}

export function checkChangesets(root) {
  if (tryGit(root, ['rev-parse', '--is-shallow-repository']) === 'true') {
    return { ok: false, lines: ['check-changesets: this is a shallow clone, so the last release of each package cannot be found. Fetch the history first: git fetch --unshallow --tags'] };
  }
  if (!tryGit(root, ['rev-parse', 'HEAD'])) return { ok: false, lines: ['check-changesets: not a git repository with commits; the check compares against past releases.'] };
  const pending = pendingChangesets(root);
  const lines = [];
  let ok = true;
  for (const item of publishedPackages(root)) {
    const base = releaseBase(root, item);
    const changed = changedFiles(root, base, [item.dir, ...(shippedFrom[item.name] ?? [])]);
    const changesets = pending.get(item.name) ?? [];
    if (changed.length === 0) {
      lines.push(`  ${item.name}: unchanged since ${base.how}`);
    } else if (changesets.length > 0) {
      lines.push(`  ${item.name}: ${changed.length} changed file(s) since ${base.how}, changeset ${changesets.join(', ')}`);
    } else {
      ok = false;
      lines.push(
        `✖ ${item.name} changed since ${base.how} without a changeset:`,
        ...changed.slice(0, 10).map((file) => `      ${file}`),
        ...(changed.length > 10 ? [`      … and ${changed.length - 10} more`] : []),
        `    Run \`pnpm changeset\`, pick ${item.name}, and write what a region upgrading will notice.`,
      );
    }
  }
  return { ok, lines };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  // --root <dir>: check another repository (the tests use throwaway ones).
  const rootFlag = process.argv.indexOf('--root');
  const root = rootFlag > 0 ? process.argv[rootFlag + 1] : fileURLToPath(new URL('..', import.meta.url));
  const { ok, lines } = checkChangesets(root);
  console.log(`Changesets (${relative(process.cwd(), join(root, '.changeset')) || '.changeset'}):\n${lines.join('\n')}`);
  if (!ok) {
    console.error('\nA published package changed without a changeset: see CONTRIBUTING.md.');
    process.exit(1);
  }
}
