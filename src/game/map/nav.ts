// Zoom and pan on the map's canvas, from DOM pointer, wheel and key events: the wheel zooms around the
// pointer; one pointer (mouse, pen or finger) drags to pan once it has moved past a small threshold, so
// a click or a tap on a unit, a place or a pill still opens its card; two fingers pinch to zoom (and
// pan with their midpoint). With the canvas focused, + and − zoom, the arrow keys pan and 0 resets.
// Keys another handler has already taken (e.defaultPrevented: the replay viewer's ←/→) are left alone.
// The View clamps every change to the region; this only turns gestures into View calls.
import type { View } from './projection';

/** Movement (CSS px) before a press becomes a drag: more for a finger than for a mouse. */
const DRAG_THRESHOLD = { mouse: 4, pen: 6, touch: 10 };
/** Zoom per key press or zoom button. */
export const ZOOM_STEP = 1.5;
/** Pan per arrow key press, as a share of the canvas. */
const PAN_STEP = 0.15;

export interface NavHandlers {
  /** The view changed (zoom or pan): lay the map out again. */
  changed(): void;
  /** The pointer rests over the map at (x, y) (or left it: null): show what is under it. */
  hover(x: number, y: number): void;
  leave(): void;
  /** A click or tap that did not become a drag. */
  tap(x: number, y: number): void;
  /** A drag or pinch began (hide hover cards). */
  gesture(): void;
  /** Reset to the default view (key 0). */
  reset(): void;
}

interface Press {
  x: number;
  y: number;
  /** Where it went down (for the drag threshold). */
  x0: number;
  y0: number;
  type: string;
}

export class MapNav {
  private readonly presses = new Map<number, Press>();
  private dragging = false;
  private pinch: { d: number; mx: number; my: number } | null = null;
  /** A pinch happened in this gesture: lifting the fingers is not a tap. */
  private pinched = false;
  private readonly off: (() => void)[] = [];

  constructor(
    private readonly el: HTMLElement,
    private readonly view: View,
    private readonly on: NavHandlers,
  ) {
    const listen = <K extends keyof HTMLElementEventMap>(type: K, fn: (e: HTMLElementEventMap[K]) => void, opts?: AddEventListenerOptions) => {
      el.addEventListener(type, fn as EventListener, opts);
      this.off.push(() => el.removeEventListener(type, fn as EventListener, opts));
    };
    listen('pointerdown', (e) => this.down(e));
    listen('pointermove', (e) => this.move(e));
    listen('pointerup', (e) => this.up(e, true));
    listen('pointercancel', (e) => this.up(e, false));
    listen('pointerleave', (e) => {
      if (e.pointerType === 'mouse' && this.presses.size === 0) this.on.leave();
    });
    listen('wheel', (e) => this.wheel(e), { passive: false });
    listen('keydown', (e) => this.key(e));
    // Blur ends any gesture half-way (a lost pointer capture leaves no stuck drag).
    listen('lostpointercapture', (e) => this.up(e, false));
    el.style.touchAction = 'none';
    el.style.cursor = 'grab';
  }

  /** Canvas coordinates (CSS px) of an event. */
  private at(e: MouseEvent): { x: number; y: number } {
    const r = this.el.getBoundingClientRect();
    const sx = r.width > 0 ? this.view.width / r.width : 1;
    const sy = r.height > 0 ? this.view.height / r.height : 1;
    return { x: (e.clientX - r.left) * sx, y: (e.clientY - r.top) * sy };
  }

  private down(e: PointerEvent): void {
    if (e.pointerType === 'mouse' && e.button !== 0) return;
    const p = this.at(e);
    this.presses.set(e.pointerId, { x: p.x, y: p.y, x0: p.x, y0: p.y, type: e.pointerType });
    try {
      this.el.setPointerCapture(e.pointerId);
    } catch {
      // A synthetic pointer may not be capturable; the gesture still works while it stays on the canvas.
    }
    if (this.presses.size === 1) this.pinched = false;
    if (this.presses.size === 2) this.startPinch();
  }

  private startPinch(): void {
    const [a, b] = [...this.presses.values()];
    this.pinch = { d: Math.max(1, Math.hypot(a!.x - b!.x, a!.y - b!.y)), mx: (a!.x + b!.x) / 2, my: (a!.y + b!.y) / 2 };
    this.pinched = true;
    this.dragging = false;
    this.on.gesture();
  }

