// Sharing a game: "Save replay" downloads the replay as brink-<scenario>-<seed>-day<N>.json, and "Copy
// link" (or the viewer's "Copy link to this day", which adds &day=N) puts a link with the replay in its
// fragment on the clipboard — or, where the clipboard is refused, shows the link in a text field,
// selected, to copy by hand. Nothing is uploaded anywhere.
import type { Replay } from '../store/files';
import { replayLink } from '../store/replay-link';
import { h } from './dom';
import { toast } from './toast';
import { downloadText } from './download';

/** The download's file name: brink-<scenario id>-<seed>-day<N>.json (the seed made file-name safe). */
export function replayFileName(r: Replay): string {
  const seed = r.seed.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 40) || 'seed';
  return `brink-${r.scenario.id}-${seed}-day${r.checkpoints.length}.json`;
}

/** Downloads the replay as a JSON file; returns its name. */
export function downloadReplay(r: Replay): string {
  const name = replayFileName(r);
  downloadText(name, `${JSON.stringify(r, null, 1)}\n`, 'application/json');
  toast(`Replay saved as ${name}`);
  return name;
}

/** The page's address without query or fragment: the base of share links. */
export function pageBase(href = location.href): string {
  return href.split(/[?#]/)[0]!;
}

const count = (n: number) => n.toLocaleString('en-US');

/** Copies the replay's share link (opening on `day` when given); falls back to a selected text field. Resolves to the link. */
export async function copyReplayLink(r: Replay, day?: number): Promise<string> {
  const link = replayLink(pageBase(), r, day);
  try {
    if (!navigator.clipboard) throw new Error('no clipboard');
    await navigator.clipboard.writeText(link);
    toast(`${day !== undefined ? `Link to day ${day}` : 'Link'} copied (${count(link.length)} characters)`);
  } catch {
    showLinkField(link);
  }
  return link;
}

let field: HTMLElement | null = null;

/** The fallback: the link in a read-only field, selected, with a close button. */
export function showLinkField(link: string): void {
  field?.remove();
  const input = h('input', { class: 'link-input mono', type: 'text', readonly: true, value: link, 'aria-label': 'Share link', spellcheck: 'false' });
  const close = () => {
    field?.remove();
    field = null;
  };
  field = h(
    'div',
    { class: 'link-field', role: 'dialog', 'aria-label': 'Share link' },
    h('div', { class: 'link-head' }, h('span', {}, `Copy this link (${count(link.length)} characters)`), h('button', { class: 'pop-close', 'aria-label': 'Close', onclick: close }, '×')),
    input,
    h('div', { class: 'link-hint' }, 'The clipboard is not available here: press Ctrl+C (⌘C) to copy the selected link.'),
  );
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') close();
  });
  document.body.appendChild(field);
  input.focus();
  input.select();
}
