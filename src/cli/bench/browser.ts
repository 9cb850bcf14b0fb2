// The browser's figures, from the real built game in headless Chromium: the first screen (time to the
// menu's first interactive frame, median of 3 cold loads, and the gzip size of the JavaScript it fetched)
// against a bare Phaser build made the same way; seeking a 120-day replay in the viewer; the Tweak panel's
// live odds (a slider change until its quick estimate shows, ../browser/live-odds.ts); frame times while
// autoplaying (with the renderer the game chose, and the other one forced), and bare Phaser's with one
// full-canvas texture; and heap growth over a long session. The phone keys repeat the first screen and
// the frame times at 390×844 with touch and the CPU throttled 4× (../browser/phone.ts). The ratios set
// figures against references measured in the same run, so they hold from machine to machine: the first
// frame over a bare Phaser page's built the same way, the frame p95 over bare Phaser's on the same
// renderer, and the worst seek in frames of the measured frame interval.
import { buildSite } from '../browser/site';
import { serve } from '../browser/serve';
import { launchChromium } from '../browser/chromium';
import { loadFirstScreen, scriptsGzipBytes } from '../browser/first-screen';
import { barePhaserGzipBytes, buildBareReady, buildFullCanvas } from '../browser/bare-phaser';
import { measureFrames } from '../browser/frames';
import { measureBareFrames } from '../browser/bare-frames';
import { measureHeap } from '../browser/heap';
import { kb } from '../browser/gzip';
import { r2, type Report } from './measures';
import { measureSeek } from '../browser/seek';
import { measureLiveOdds } from '../browser/live-odds';
import { addLiveOdds } from './live-odds';
import { measureSensitivity } from '../browser/sensitivity';
import { addSensitivity } from './sensitivity';
import { PHONE_THROTTLE } from '../browser/phone';
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
  // Chromium first: without it the bench says so at once, before any build, and no server holds the process.
  const browser = await launchChromium();
  let built: string;
  let site: Awaited<ReturnType<typeof serve>> | undefined;
  let bareSite: Awaited<ReturnType<typeof serve>> | undefined;
  const loads = [];
  const bareLoads = [];
  const phoneLoads = [];
  const long = longReplay(o.scenario);
  let seek;
  let live;
  let sensitivity;
  // First screen: 3 cold loads, alternating with a bare page's (so both see the same load on the machine);
  // then 3 as a phone.
  try {
    report.note('building the site');
    built = buildSite();
    site = await serve(built);
    report.note("building a bare Phaser page (the first frame's yardstick)");
    bareSite = await serve(await buildBareReady());
    for (let i = 0; i < 3; i++) {
      loads.push(await loadFirstScreen(browser, site.url));
      bareLoads.push(await loadFirstScreen(browser, bareSite.url));
    }
    report.note(`the first screen as a phone (390×844, touch, CPU throttled ${PHONE_THROTTLE}×)`);
    for (let i = 0; i < 3; i++) phoneLoads.push(await loadFirstScreen(browser, site.url, { phone: true }));
    report.note(`seeking a ${long.days}-day replay in the viewer`);
    seek = await measureSeek(browser, site.url, long, seekDays(long.days));
    report.note('live odds: a Tweak slider pressed at a new value, until its quick estimate shows (5 tries)');
    live = await measureLiveOdds(browser, site.url);
    report.note('the tornado chart: every parameter, both steps, 300 seeds each (a minute or more)');
    sensitivity = await measureSensitivity(browser, site.url);
  } finally {
    await browser.close();
    await site?.close();
    await bareSite?.close();
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1]!;
  const frames = loads.map((l) => l.firstFrame);
  const firstFrame = median(frames);
  const bareFrames = bareLoads.map((l) => l.firstFrame);
  const bareFirst = median(bareFrames);
  const phoneFrames = phoneLoads.map((l) => l.firstFrame);
  const phoneFirst = median(phoneFrames);
  const firstRatio = r2(firstFrame / bareFirst);
  report.add(
    { key: 'firstFrameMillis', label: `browser: navigation → menu's first interactive frame (median of 3: ${frames.join(', ')})`, value: firstFrame, unit: 'ms', target: '≤ 1,000', ok: firstFrame <= 1000 },
    { key: 'bareFirstFrameMillis', label: `browser: the same for a bare Phaser page built the same way (${bareFrames.join(', ')})`, value: bareFirst, unit: 'ms' },
    { key: 'firstFrameRatio', label: 'browser: first frame / bare Phaser page\'s', value: firstRatio, unit: '×', target: '≤ 1.5', ok: firstRatio <= 1.5 },
    { key: 'phoneFirstFrameMillis', label: `phone (390×844 touch, CPU ${PHONE_THROTTLE}×): menu's first interactive frame (${phoneFrames.join(', ')})`, value: phoneFirst, unit: 'ms', target: '≤ 2,500', ok: phoneFirst <= 2500 },
  );

  report.note(`seek: ms per jump ${seek.jumps.join(', ')}`);
  report.add({ key: 'seekMillis', label: `replay: jump the viewer's timeline to a day, on screen (worst of ${seek.jumps.length})`, value: seek.worst, unit: 'ms', target: '≤ 50', ok: seek.worst <= 50 });
  const seekWorst = seek.worst;
  addSensitivity(report, sensitivity);
  addLiveOdds(report, live);

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
  const fullCanvas = await buildFullCanvas();
  const bare = await measureBareFrames(fullCanvas, Math.min(10, o.framesSeconds));
  report.add({ key: 'bareFrameP95Millis', label: `browser: bare Phaser, one 910×485 texture, frame p95 (${bare.frames} frames)`, value: bare.p95, unit: 'ms' });
  // The yardstick for frameRatio is bare Phaser on the renderer the game chose (Phaser's AUTO is WebGL).
  let same = bare.p95;
  if (f.renderer === 'canvas') {
    report.note('bare Phaser with the canvas renderer, as the game chose');
    const bc = await measureBareFrames(fullCanvas, Math.min(10, o.framesSeconds), 'canvas');
    same = bc.p95;
    report.add({ key: 'bareFrameP95CanvasMillis', label: `browser: bare Phaser, the same texture, canvas renderer, frame p95 (${bc.frames} frames)`, value: bc.p95, unit: 'ms' });
  }
  const frameRatio = r2(f.p95 / same);
  const seekFrames = r2(seekWorst / f.p50);
  report.add(
    { key: 'frameRatio', label: `browser: frame p95 / bare Phaser's on the same renderer (${f.renderer})`, value: frameRatio, unit: '×', target: '≤ 1.1', ok: frameRatio <= 1.1 },
    { key: 'seekFrames', label: `replay: worst seek in frames of the measured interval (${f.p50} ms, frame p50)`, value: seekFrames, unit: 'frames', target: '≤ 3', ok: seekFrames <= 3 },
  );

  const phoneSeconds = Math.min(15, o.framesSeconds);
  report.note(`autoplaying as a phone (390×844, touch, CPU throttled ${PHONE_THROTTLE}×) for ${phoneSeconds} s`);
  const pf = await measureFrames(phoneSeconds, built, undefined, { phone: true });
  report.add({ key: 'phoneFrameP95Millis', label: `phone (CPU ${PHONE_THROTTLE}×): frame time p95 autoplaying at top speed (${pf.renderer}, ${pf.frames} frames, ${pf.days} days; p50 ${pf.p50})`, value: pf.p95, unit: 'ms', target: '≤ 33', ok: pf.p95 <= 33 });

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
