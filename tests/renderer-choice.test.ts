// The map's renderer choice: software WebGL renderer names are recognised, and the URL can force one.
import { describe, expect, it } from 'vitest';
import { isSoftwareRenderer, requestedRenderer } from '../src/game/renderer-choice';

describe('renderer choice', () => {
  it('recognises WebGL emulated on the CPU', () => {
    expect(isSoftwareRenderer('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)')).toBe(true);
    expect(isSoftwareRenderer('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe(true);
    expect(isSoftwareRenderer('ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0)')).toBe(true);
  });

  it('keeps WebGL on real GPUs', () => {
    expect(isSoftwareRenderer('ANGLE (Intel, Mesa Intel(R) UHD Graphics 620 (KBL GT2), OpenGL 4.6)')).toBe(false);
    expect(isSoftwareRenderer('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)')).toBe(false);
    expect(isSoftwareRenderer('Apple M1')).toBe(false);
  });

  it('takes ?renderer=webgl|canvas from the URL and ignores anything else', () => {
    expect(requestedRenderer('?scenario=x&renderer=webgl')).toBe('webgl');
    expect(requestedRenderer('?renderer=canvas')).toBe('canvas');
    expect(requestedRenderer('?renderer=vulkan')).toBeNull();
    expect(requestedRenderer('')).toBeNull();
  });
});
