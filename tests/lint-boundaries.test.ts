// The architecture's boundaries are enforced by lint (eslint.config.js), not by convention: each case
// lints one import as if it were written in a file of that layer, and shows the rule bites (or lets a
// legitimate import through).
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint();

async function problems(filePath: string, code: string): Promise<string[]> {
  const [r] = await eslint.lintText(code, { filePath });
  return r!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const CASES: { name: string; file: string; code: string; forbidden: boolean }[] = [
  { name: 'the model importing the DOM helpers', file: 'src/sim/x.ts', code: "import { h } from '../ui/dom';\nexport const x = h;\n", forbidden: true },
  { name: 'the model importing the store', file: 'src/sim/x.ts', code: "import { createSession } from '../store/session';\nexport const x = createSession;\n", forbidden: true },
  { name: 'the model’s loader importing the command line', file: 'src/sim/scenario/x.ts', code: "import { diskReader } from '../../cli/files';\nexport const x = diskReader;\n", forbidden: true },
  { name: 'the model importing Phaser', file: 'src/sim/x.ts', code: "import Phaser from 'phaser';\nexport const x = Phaser;\n", forbidden: true },
  { name: 'the model importing Node', file: 'src/sim/x.ts', code: "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n", forbidden: true },
  { name: 'the model importing itself', file: 'src/sim/scenario/x.ts', code: "import { compile } from '../model';\nexport const x = compile;\n", forbidden: false },
  { name: 'the model reading the atlas’s borders (plain data)', file: 'src/sim/x.ts', code: "import data from '../../assets/map/borders.json' with { type: 'json' };\nexport const x = data;\n", forbidden: false },
  { name: 'the model reading another asset', file: 'src/sim/x.ts', code: "import data from '../../assets/map/world.json' with { type: 'json' };\nexport const x = data;\n", forbidden: true },
  { name: 'the store going around the model’s index', file: 'src/store/x.ts', code: "import { compile } from '../sim/model';\nexport const x = compile;\n", forbidden: true },
  { name: 'the store through the model’s index', file: 'src/store/x.ts', code: "import { viewOf } from '../sim/index';\nexport const x = viewOf;\n", forbidden: false },
  { name: 'the store importing a screen', file: 'src/store/x.ts', code: "import { h } from '../ui/dom';\nexport const x = h;\n", forbidden: true },
  { name: 'the command line going around the index', file: 'src/cli/bench/x.ts', code: "import { step } from '../../sim/step';\nexport const x = step;\n", forbidden: true },
  { name: 'a worker going around the index', file: 'src/workers/x.ts', code: "import type { Scenario } from '../sim/scenario/load';\nexport type X = Scenario;\n", forbidden: true },
  { name: 'a screen importing the model', file: 'src/ui/x.ts', code: "import { viewOf } from '../sim/index';\nexport const x = viewOf;\n", forbidden: true },
  { name: 'the map importing the model', file: 'src/game/map/x.ts', code: "import type { Model } from '../../sim/model';\nexport type X = Model;\n", forbidden: true },
  { name: 'a screen reading the store', file: 'src/ui/x.ts', code: "import { pairs } from '../store/selectors';\nexport const x = pairs;\n", forbidden: false },
];

describe('lint boundaries', () => {
  for (const c of CASES) {
    it(`${c.forbidden ? 'refuses' : 'allows'} ${c.name}`, async () => {
      const found = await problems(c.file, c.code);
      if (c.forbidden) expect(found.length, `${c.file}: ${c.code}`).toBe(1);
      else expect(found, `${c.file}: ${c.code}`).toEqual([]);
    });
  }
});
