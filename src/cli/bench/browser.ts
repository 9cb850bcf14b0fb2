// The browser's figures, from the real built game in headless Chromium: the first screen (time to the
// menu's first interactive frame, median of 3 cold loads, and the gzip size of the JavaScript it fetched)
// against a bare Phaser build made the same way; seeking a 120-day replay in the viewer; frame times while
// autoplaying (with the renderer the game chose, and the other one forced), and bare Phaser's with one
// full-canvas texture; and heap growth over a long session.
import { buildSite } from '../browser/site';
import { serve } from '../browser/serve';
import { launchChromium } from '../browser/chromium';
import { loadFirstScreen, scriptsGzipBytes } from '../browser/first-screen';
import { barePhaserGzipBytes, buildFullCanvas } from '../browser/bare-phaser';
import { measureFrames } from '../browser/frames';
import { measureBareFrames } from '../browser/bare-frames';
import { measureHeap } from '../browser/heap';
import { kb } from '../browser/gzip';
import { r2, type Report } from './measures';
import { measureSeek } from '../browser/seek';
import { longReplay, seekDays } from './model';
import type { Scenario } from '../../sim/index';

export interface BrowserOptions {
  /** The default scenario, for the long replay the seek measure opens. */
  scenario: Scenario;
  framesSeconds: number;
  heapDays: number;
  /** JSON bytes of one DayRecord (the state's own growth per day). */
  dayRecordBytes: number;
}

export async function browserBench(report: Report, o: BrowserOptions): Promise<void> {
  report.note('building the site');
  const built = buildSite();

  // First screen: 3 cold loads.
  const site = await serve(built);
  const browser = await launchChromium();
  const loads = [];
  const long = longReplay(o.scenario);
  let seek;
  try {
    for (let i = 0; i < 3; i++) loads.push(await loadFirstScreen(browser, site.url));
    report.note(`seeking a ${long.days}-day replay in the viewer`);
    seek = await measureSeek(browser, site.url, long, seekDays(long.days));
  } finally {
    await browser.close();
    await site.close();
  }
  const frames = loads.map((l) => l.firstFrame).sort((a, b) => a - b);
  const firstFrame = frames[1]!;
  report.add({ key: 'firstFrameMillis', label: `browser: navigation → menu's first interactive frame (median of 3: ${frames.join(', ')})`, value: firstFrame, unit: 'ms', target: '≤ 1,000', ok: firstFrame <= 1000 });

  report.note(`seek: ms per jump ${seek.jumps.join(', ')}`);
  report.add({ key: 'seekMillis', label: `replay: jump the viewer's timeline to a day, on screen (worst of ${seek.jumps.length})`, value: seek.worst, unit: 'ms', target: '≤ 50', ok: seek.worst <= 50 });

  const scripts = loads[0]!.scripts;
  const bundle = kb(scriptsGzipBytes(built, scripts));
  report.note(`first screen fetched ${scripts.length} script(s): ${scripts.join(', ')}`);
  const later = loads[0]!.later;
  report.note(`after its first frame the page prefetched ${later.length} more: ${later.join(', ')}`);
  report.note('building bare Phaser');
  const phaser = kb(await barePhaserGzipBytes());
  const ratio = r2(bundle / phaser);
  report.add(
    { key: 'bundleGzipKB', label: `bundle: gzip JS the first screen loads (${scripts.length} files)`, value: bundle, unit: 'KB' },
    { key: 'phaserGzipKB', label: 'bundle: gzip JS of a bare Phaser build', value: phaser, unit: 'KB' },
    { key: 'bundleRatio', label: 'bundle: first screen / bare Phaser', value: ratio, unit: '×', target: '≤ 1.15', ok: ratio <= 1.15 },
    { key: 'prefetchGzipKB', label: `bundle: gzip JS prefetched after the first frame (${later.length} files: the map)`, value: kb(scriptsGzipBytes(built, later)), unit: 'KB' },
  );

  report.note(`autoplaying for ${o.framesSeconds} s`);
  const f = await measureFrames(o.framesSeconds, built);
  report.fact('frameRenderer', f.renderer ?? 'unknown');
  report.add(
    { key: 'frameP50Millis', label: `browser: frame time p50 (${f.renderer} renderer, ${f.frames} frames, ${f.days} days at top speed)`, value: f.p50, unit: 'ms' },
    { key: 'frameP95Millis', label: 'browser: frame time p95', value: f.p95, unit: 'ms', target: '≤ 17', ok: f.p95 <= 17 },
    { key: 'frameMaxMillis', label: 'browser: longest frame', value: f.max, unit: 'ms' },
  );

  // The renderer the game did not choose, for comparison (on this machine: WebGL, emulated by SwiftShader).
  const other = f.renderer === 'canvas' ? 'webgl' : 'canvas';
  report.note(`autoplaying with the ${other} renderer for comparison`);
  const o2 = await measureFrames(Math.min(10, o.framesSeconds), built, other);
  report.add({ key: other === 'webgl' ? 'frameP95WebglMillis' : 'frameP95CanvasMillis', label: `browser: frame time p95 with the ${other} renderer forced (${o2.frames} frames)`, value: o2.p95, unit: 'ms' });

  report.note('bare Phaser with one full-canvas texture');
  const bare = await measureBareFrames(await buildFullCanvas(), Math.min(10, o.framesSeconds));
  report.add({ key: 'bareFrameP95Millis', label: `browser: bare Phaser, one 910×485 texture, frame p95 (${bare.frames} frames)`, value: bare.p95, unit: 'ms' });

  report.note(`autoplaying ${o.heapDays} days for the heap (about ${Math.round(o.heapDays * 0.36)} s)`);
  const heap = await measureHeap(o.heapDays, (m) => report.note(m), built);
  const growth = kb(heap.late - heap.early);
  const code = kb(heap.lateCode - heap.earlyCode);
  const objects = r2(growth - code);
  const state = kb(heap.between * o.dayRecordBytes);
  report.add(
    { key: 'heapGrowthKB', label: `browser: heap growth, day 10 → day ${heap.days} (${heap.games} games, after GC)`, value: growth, unit: 'KB' },
    { key: 'heapCodeGrowthKB', label: "browser: of which V8's compiled code (heap snapshots)", value: code, unit: 'KB' },
    { key: 'heapObjectsGrowthKB', label: 'browser: of which the objects the game keeps', value: objects, unit: 'KB', target: `≤ ${state} (state)`, ok: objects <= state },
    { key: 'stateGrowthKB', label: `state's own growth: ${heap.between} days × ${o.dayRecordBytes} B per DayRecord`, value: state, unit: 'KB' },
    { key: 'heapEarlyKB', label: 'browser: heap at day 10 (after GC)', value: kb(heap.early), unit: 'KB' },
    { key: 'heapLateKB', label: `browser: heap at day ${heap.days} (after GC)`, value: kb(heap.late), unit: 'KB' },
  );
}
