// Which Phaser renderer the map uses. WebGL when the browser runs it on a GPU; Phaser's Canvas renderer
// when WebGL is emulated on the CPU (SwiftShader, llvmpipe and the like: machines without a GPU, VMs,
// headless Chromium), where the same map draws in about half the time — a software WebGL canvas is
// rasterised by the CPU and then read back for every frame. `?renderer=webgl` or `?renderer=canvas` in the
// page's URL overrides the choice.

export type RendererName = 'webgl' | 'canvas';

/** WebGL renderer names that mean the GPU is emulated on the CPU. */
const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render driver|mesa offscreen/i;

/** Whether a WebGL renderer string names a software rasteriser. */
export function isSoftwareRenderer(name: string): boolean {
  return SOFTWARE.test(name);
}

/** The renderer the page asks for in its URL (`renderer=webgl|canvas`), or null. */
export function requestedRenderer(search: string): RendererName | null {
  const r = new URLSearchParams(search).get('renderer');
  return r === 'webgl' || r === 'canvas' ? r : null;
}

/** The name of the browser's WebGL renderer, or null without WebGL (probed on a throwaway canvas). */
function webglRendererName(): string | null {
  const canvas = document.createElement('canvas');
  const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
  if (!gl) return null;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return name;
}

/** The renderer for this page: the URL's choice, else WebGL on a GPU and Canvas otherwise. */
export function chooseRenderer(search: string = location.search): RendererName {
  const asked = requestedRenderer(search);
  if (asked) return asked;
  const name = webglRendererName();
  return name === null || isSoftwareRenderer(name) ? 'canvas' : 'webgl';
}
