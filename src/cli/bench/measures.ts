// The bench's figures: one Measure per JSON key, with its target when it has one, printed as a table row
// the moment it is measured (table mode) or gathered into one JSON object (--json).

export interface Measure {
  key: string;
  label: string;
  value: number;
  unit: string;
  target?: string;
  ok?: boolean;
}

export class Report {
  readonly measures: Measure[] = [];
  /** Facts that are not figures (which renderer the game chose), added to the JSON object as strings. */
  readonly facts: Record<string, string> = {};
  constructor(private readonly json: boolean) {}

  add(...ms: Measure[]): void {
    for (const m of ms) {
      this.measures.push(m);
      if (!this.json) {
        const mark = m.ok === undefined ? '  ' : m.ok ? 'ok' : '!!';
        process.stdout.write(`${mark} ${m.label.padEnd(66)} ${String(m.value).padStart(10)} ${m.unit.padEnd(8)} ${m.target ? `target ${m.target}` : ''}\n`);
      }
    }
  }

  /** Progress and notes: stderr, so --json stays one object on stdout. */
  note(msg: string): void {
    process.stderr.write(`bench: ${msg}\n`);
  }

  fact(key: string, value: string): void {
    this.facts[key] = value;
    this.note(`${key}: ${value}`);
  }

  doc(extra: Record<string, number | string>): Record<string, number | string> {
    const doc: Record<string, number | string> = { ...extra, ...this.facts };
    for (const m of this.measures) doc[m.key] = m.value;
    return doc;
  }

  failed(): boolean {
    return this.measures.some((m) => m.ok === false);
  }
}

export const r2 = (x: number): number => Math.round(x * 100) / 100;
