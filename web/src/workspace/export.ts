/** The name an exported view is saved under: the investigation's name (or the app's), the Shanghai time, the format. */
export function exportFileName(name: string, at: Date, format: 'png' | 'svg'): string {
  const local = new Date(at.getTime() + 8 * 3600_000).toISOString();
  const stamp = `${local.slice(0, 10).replace(/-/g, '')}-${local.slice(11, 16).replace(':', '')}`;
  const base = name.replace(/[\\/:*?"<>|\s]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'case-linkage';
  return `${base}-${stamp}.${format}`;
}

/** Hands a file to the browser's downloads. */
export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Largest side of an exported PNG, in CSS pixels: browsers refuse canvases much bigger. */
export const PNG_MAX_SIDE = 8000;

/** The PNG's scale: twice the canvas's size for print, less for a graph so big it would not fit. */
export function pngScale(box: { w: number; h: number }): number {
  return Math.min(2, PNG_MAX_SIDE / Math.max(1, Math.ceil(box.w), Math.ceil(box.h)));
}
