// Unit symbols seen from the player's side. A scenario writes its APP-6 / MIL-STD-2525 symbols from one
// side's point of view (Allied Resolve: from Kyiv and NATO, so Russian units are hostile). When the
// player's own units are hostile in that view, every friendly and hostile identity swaps, so the
// player's forces are friendly (blue rectangles) and the other side's hostile (red diamonds).

/** The symbol's standard identity as written: 'friend', 'hostile', or another (neutral, unknown…). */
export function identity(sidc: string): 'friend' | 'hostile' | 'other' {
  if (/^\d{20,30}$/.test(sidc)) return sidc[3] === '3' || sidc[3] === '2' ? 'friend' : sidc[3] === '6' || sidc[3] === '5' ? 'hostile' : 'other';
  const c = sidc[1]?.toUpperCase();
  return c === 'F' || c === 'A' || c === 'D' || c === 'M' ? 'friend' : c === 'H' || c === 'S' || c === 'J' || c === 'K' ? 'hostile' : 'other';
}

const LETTER_SWAP: Record<string, string> = { F: 'H', H: 'F', A: 'S', S: 'A', D: 'J', J: 'D', M: 'K', K: 'M' };
const DIGIT_SWAP: Record<string, string> = { '3': '6', '6': '3', '2': '5', '5': '2' };

/** The same symbol with friend and hostile swapped (assumed/suspect and exercise identities too). */
export function swapIdentity(sidc: string): string {
  if (/^\d{20,30}$/.test(sidc)) return sidc.slice(0, 3) + (DIGIT_SWAP[sidc[3]!] ?? sidc[3]!) + sidc.slice(4);
  const c = sidc[1]!;
  const to = LETTER_SWAP[c.toUpperCase()];
  if (!to) return sidc;
  return sidc[0]! + (c === c.toLowerCase() ? to.toLowerCase() : to) + sidc.slice(2);
}

/**
 * Whether the symbols must swap for a viewer whose own units carry these symbols: yes when they are
 * written as hostile (an observer, or a side with no units, sees the scenario's own view).
 */
export function swapsFor(ownSymbols: readonly string[]): boolean {
  const ids = ownSymbols.map(identity);
  return ids.includes('hostile') && !ids.includes('friend');
}
