// The model stays pure: src/sim imports nothing from Phaser, the store, the game, Node or the DOM,
// and uses no Math.random, clock or browser globals.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const ALLOWED = [/^\.\.?\//, /^zod$/, /^yaml$/, /^seedrandom\/lib\/alea\.js$/];
const FORBIDDEN = [/Math\.random/, /Date\.now/, /new Date\b/, /performance\.now/, /\bdocument\./, /\bwindow\./, /localStorage/, /\bprocess\./, /\brequire\(/];

describe('src/sim purity', () => {
  const sources = files('src/sim');

  it('has files to check', () => {
    expect(sources.length).toBeGreaterThan(10);
  });

  it.each(sources)('%s imports only the model and pure libraries', (file) => {
    const text = readFileSync(file, 'utf8');
    const specs = [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/g), ...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]!);
    for (const spec of specs) expect(ALLOWED.some((re) => re.test(spec)), `${file} imports '${spec}'`).toBe(true);
    for (const spec of specs.filter((s) => s.startsWith('.'))) expect(spec, `${file} reaches outside src/sim`).not.toMatch(/\.\.\/(store|game|cli)\b/);
  });

  it.each(sources)('%s uses no randomness, clock or DOM outside the seeded generator', (file) => {
    const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    for (const re of FORBIDDEN) expect(re.test(code), `${file} matches ${re}`).toBe(false);
  });
});
