/** Up to two initials of a name: "Pandeglang Live" → "PL", "Kabupaten Pandeglang" → "P". */
export function initialsOf(name: string): string {
  const words = name
    .replace(/^(Kabupaten|Kota|Kab\.)\s+/i, '')
    .split(/\s+/)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+/u, ''))
    .filter(Boolean);
  return words
    .slice(0, 2)
    .map((word) => word[0]!.toUpperCase())
    .join('');
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** A placeholder logo: the initials on the primary colour with an accent ring, until the region puts its own. */
export function placeholderLogo(name: string, colors: { primary: string; accent: string; onPrimary?: string }): string {
  const initials = escapeXml(initialsOf(name) || 'K');
  const fontSize = initials.length > 1 ? 40 : 52;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 128 128" role="img" aria-label="${escapeXml(name)}">
  <title>${escapeXml(name)}</title>
  <circle cx="64" cy="64" r="60" fill="${colors.primary}"/>
  <circle cx="64" cy="64" r="52" fill="none" stroke="${colors.accent}" stroke-width="6"/>
  <text x="64" y="64" dy="0.35em" text-anchor="middle" font-family="system-ui, sans-serif" font-weight="700" font-size="${fontSize}" fill="${colors.onPrimary ?? '#ffffff'}">${initials}</text>
</svg>
`;
}
