// Opening the Tweak panel on one parameter from another screen (the Odds panel's tornado chart): the Tweak
// button (tweak-button.ts) registers how it opens the panel there; other screens call openTweakAt(key)
// without loading the panel's chunk themselves.

/** Opens the panel on the parameter with this key (e.g. "pairs.0.fear"); false when it cannot (no game in play). */
type Opener = (key: string) => boolean;

let opener: Opener | null = null;

/** Set by the Tweak button (null: none). */
export function setTweakOpener(fn: Opener | null): void {
  opener = fn;
}

/**
 * Opens the Tweak panel with the parameter's folders unfolded, its slider in view and focused. Returns
 * false when there is no Tweak panel to open (no game in play, or the replay viewer).
 */
export function openTweakAt(key: string): boolean {
  return opener?.(key) ?? false;
}
