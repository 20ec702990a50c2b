/**
 * Modules style themselves on core's design tokens only, so a region's colours (and a future dark theme) reach
 * every module: no raw colour values in any package's CSS but core's own token definitions.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const packagesDir = join(import.meta.dirname, '..', '..');
/** Core defines the design system (tokens in styles/tokens.css, its own components) and is exempt; every module's CSS is checked. */
const coreStyles = join(packagesDir, 'core', 'src');

const namedColours =
  'aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown burlywood cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan darkgoldenrod darkgray darkgreen darkgrey darkkhaki darkmagenta darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen darkslateblue darkslategray darkslategrey darkturquoise darkviolet deeppink deepskyblue dimgray dimgrey dodgerblue firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite gold goldenrod gray green greenyellow grey honeydew hotpink indianred indigo ivory khaki lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan lightgoldenrodyellow lightgray lightgreen lightgrey lightpink lightsalmon lightseagreen lightskyblue lightslategray lightslategrey lightsteelblue lightyellow lime limegreen linen magenta maroon mediumaquamarine mediumblue mediumorchid mediumpurple mediumseagreen mediumslateblue mediumspringgreen mediumturquoise mediumvioletred midnightblue mintcream mistyrose moccasin navajowhite navy oldlace olive olivedrab orange orangered orchid palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff peru pink plum powderblue purple rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown seagreen seashell sienna silver skyblue slateblue slategray slategrey snow springgreen steelblue tan teal thistle tomato turquoise violet wheat white whitesmoke yellow yellowgreen'.split(' ');
const namedColour = new RegExp(`(^|[\\s,(])(${namedColours.join('|')})(?=$|[\\s,)!;])`, 'i');
/** Properties whose value can hold a colour (custom properties too: a module must not mint its own colours). */
const colourProperty = /^(--.*|color|background(-color|-image)?|border(-(top|right|bottom|left|block|inline)(-start|-end)?)?(-color)?|outline(-color)?|fill|stroke|box-shadow|text-shadow|text-decoration(-color)?|caret-color|accent-color|column-rule(-color)?|stop-color|flood-color|lighting-color|scrollbar-color|mask(-image)?|filter)$/i;

interface RawColour {
  line: number;
  declaration: string;
}

/** Declarations holding a raw colour: hex, rgb()/hsl()/… functions, or a named colour in a colour property. */
function rawColours(css: string): RawColour[] {
  const found: RawColour[] = [];
  // Blank out comments but keep line numbers.
  const text = css.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '));
  for (const block of text.matchAll(/\{([^{}]*)\}/g)) {
    let offset = (block.index ?? 0) + 1;
    for (const declaration of block[1]!.split(';')) {
      const colon = declaration.indexOf(':');
      const start = offset;
      offset += declaration.length + 1;
      if (colon < 0) continue;
      const property = declaration.slice(0, colon).trim();
      const value = declaration.slice(colon + 1).trim();
      const raw =
        /#[0-9a-f]{3,8}\b/i.test(value) ||
        /\b(rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(/i.test(value) ||
        (colourProperty.test(property) && namedColour.test(value));
      if (raw) found.push({ line: text.slice(0, start + declaration.search(/\S/)).split('\n').length, declaration: `${property}: ${value}` });
    }
  }
  return found;
}

/** Selectors listed twice in one rule's selector list: the trace of an edit that dropped a rule's declarations. */
function repeatedSelectors(css: string): string[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const repeated: string[] = [];
  for (const rule of text.matchAll(/([^{};]+)\{/g)) {
    const prelude = rule[1]!.trim();
    if (prelude.startsWith('@')) continue;
    // Split at the top-level commas only (not those inside :is(), :not()).
    const selectors: string[] = [];
    let depth = 0;
    let current = '';
    for (const char of prelude) {
      if (char === '(') depth += 1;
      if (char === ')') depth -= 1;
      if (char === ',' && depth === 0) {
        selectors.push(current.trim().replace(/\s+/g, ' '));
        current = '';
      } else current += char;
    }
    selectors.push(current.trim().replace(/\s+/g, ' '));
    const seen = new Set<string>();
    for (const selector of selectors) {
      if (seen.has(selector)) repeated.push(selector);
      seen.add(selector);
    }
  }
  return repeated;
}

function cssFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'dist' ? [] : cssFiles(path);
    return entry.name.endsWith('.css') ? [path] : [];
  });
}