  private move(e: PointerEvent): void {
    const press = this.presses.get(e.pointerId);
    const p = this.at(e);
    if (!press) {
      if (e.pointerType === 'mouse' && this.presses.size === 0) this.on.hover(p.x, p.y);
      return;
    }
    const dx = p.x - press.x;
    const dy = p.y - press.y;
    press.x = p.x;
    press.y = p.y;
    if (this.pinch && this.presses.size >= 2) {
      const [a, b] = [...this.presses.values()];
      const d = Math.max(1, Math.hypot(a!.x - b!.x, a!.y - b!.y));
      const mx = (a!.x + b!.x) / 2;
      const my = (a!.y + b!.y) / 2;
      const zoomed = this.view.zoomAt(d / this.pinch.d, this.pinch.mx, this.pinch.my);
      const panned = this.view.panBy(mx - this.pinch.mx, my - this.pinch.my);
      this.pinch = { d, mx, my };
      if (zoomed || panned) this.on.changed();
      return;
    }
    if (this.pinched) return;
    if (!this.dragging) {
      const limit = DRAG_THRESHOLD[press.type as keyof typeof DRAG_THRESHOLD] ?? DRAG_THRESHOLD.touch;
      if (Math.hypot(p.x - press.x0, p.y - press.y0) < limit) return;
      this.dragging = true;
      this.el.style.cursor = 'grabbing';
      this.on.gesture();
      // The movement so far counts, so the map stays under the pointer.
      if (this.view.panBy(p.x - press.x0, p.y - press.y0)) this.on.changed();
      return;
    }
    if (this.view.panBy(dx, dy)) this.on.changed();
  }

  private up(e: PointerEvent, tapped: boolean): void {
    const press = this.presses.get(e.pointerId);
    if (!press) return;
    this.presses.delete(e.pointerId);
    if (this.presses.size === 0) {
      const wasDrag = this.dragging || this.pinched;
      this.dragging = false;
      this.pinch = null;
      this.el.style.cursor = 'grab';
      if (tapped && !wasDrag) this.on.tap(press.x, press.y);
      else if (e.pointerType === 'mouse') this.on.hover(press.x, press.y);
    } else if (this.presses.size === 1) {
      // One finger lifted from a pinch: the other may go on panning, from where it is now.
      this.pinch = null;
      const rest = [...this.presses.values()][0]!;
      rest.x0 = rest.x;
      rest.y0 = rest.y;
      this.dragging = true;
      this.pinched = false;
    }
  }

  private wheel(e: WheelEvent): void {
    e.preventDefault();
    // Lines and pages into pixels; a trackpad pinch arrives as a wheel with ctrlKey and small deltas.
    const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? this.view.height : 1;
    const dy = Math.max(-200, Math.min(200, e.deltaY * unit));
    const k = e.ctrlKey ? 0.01 : 0.002;
    const p = this.at(e);
    if (this.view.zoomAt(Math.exp(-dy * k), p.x, p.y)) this.on.changed();
  }

  private key(e: KeyboardEvent): void {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
    const w = this.view.width;
    const h = this.view.height;
    let changed: boolean;
    switch (e.key) {
      case '+':
      case '=':
        changed = this.view.zoomAt(ZOOM_STEP, w / 2, h / 2);
        break;
      case '-':
      case '_':
      case '−':
        changed = this.view.zoomAt(1 / ZOOM_STEP, w / 2, h / 2);
        break;
      case '0':
        e.preventDefault();
        this.on.reset();
        return;
      // The arrows move the view that way: the map slides the other way.
      case 'ArrowLeft':
        changed = this.view.panBy(w * PAN_STEP, 0);
        break;
      case 'ArrowRight':
        changed = this.view.panBy(-w * PAN_STEP, 0);
        break;
      case 'ArrowUp':
        changed = this.view.panBy(0, h * PAN_STEP);
        break;
      case 'ArrowDown':
        changed = this.view.panBy(0, -h * PAN_STEP);
        break;
      default:
        return;
    }
    // Taken even when clamped, so the page does not scroll under a focused map.
    e.preventDefault();
    if (changed) this.on.changed();
  }

  destroy(): void {
    for (const f of this.off) f();
    this.off.length = 0;
    this.presses.clear();
  }
}
