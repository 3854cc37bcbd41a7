import { useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import type { AnalysisResult } from '../results';

type Paths = Extract<AnalysisResult, { kind: 'paths' }>;

/** Shortest paths between the two selected nodes, highlighted on the canvas one by one or all. */
export function PathsPanel({
  pair,
  result,
  nameOf,
  onRun,
  onFocus,
  onClear,
}: {
  pair: [string, string] | null;
  result: Paths | undefined;
  nameOf(id: string): string;
  onRun(from: string, to: string, maxHops: number): void;
  onFocus(ids: string[]): void;
  onClear(): void;
}) {
  const { t } = useI18n();
  const [maxHops, setMaxHops] = useState(6);
  return (
    <div>
      {pair ? (
        <div className="row">
          <label className="toolbar-field">
            <span>{t('paths.maxHops')}</span>
            <select value={maxHops} onChange={(e) => setMaxHops(Number(e.target.value))}>
              {[2, 3, 4, 5, 6, 7, 8].map((h) => (
                <option key={h} value={h}>
                  {h}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="button primary" onClick={() => onRun(pair[0], pair[1], maxHops)}>
            {t('paths.run')}
          </button>
        </div>
      ) : (
        <p className="muted">{t('paths.pick')}</p>
      )}
      {result &&
        (result.paths.length === 0 ? (
          <p role="status">{t('paths.none', { hops: result.maxHops, from: nameOf(result.from), to: nameOf(result.to) })}</p>
        ) : (
          <>
            <p role="status">{t('paths.count', { count: result.paths.length })}</p>
            <ol className="result-list">
              {result.paths.map((p, i) => (
                <li key={p.linkIds.join('|')}>
                  <button type="button" className="link-button" onClick={() => onFocus([...p.nodeIds, ...p.linkIds])}>
                    {t('paths.item', { index: i + 1, length: p.linkIds.length })}
                  </button>
                  <div className="muted">{p.nodeIds.map(nameOf).join(' → ')}</div>
                </li>
              ))}
            </ol>
            <button type="button" className="button" onClick={onClear}>
              {t('paths.clear')}
            </button>
          </>
        ))}
    </div>
  );
}
