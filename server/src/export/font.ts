import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The CJK font every rendering of the chart uses (Noto Sans SC, "Noto Sans S Chinese",
 * OFL-1.1, from @embedpdf/fonts-sc), read from disk once per process: 8 MB the PDF writer
 * subsets to the glyphs an export uses and resvg draws the PNG's text with.
 */
export const CJK_FONT_PATH = join(dirname(dirname(createRequire(import.meta.url).resolve('@embedpdf/fonts-sc'))), 'fonts', 'NotoSansHans-Regular.otf');

let cached: Buffer | undefined;

export function cjkFont(): Buffer {
  cached ??= readFileSync(CJK_FONT_PATH);
  return cached;
}
