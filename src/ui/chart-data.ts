// Builds the tension chart's data from the session: the overall line, the top three pairs, the bands.
import type { SessionData } from '../store/session';
import { bandSpans, topPairs } from '../store/ui-view';
import { OVERALL_COLOUR, PAIR_COLOURS, type ChartData } from './chart';

export function chartData(s: SessionData, markers?: ChartData['markers']): ChartData {
  const top = topPairs(s, 3);
  return {
    dates: s.days.map((d) => d.date),
    span: s.scenario?.data.meta.turnLimit ?? 90,
    bands: bandSpans(s),
    markers,
    lines: [
      { label: 'Overall', colour: OVERALL_COLOUR, width: 2.5, values: s.days.map((d) => d.overall) },
      ...top.map((p, i) => ({ label: p.label, colour: PAIR_COLOURS[i]!, width: 1.5, dash: i === 2 ? [4, 3] : undefined, values: s.days.map((d) => d.tensions[p.index]!) })),
    ],
  };
}

/** The legend entries for the same lines. */
export function chartLegend(s: SessionData): { label: string; colour: string; dashed: boolean }[] {
  return [{ label: 'Overall', colour: OVERALL_COLOUR, dashed: false }, ...topPairs(s, 3).map((p, i) => ({ label: p.label, colour: PAIR_COLOURS[i]!, dashed: i === 2 }))];
}
