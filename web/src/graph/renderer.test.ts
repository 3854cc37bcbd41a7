import { describe, expect, it } from 'vitest';
import { chooseRenderer, cyRenderOptions, isSoftwareRenderer, probe } from './renderer';

describe('chooseRenderer', () => {
  it('never picks WebGL under a software GL', () => {
    expect(chooseRenderer({ webgl: true, renderer: 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)' })).toEqual({
      webgl: false,
      reason: 'software GL (ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver))',
    });
    expect(chooseRenderer({ webgl: true, renderer: 'llvmpipe (LLVM 15.0.6, 256 bits)' }).webgl).toBe(false);
    expect(chooseRenderer({ webgl: true, renderer: 'ANGLE (Intel, Mesa Intel(R) UHD Graphics 620)', caveat: true })).toEqual({ webgl: false, reason: 'WebGL with a major performance caveat (ANGLE (Intel, Mesa Intel(R) UHD Graphics 620))' });
    expect(chooseRenderer({ webgl: false })).toEqual({ webgl: false, reason: 'no WebGL' });
  });

  it('picks WebGL on a hardware GPU', () => {
    expect(chooseRenderer({ webgl: true, renderer: 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0)', caveat: false })).toEqual({
      webgl: true,
      reason: 'hardware GL (ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0))',
    });
  });

  it('tells software rasterisers by name', () => {
    expect(['Google SwiftShader', 'llvmpipe', 'Microsoft Basic Render Driver', 'Apple M2', 'Mali-G78', 'lavapipe'].map(isSoftwareRenderer)).toEqual([true, true, true, false, false, true]);
  });

  it('finds no WebGL outside a browser', () => {
    expect(probe()).toEqual({ webgl: false });
  });
});

describe('cyRenderOptions', () => {
  it('draws a texture while panning on the canvas renderer, and hides edges too for a large graph', () => {
    expect(cyRenderOptions({ webgl: false, reason: '' }, 5000)).toEqual({ webgl: false, textureOnViewport: true, hideLabelsOnViewport: true, hideEdgesOnViewport: true, motionBlur: false, pixelRatio: 1 });
    expect(cyRenderOptions({ webgl: true, reason: '' })).toEqual({ webgl: true, textureOnViewport: false, hideLabelsOnViewport: true, hideEdgesOnViewport: false, motionBlur: false, pixelRatio: 1 });
  });
});
