import { describe, expect, it } from 'vitest';
import { exportFileName, pngScale } from './export';

describe('exported file names', () => {
  it('carry the investigation name and the Shanghai time', () => {
    expect(exportFileName('“7·30” 团伙 / 研判', new Date('2024-11-20T02:05:00Z'), 'png')).toBe('“7·30”-团伙-研判-20241120-1005.png');
  });

  it('fall back to the app name', () => {
    expect(exportFileName('  ', new Date('2024-11-20T17:05:00Z'), 'svg')).toBe('case-linkage-20241121-0105.svg');
  });
});

describe('the PNG scale', () => {
  it('doubles the canvas for print, unless the graph would be too big', () => {
    expect(pngScale({ w: 1200, h: 800 })).toBe(2);
    expect(pngScale({ w: 16000.4, h: 300 })).toBe(8000 / 16001);
  });
});