describe('raw colour detection', () => {
  it('finds hex, colour functions and named colours in colour properties', () => {
    const css = `.a { color: #fff; }\n.b { background: rgb(0 0 0 / 0.5); border: 1px solid red; }\n.c { box-shadow: 0 0 2px hsl(0 0% 0%); }\n.d { --mine: white; }`;
    expect(rawColours(css).map((found) => found.declaration)).toEqual([
      'color: #fff',
      'background: rgb(0 0 0 / 0.5)',
      'border: 1px solid red',
      'box-shadow: 0 0 2px hsl(0 0% 0%)',
      '--mine: white',
    ]);
  });

  it('accepts tokens, keywords and words that only look like colours', () => {
    const css = `/* #fff in a comment */\n.a { color: var(--kk-color-text); white-space: nowrap; background: transparent; fill: currentColor; }\n.b:hover { border-color: inherit; font-family: Tan, sans-serif; grid-area: red; }\n@media (max-width: 30rem) { .c { outline: 3px solid var(--kk-color-focus); } }`;
    expect(rawColours(css)).toEqual([]);
  });

  it('reports the line of the declaration', () => {
    expect(rawColours('.a {\n  margin: 0;\n  color: #123456;\n}')).toEqual([{ line: 3, declaration: 'color: #123456' }]);
  });
});

describe('repeated selector detection', () => {
  it('finds a selector listed twice in one rule, not across rules or inside :is()', () => {
    expect(repeatedSelectors('.pk-row,\n.pk-actions,\n.pk-row {\n  justify-content: space-between;\n}')).toEqual(['.pk-row']);
    expect(repeatedSelectors('/* .a, .a { */ .a { color: inherit; }\n.a, .b:is(.c, .c) { margin: 0; }\n@media (min-width: 40rem) { .a { margin: 1px; } }')).toEqual([]);
  });
});

describe('style sheets', () => {
  const files = readdirSync(packagesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      try {
        return cssFiles(join(packagesDir, entry.name, 'src'));
      } catch {
        return [];
      }
    });
  it.each(files.map((file) => [relative(packagesDir, file), file]))('%s lists no selector twice in one rule', (_name, file) => {
    expect(repeatedSelectors(readFileSync(file, 'utf8')), 'a selector listed twice usually means a rule lost its declarations in an edit').toEqual([]);
  });
  it.each(files.map((file) => [relative(packagesDir, file), file]))('%s puts no :has() on html, :root or body', (_name, file) => {
    // Measured on /harga-pasar: one html:has(…) rule doubled the style and layout time of every page in Chromium,
    // which then rechecks the whole document on each change. Set a class on <html> from the component instead.
    const css = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    expect(css.match(/(^|[\s,}])(html|:root|body)[^\s,{]*:has\(/gm) ?? []).toEqual([]);
  });
});

describe('module CSS uses only core design tokens', () => {
  const packages = readdirSync(packagesDir, { withFileTypes: true }).filter((entry) => entry.isDirectory());
  const files = packages.flatMap((entry) => {
    try {
      return cssFiles(join(packagesDir, entry.name, 'src'));
    } catch {
      return [];
    }
  }).filter((file) => !file.startsWith(coreStyles));

  it('finds the module style sheets', () => {
    expect(files.length).toBeGreaterThanOrEqual(2);
  });

  it.each(files.map((file) => [relative(packagesDir, file), file]))('%s has no raw colour values', (_name, file) => {
    const found = rawColours(readFileSync(file, 'utf8')).map((item) => `line ${item.line}: ${item.declaration}`);
    expect(found, 'use core tokens (var(--kk-color-…)); add a token to packages/core/src/styles/tokens.css when one is missing').toEqual([]);
  });
});
