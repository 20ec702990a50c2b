import { describe, expect, it } from 'vitest';
import { changesBetween, formatChanges, parseChangelog } from '../src/changelog.js';

const changelog = `# @kota-kit/laksa

## 1.0.0

### Major Changes

- 1a2b3c4: Categories need an \`agency\` of the region.

  Steps: add \`agency\` to each category.

### Patch Changes

- Updated dependencies
  - @kota-kit/core@1.0.0

## 0.2.1

### Patch Changes

- 9f8e7d6: The overdue job skips holidays.

## 0.2.0

### Minor Changes

- Reports can carry three photos.

## 0.1.0

### Minor Changes

- First release.
`;

describe('changelog entries between two versions', () => {
  it('reads changesets\' CHANGELOG.md', () => {
    const releases = parseChangelog(changelog);
    expect(releases.map((release) => release.version)).toEqual(['1.0.0', '0.2.1', '0.2.0', '0.1.0']);
    expect(releases[0]!.sections[0]).toEqual({ title: 'Major Changes', breaking: true, entries: ['1a2b3c4: Categories need an `agency` of the region.\n\nSteps: add `agency` to each category.'] });
  });

  it('prints the releases after the installed one up to the new one, breaking changes marked', () => {
    const between = changesBetween(changelog, '0.2.0', '1.0.0');
    expect(between.map((release) => release.version)).toEqual(['1.0.0', '0.2.1']);
    const text = formatChanges('@kota-kit/laksa', '0.2.0', '1.0.0', between);
    expect(text).toContain('@kota-kit/laksa 0.2.0 → 1.0.0');
    expect(text).toContain('    - BREAKING 1a2b3c4: Categories need an `agency` of the region.');
    expect(text).toContain('      Steps: add `agency` to each category.');
    expect(text).toContain('    - 9f8e7d6: The overdue job skips holidays.');
    expect(text).not.toContain('three photos');
    expect(formatChanges('x', '1.0.0', '1.0.1', [])).toContain('(no changelog entries found)');
  });
});
