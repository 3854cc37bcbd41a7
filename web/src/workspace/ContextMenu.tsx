import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Label } from '../../../server/src/domain/model';
import { useI18n } from '../i18n/I18nProvider';
import type { ExpandOptions } from './actions';
import { expandOptions } from './expand-options';
import { placeMenu } from './menu-place';

export interface MenuTarget {
  id: string;
  name: string;
  label: Label;
  placeholder: boolean;
  count?: number;
  pinned: boolean;
  locked: boolean;
  at: { x: number; y: number };
}

export interface MenuActions {
  expand(options: ExpandOptions): void;
  expandMore(): void;
  collapse(): void;
  hide(): void;
  remove(): void;
  pin(on: boolean): void;
  lock(on: boolean): void;
  details(): void;
  linkedCases(): void;
  moneyTrail(): void;
  gang(): void;
}

/**
 * A node's actions: expand 1–3 steps, by link type or by the label at the other end; collapse,
 * hide, remove, pin, lock; the analyses that apply to its label. Arrow keys move, Escape closes.
 */
export function ContextMenu({ target, actions, onClose }: { target: MenuTarget; actions: MenuActions; onClose(): void }) {
  const { t } = useI18n();
  const menu = useRef<HTMLDivElement>(null);
  // Measured before the first paint, then moved so that every item is on screen.
  const [place, setPlace] = useState(target.at);
  useLayoutEffect(() => {
    const box = menu.current?.getBoundingClientRect();
    if (box) setPlace(placeMenu(target.at, box, { width: innerWidth, height: innerHeight }));
  }, [target.at]);
  useEffect(() => {
    menu.current?.querySelector<HTMLElement>('[role=menuitem]')?.focus();
    const onDown = (e: PointerEvent) => {
      if (!menu.current?.contains(e.target as Node)) onClose();
    };
    addEventListener('pointerdown', onDown);
    return () => removeEventListener('pointerdown', onDown);
  }, [onClose]);
  const onKey = (e: KeyboardEvent) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role=menuitem]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const go = (i: number) => items[(i + items.length) % items.length]?.focus();
    if (e.key === 'ArrowDown') go(at + 1);
    else if (e.key === 'ArrowUp') go(at - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(items.length - 1);
    else if (e.key === 'Escape' || e.key === 'Tab') onClose();
    else return;
    e.preventDefault();
    e.stopPropagation();
  };
  const item = (key: string, text: string, run: () => void, testId?: string) => (
    <button
      key={key}
      type="button"
      role="menuitem"
      tabIndex={-1}
      className="menu-item"
      data-testid={testId}
      onClick={() => {
        onClose();
        run();
      }}
    >
      {text}
    </button>
  );
  const options = expandOptions(target.label);
  return (
    <div ref={menu} className="context-menu" role="menu" aria-label={t('menu.label', { name: target.name })} style={{ left: place.x, top: place.y }} onKeyDown={onKey} data-testid="context-menu">
      {target.placeholder ? (
        item('more', t('menu.expandMore', { count: target.count ?? 0 }), actions.expandMore, 'menu-expand-more')
      ) : (
        <>
          <div role="group" aria-label={t('action.expand')}>
            {item('e1', t('menu.expand'), () => actions.expand({ hops: 1 }), 'menu-expand')}
            {item('e2', t('menu.expandHops', { hops: 2 }), () => actions.expand({ hops: 2 }))}
            {item('e3', t('menu.expandHops', { hops: 3 }), () => actions.expand({ hops: 3 }))}
          </div>
          {options.linkTypes.length > 0 && (
            <div role="group" aria-label={t('menu.expandBy')} className="menu-group">
              <div className="menu-heading" aria-hidden="true">
                {t('menu.expandBy')}
              </div>
              {options.linkTypes.map((type) => item(`t-${type}`, t(`link.${type}`), () => actions.expand({ hops: 1, linkTypes: [type] })))}
            </div>
          )}
          {options.labels.length > 1 && (
            <div role="group" aria-label={t('menu.expandTo')} className="menu-group">
              {options.labels.map((label) => item(`l-${label}`, t('menu.expandLabel', { label: t(`label.${label}`) }), () => actions.expand({ hops: 1, labels: [label] })))}
            </div>
          )}
          <div role="group" className="menu-group" aria-label={t('panel.label')}>
            {item('details', t('menu.details'), actions.details)}
            {target.label === 'Case' && item('linked', t('menu.linkedCases'), actions.linkedCases, 'menu-linked')}
            {(target.label === 'Case' || target.label === 'BankCard') && item('money', t('menu.moneyTrail'), actions.moneyTrail, 'menu-money')}
            {(target.label === 'Person' || target.label === 'Gang') && item('gang', t('menu.gang'), actions.gang, 'menu-gang')}
          </div>
          <div role="group" className="menu-group" aria-label={t('toolbar.label')}>
            {item('collapse', t('menu.collapse'), actions.collapse)}
            {item('pin', t(target.pinned ? 'menu.unpin' : 'menu.pin'), () => actions.pin(!target.pinned))}
            {item('lock', t(target.locked ? 'menu.unlock' : 'menu.lock'), () => actions.lock(!target.locked))}
          </div>
        </>
      )}
      <div role="group" className="menu-group" aria-label={t('menu.hide')}>
        {item('hide', t('menu.hide'), actions.hide)}
        {item('remove', t('menu.remove'), actions.remove)}
      </div>
    </div>
  );
}
