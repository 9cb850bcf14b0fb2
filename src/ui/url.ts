// URL parameters that start a game straight away: ?scenario=ID&seed=S&role=ID&autoplay=1&speed=N
// (&alerts=0: autoplay does not pause for alerts)
// (scenario by meta id or by file name, with or without "scenarios/" and the extension).
import type { CatalogueEntry } from '../store/session';

export interface LaunchParams {
  file: string;
  seed: string;
  role: string;
  autoplay: boolean;
  speed: 1 | 2 | 3;
  /** Autoplay pauses for alerts (the default), or not (&alerts=0). */
  alerts: boolean;
}

/** The game the URL asks for, or null (show the menu); an error text when the scenario is unknown. */
export function readLaunch(search: string, catalogue: CatalogueEntry[]): LaunchParams | { error: string } | null {
  const q = new URLSearchParams(search);
  const want = q.get('scenario');
  if (!want) return null;
  const norm = (f: string) => f.replace(/^scenarios\//, '').replace(/\.(ya?ml|json)$/, '');
  const entry = catalogue.find((c) => c.id === want && !c.error) ?? catalogue.find((c) => c.file === want || norm(c.file) === norm(want));
  if (!entry) return { error: `No bundled scenario is called '${want}'.` };
  const sp = Number(q.get('speed') ?? '2');
  return {
    file: entry.file,
    seed: q.get('seed') || '1',
    role: q.get('role') || 'observer',
    autoplay: q.get('autoplay') === '1' || q.get('autoplay') === 'true',
    speed: sp === 1 || sp === 3 ? sp : 2,
    alerts: q.get('alerts') !== '0' && q.get('alerts') !== 'false',
  };
}

/** Writes the running game into the address bar (so it can be shared), without reloading; a forced map renderer (?renderer=) stays. */
export function writeLaunch(p: { file: string; id: string; seed: string; role: string }): void {
  const q = new URLSearchParams({ scenario: p.id, seed: p.seed, role: p.role });
  const renderer = new URLSearchParams(location.search).get('renderer');
  if (renderer) q.set('renderer', renderer);
  history.replaceState(null, '', `${location.pathname}?${q.toString()}`);
}
