import type { ElementDefinition } from 'cytoscape';
import { useMemo, useRef, useState, type PointerEvent } from 'react';
import { formatShanghai } from '../graph/format';
import { timeHistogram } from '../graph/layouts/timeline';
import { useI18n } from '../i18n/I18nProvider';
import type { TimeWindow } from './doc';

const WIDTH = 1000;
const HEIGHT = 56;

/**
 * The timeline strip: a histogram of the visible links' times; brushing a window (or moving the
 * two sliders, from the keyboard) shows only the links inside it.
 */
export function Timeline({ edges, window, onWindow }: { edges: readonly ElementDefinition[]; window: TimeWindow | null; onWindow(window: TimeWindow | null): void }) {
  const { t } = useI18n();
  const histogram = useMemo(() => timeHistogram(edges), [edges]);
  const svg = useRef<SVGSVGElement>(null);
  const [drag, setDrag] = useState<{ from: number; to: number } | null>(null);
  const buckets = histogram.buckets;
  if (!buckets.length) return <div className="timeline muted">{t('timeline.empty')}</div>;
  const n = buckets.length;
  const max = Math.max(...buckets.map((b) => b.count));
  const bw = WIDTH / n;
  const indexAt = (e: PointerEvent) => {
    const box = svg.current!.getBoundingClientRect();
    return Math.max(0, Math.min(n - 1, Math.floor(((e.clientX - box.left) / box.width) * n)));
  };
  const windowOf = (a: number, b: number): TimeWindow => ({ from: buckets[Math.min(a, b)]!.start, to: buckets[Math.max(a, b)]!.end - 1 });
  const selected = drag
    ? { from: Math.min(drag.from, drag.to), to: Math.max(drag.from, drag.to) }
    : window
      ? { from: Math.max(0, buckets.findIndex((b) => b.end > window.from)), to: Math.max(0, n - 1 - [...buckets].reverse().findIndex((b) => b.start <= window.to)) }
      : null;
  return (
    <div className="timeline" data-testid="timeline">
      <svg
        ref={svg}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={t('timeline.label')}
        onPointerDown={(e) => {
          svg.current!.setPointerCapture(e.pointerId);
          const i = indexAt(e);
          setDrag({ from: i, to: i });
        }}
        onPointerMove={(e) => drag && setDrag({ ...drag, to: indexAt(e) })}
        onPointerUp={() => {
          if (drag) onWindow(windowOf(drag.from, drag.to));
          setDrag(null);
        }}
      >
        {selected && <rect className="timeline-window" x={selected.from * bw} width={(selected.to - selected.from + 1) * bw} y={0} height={HEIGHT} />}
        {buckets.map((b, i) => {
          const h = max ? Math.max(1, (b.count / max) * (HEIGHT - 6)) : 0;
          return (
            <rect key={b.start} className="timeline-bar" x={i * bw + 0.5} width={Math.max(0.5, bw - 1)} y={HEIGHT - h} height={h}>
              <title>{t('timeline.bucket', { start: formatShanghai(b.start), count: b.count })}</title>
            </rect>
          );
        })}
      </svg>
      <div className="timeline-controls">
        <span>{formatShanghai(buckets[selected?.from ?? 0]!.start)}</span>
        <input
          type="range"
          min={0}
          max={n - 1}
          value={selected?.from ?? 0}
          aria-label={t('prop.from')}
          onChange={(e) => onWindow(windowOf(Number(e.target.value), selected?.to ?? n - 1))}
        />
        <input
          type="range"
          min={0}
          max={n - 1}
          value={selected?.to ?? n - 1}
          aria-label={t('prop.to')}
          onChange={(e) => onWindow(windowOf(selected?.from ?? 0, Number(e.target.value)))}
        />
        <span>{formatShanghai(buckets[selected?.to ?? n - 1]!.end - 1)}</span>
        {window && (
          <button type="button" className="button small" onClick={() => onWindow(null)}>
            {t('timeline.clear')}
          </button>
        )}
        {histogram.untimed > 0 && <span className="muted">{t('timeline.untimed', { count: histogram.untimed })}</span>}
      </div>
    </div>
  );
}
