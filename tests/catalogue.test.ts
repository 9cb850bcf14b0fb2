// The menu's list read at build time (src/dev/scenario-catalogue.ts) is what the page would read itself
// with the model's loader; a prebuilt entry is dropped for one read afresh once its file (or a base) has
// changed, and a broken file keeps its errors.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { briefing, catalogue, prebuildCatalogue } from '../src/store/catalogue';
import { catalogueModule } from '../src/dev/scenario-catalogue';

const texts: Record<string, string> = {};
for (const n of readdirSync('scenarios').filter((n) => /\.ya?ml$/.test(n)).sort()) texts[`scenarios/${n}`] = readFileSync(`scenarios/${n}`, 'utf8');
const files = Object.keys(texts);
const reader = { read: (p: string) => texts[p] };

describe('the menu list read at build time', () => {
  it('equals the list the page reads itself, briefings included', async () => {
    const pre = prebuildCatalogue(reader, files);
    const json = JSON.parse(JSON.stringify(pre)) as typeof pre;
    expect(catalogue(reader, files, json)).toEqual(catalogue(reader, files));
    for (const f of files) expect(JSON.parse(JSON.stringify(briefing(f, reader)))).toEqual(json.find((p) => p.file === f)!.briefing);
    expect(await catalogueModule('scenarios')).toContain(JSON.stringify(JSON.stringify(pre)).slice(1, 200));
  });

  it('reads a changed file (or a changed base) again, and shows a broken one with its errors', () => {
    const pre = prebuildCatalogue(reader, files);
    const base = 'scenarios/allied-resolve-2022.yaml';
    const renamed = texts[base]!.replace('  title: Allied Resolve 2022\n', '  title: Allied Resolve Renamed\n');
    expect(renamed).not.toBe(texts[base]);
    const changed = { read: (p: string) => (p === base ? renamed : texts[p]) };
    const list = catalogue(changed, files, pre);
    expect(list.find((e) => e.file === base)!.title).toBe('Allied Resolve Renamed');
    expect(briefing(base, changed)!.title).toBe('Allied Resolve Renamed');
    const broken = { read: (p: string) => (p === base ? `${renamed.replace('meta:\n', 'meta:\n  colr: 1\n')}` : texts[p]) };
    const bad = catalogue(broken, files, pre);
    expect(bad.find((e) => e.file === base)!.error).toContain('colr');
    expect(briefing(base, broken)).toBeNull();
    // Back to the texts it was built from: the prebuilt entries again.
    expect(catalogue(reader, files, pre)).toEqual(pre.map((p) => p.entry));
    expect(briefing(base, reader)!.title).toBe('Allied Resolve 2022');
  });
});
