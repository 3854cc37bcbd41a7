import { useState, type ReactNode } from 'react';
import { formatMoney, formatShanghai, toFen } from '../../graph/format';
import { useI18n } from '../../i18n/I18nProvider';
import { TRAIL_DEPTH } from '../actions';
import type { AnalysisResult } from '../results';

type Money = Extract<AnalysisResult, { kind: 'money' }>;

/** Where the money of a card or a case went: transfers in time order, frozen amounts. */
export function MoneyPanel({
  seed,
  result,
  nameOf,
  onRun,
  onFocus,
}: {
  seed: string | null;
  result: Money | undefined;
  nameOf(id: string): string;
  onRun(id: string, depth: number): void;
  onFocus(ids: string[]): void;
}) {
  const { t, lang } = useI18n();
  const [depth, setDepth] = useState(TRAIL_DEPTH);
  const frozen = result?.cards.reduce((sum, c) => sum + (c.frozen ? (toFen((c as { frozenAmount?: string | null }).frozenAmount) ?? 0n) : 0n), 0n) ?? 0n;
  const transfers = [...(result?.transfers ?? [])].sort((a, b) => Date.parse(a.at ?? '') - Date.parse(b.at ?? ''));
  return (
    <div>
      {seed ? (
        <div className="row">
          <label className="toolbar-field">
            <span>{t('money.depth')}</span>
            <select value={depth} onChange={(e) => setDepth(Number(e.target.value))}>
              {[1, 2, 3, 4, 5, 6, 7, 8].map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="button primary" onClick={() => onRun(seed, depth)} data-testid="money-run">
            {t('money.run')}
          </button>
        </div>
      ) : (
        <p className="muted">{t('money.pick')}</p>
      )}
      {result &&
        (transfers.length === 0 ? (
          <p role="status">{t('money.none', { name: result.seedName })}</p>
        ) : (
          <>
            <p role="status" data-testid="money-summary">
              {t('money.summary', { cards: result.cards.length, transfers: transfers.length, frozen: formatMoney(frozen, lang) })}
            </p>
            <FreezeList result={result} nameOf={nameOf} onFocus={onFocus} />
            <table className="transfers">
              <caption className="visually-hidden">{t('money.transfers')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('money.at')}</th>
                  <th scope="col">{t('money.from')}</th>
                  <th scope="col">{t('money.to')}</th>
                  <th scope="col" className="num">
                    {t('money.amount')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {transfers.map((l) => (
                  <tr key={l.id} onClick={() => onFocus([l.id, l.from, l.to])}>
                    <td>
                      <FocusButton onFocus={() => onFocus([l.id, l.from, l.to])}>{l.at ? formatShanghai(l.at) : t('money.transfer')}</FocusButton>
                    </td>
                    <td>{nameOf(l.from)}</td>
                    <td>{nameOf(l.to)}</td>
                    <td className="num">{l.amount != null ? formatMoney(l.amount, lang) : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ))}
    </div>
  );
}

/** A row's first cell as a button, so the keyboard shows a transfer or a card on the canvas as a click on its row does. */
function FocusButton({ onFocus, children }: { onFocus(): void; children: ReactNode }) {
  return (
    <button
      type="button"
      className="link-button"
      onClick={(e) => {
        e.stopPropagation();
        onFocus();
      }}
    >
      {children}
    </button>
  );
}

/** The cards to freeze (冻结) first: not frozen yet, most of the victim's money possibly still on them. */
function FreezeList({ result, nameOf, onFocus }: { result: Money; nameOf(id: string): string; onFocus(ids: string[]): void }) {
  const { t, lang } = useI18n();
  const list = result.trail.freezeList;
  if (list.length === 0) return <p className="muted">{t('money.freezeNone')}</p>;
  return (
    <table className="transfers" data-testid="freeze-list">
      <caption>{t('money.freezeList')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('money.card')}</th>
          <th scope="col" className="num">
            {t('money.layer')}
          </th>
          <th scope="col" className="num">
            {t('money.recoverable')}
          </th>
          <th scope="col">{t('money.since')}</th>
        </tr>
      </thead>
      <tbody>
        {list.map((f) => (
          <tr key={f.cardId} onClick={() => onFocus([f.cardId])}>
            <td>
              <FocusButton onFocus={() => onFocus([f.cardId])}>{nameOf(f.cardId)}</FocusButton>
            </td>
            <td className="num">{f.layer}</td>
            <td className="num">{formatMoney(f.amount, lang)}</td>
            <td>{formatShanghai(f.since)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
