/**
 * scripts/check-changesets.mjs (the changeset check of `pnpm test`) on throwaway git repositories: a published
 * package changed since its last release fails without a pending changeset; tests and READMEs need none; a release
 * (version bump, tag) starts the count again; a shallow clone is refused with a way out.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './helpers.js';

const script = fileURLToPath(new URL('../../../scripts/check-changesets.mjs', import.meta.url));
let temp: ReturnType<typeof tempDir>;
let repo: string;

const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8', stdio: 'pipe' });
const write = (path: string, text: string) => {
  mkdirSync(join(repo, path, '..'), { recursive: true });
  writeFileSync(join(repo, path), text);
};
const commit = (message: string) => {
  git('add', '-A');
  git('commit', '-q', '-m', message);
};
const check = (root = repo) => {
  const result = spawnSync(process.execPath, [script, '--root', root], { encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
};

beforeAll(() => {
  temp = tempDir('kota-changesets-');
  repo = join(temp.dir, 'repo');
  mkdirSync(repo);
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'test@example.com');
  git('config', 'user.name', 'Test');
  write('packages/a/package.json', JSON.stringify({ name: '@kota-kit/a', version: '0.1.0' }, null, 2));
  write('packages/a/src/index.ts', 'export const a = 1;\n');
  write('packages/private/package.json', JSON.stringify({ name: '@kota-kit/private', version: '0.1.0', private: true }, null, 2));
  write('packages/private/src/index.ts', 'export const p = 1;\n');
  write('.changeset/README.md', '# Changesets\n');
  commit('first');
});
afterAll(() => temp.cleanup());

describe('the changeset check', () => {
  it('fails on a package never released without a changeset, naming it and what to do', () => {
    const { status, output } = check();
    expect(status).toBe(1);
    expect(output).toContain('✖ @kota-kit/a changed since never released');
    expect(output).toContain('packages/a/src/index.ts');
    expect(output).toContain('Run `pnpm changeset`, pick @kota-kit/a');
    expect(output).not.toContain('@kota-kit/private');
  });

  it('passes once a pending changeset names the package', () => {
    write('.changeset/a-first.md', "---\n'@kota-kit/a': minor\n---\n\nFirst release.\n");
    const { status, output } = check();
    expect(status, output).toBe(0);
    expect(output).toContain('@kota-kit/a: 2 changed file(s) since never released');
    commit('changeset');
  });

  it('counts from the release: tag, then version bump; tests and README need no changeset', () => {
    // what `changeset version` + `changeset publish` leave behind
    write('packages/a/package.json', JSON.stringify({ name: '@kota-kit/a', version: '0.2.0' }, null, 2));
    write('packages/a/CHANGELOG.md', '# @kota-kit/a\n\n## 0.2.0\n\n### Minor Changes\n\n- First release.\n');
    rmSync(join(repo, '.changeset/a-first.md'));
    commit('Version packages');
    git('tag', '@kota-kit/a@0.2.0');
    expect(check().output).toContain('@kota-kit/a: unchanged since tag @kota-kit/a@0.2.0');

    write('packages/a/test/a.test.ts', 'test\n');
    write('packages/a/README.md', '# a\n');
    commit('tests and docs');
    expect(check().status).toBe(0);

    write('packages/a/src/index.ts', 'export const a = 2;\n');
    commit('change a');
    const tagged = check();
    expect(tagged.status).toBe(1);
    expect(tagged.output).toContain('✖ @kota-kit/a changed since tag @kota-kit/a@0.2.0 without a changeset:\n      packages/a/src/index.ts');

    // the same without the tag (not pushed): the commit that set the version is the release
    git('tag', '-d', '@kota-kit/a@0.2.0');
    expect(check().output).toMatch(/✖ @kota-kit\/a changed since version 0\.2\.0 set in [0-9a-f]{8} without a changeset/);

    // uncommitted work counts too
    git('checkout', '-q', 'HEAD~1', '--', 'packages/a/src/index.ts');
    expect(check().status).toBe(0);
    write('packages/a/src/new.ts', 'export {};\n');
    expect(check().output).toContain('packages/a/src/new.ts');
    rmSync(join(repo, 'packages/a/src/new.ts'));
  });

  it('refuses a shallow clone, saying how to get the history', () => {
    const shallow = join(temp.dir, 'shallow');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo}`, shallow]);
    const { status, output } = check(shallow);
    expect(status).toBe(1);
    expect(output).toContain('shallow clone');
    expect(output).toContain('git fetch --unshallow --tags');
  });
});
