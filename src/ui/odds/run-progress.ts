// The progress line of a long run in the Odds panel (the tornado's and the sweep's): a bar, the games done
// of all, the time elapsed and an estimate of the time left (ticking every half second while it runs),
// and Cancel. What became of the last run stays on it: done in how long, cancelled where, or why it failed.
import { h } from '../dom';
import { formatClock } from './tornado-view';

const num = (n: number) => n.toLocaleString('en-US');

export interface RunStatus {
  status: 'idle' | 'running' | 'done' | 'cancelled' | 'error';
  done: number;
  total: number;
  /** performance.now() at the start. */
  startedAt: number;
  /** The finished run's wall time (ms), for "… in 58.3 s". */
  ms?: number;
  error: string | null;
}

export interface RunProgress {
  el: HTMLElement;
  update(s: RunStatus): void;
  /** Stops the clock (the panel closed). */
  dispose(): void;
}

/** `name` labels the bar for screen readers ("Sensitivity progress"); Cancel calls `cancel`. */
export function runProgress(name: string, cancel: () => void, cls = ''): RunProgress {
  const fill = h('span', { class: 'od-progress-fill' });
  const count = h('span', { class: 'od-progress-n mono' });
  const clock = h('span', { class: 'oa-clock mono' });
  const stop = h('button', { class: 'btn ghost od-cancel', onclick: () => cancel() }, 'Cancel');
  const bar = h('div', { class: 'od-progress-track', role: 'progressbar', 'aria-label': name, 'aria-valuemin': 0 }, fill);
  const el = h('div', { class: `od-progress oa-progress ${cls}` }, bar, h('span', { class: 'oa-progress-t' }, count, clock), stop);
  let last: RunStatus | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;

  function paint(s: RunStatus): void {
    const running = s.status === 'running';
    el.hidden = s.status === 'idle';
    el.classList.toggle('running', running);
    bar.setAttribute('aria-valuemax', String(s.total));
    bar.setAttribute('aria-valuenow', String(s.done));
    fill.style.width = `${(100 * (s.total > 0 ? s.done / s.total : 0)).toFixed(2)}%`;
    fill.classList.toggle('stopped', s.status === 'cancelled' || s.status === 'error');
    stop.hidden = !running;
    const elapsed = performance.now() - s.startedAt;
    if (running) {
      count.textContent = `${num(s.done)} / ${num(s.total)} games`;
      // The estimate: the pace so far, once there is one.
      const left = s.done > 0 ? (elapsed * (s.total - s.done)) / s.done : null;
      clock.textContent = `${formatClock(elapsed)} elapsed${left !== null ? ` · about ${formatClock(left)} left` : ''}`;
    } else if (s.status === 'done') {
      count.textContent = `${num(s.total)} games in ${((s.ms ?? elapsed) / 1000).toFixed(1)} s`;
      clock.textContent = '';
    } else if (s.status === 'cancelled') {
      count.textContent = `Cancelled at ${num(s.done)} / ${num(s.total)}`;
      clock.textContent = '';
    } else if (s.status === 'error') {
      count.textContent = `Failed: ${s.error ?? 'unknown error'}`;
      clock.textContent = '';
    }
  }

  return {
    el,
    update(s) {
      last = s;
      paint(s);
      if (s.status === 'running' && timer === null) timer = setInterval(() => last && paint(last), 500);
      if (s.status !== 'running' && timer !== null) {
        clearInterval(timer);
        timer = null;
      }
    },
    dispose() {
      if (timer !== null) clearInterval(timer);
      timer = null;
    },
  };
}
