/** Reads a package's CHANGELOG.md as changesets writes it: "## 0.2.0", "### Major Changes", "- entry". */
import semver from 'semver';

export interface ChangelogRelease {
  version: string;
  sections: { title: string; breaking: boolean; entries: string[] }[];
}

export function parseChangelog(text: string): ChangelogRelease[] {
  const releases: ChangelogRelease[] = [];
  let release: ChangelogRelease | undefined;
  let section: ChangelogRelease['sections'][number] | undefined;
  let blank = 0;
  for (const line of text.split(/\r?\n/)) {
    const version = /^##\s+v?(\d+\.\d+\.\d+\S*)\s*$/.exec(line);
    if (version) {
      release = { version: version[1]!, sections: [] };
      releases.push(release);
      section = undefined;
      continue;
    }
    const heading = /^###\s+(.+?)\s*$/.exec(line);
    if (heading && release) {
      section = { title: heading[1]!, breaking: /major|breaking/i.test(heading[1]!), entries: [] };
      release.sections.push(section);
      continue;
    }
    if (!release || !section) continue;
    if (/^- /.test(line)) {
      section.entries.push(line.slice(2).trim());
      blank = 0;
    } else if (line.trim() === '') {
      blank++;
    } else if (/^\s+\S/.test(line) && section.entries.length > 0) {
      section.entries[section.entries.length - 1] += `${'\n'.repeat(blank + 1)}${line.replace(/^ {2}/, '')}`;
      blank = 0;
    }
  }
  return releases;
}

/** Releases after `from` up to and including `to`, newest first. */
export function changesBetween(text: string, from: string, to: string): ChangelogRelease[] {
  return parseChangelog(text).filter((release) => semver.valid(release.version) && semver.gt(release.version, from) && semver.lte(release.version, to));
}

/** Plain text for the terminal; breaking changes marked "BREAKING". */
export function formatChanges(packageName: string, from: string, to: string, releases: ChangelogRelease[]): string {
  const lines = [`${packageName} ${from} → ${to}`];
  if (releases.length === 0) lines.push('  (no changelog entries found)');
  for (const release of releases) {
    lines.push(`  ${release.version}`);
    for (const section of release.sections) {
      for (const entry of section.entries) {
        const [first, ...rest] = entry.split('\n');
        const mark = section.breaking || /\bBREAKING\b/.test(entry) ? 'BREAKING ' : '';
        lines.push(`    - ${mark}${first}`, ...rest.map((line) => (line ? `      ${line}` : '')));
      }
    }
  }
  return lines.join('\n');
}
