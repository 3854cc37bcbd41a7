import { useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { DEMO_AGENCIES, ROLES, validUser, type Role } from './viewer';
import { useViewer } from './ViewerProvider';

/** The popover where a developer chooses whom the app asks as: agencies, role and user name. */
export function ViewerSettings() {
  const { t, lang } = useI18n();
  const { viewer, setViewer } = useViewer();
  const [open, setOpen] = useState(false);
  const [user, setUser] = useState(viewer.user);
  const panel = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  useEffect(() => {
    if (!open) return;
    panel.current?.querySelector<HTMLElement>('input, select')?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') close();
    };
    const onDown = (e: PointerEvent) => {
      if (!panel.current?.contains(e.target as Node) && !button.current?.contains(e.target as Node)) setOpen(false);
    };
    addEventListener('keydown', onKey);
    addEventListener('pointerdown', onDown);
    return () => {
      removeEventListener('keydown', onKey);
      removeEventListener('pointerdown', onDown);
    };
  });
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const toggle = (id: string, on: boolean) =>
    setViewer({ ...viewer, agencies: on ? DEMO_AGENCIES.map((a) => a.id).filter((a) => a === id || viewer.agencies.includes(a)) : viewer.agencies.filter((a) => a !== id) });
  return (
    <div className="popover-anchor">
      <button ref={button} type="button" className="button subtle" aria-expanded={open} aria-haspopup="dialog" onClick={() => setOpen(!open)} data-testid="viewer-button">
        {t('viewer.button', { role: t(`role.${viewer.role}`), count: viewer.agencies.length })}
      </button>
      {open && (
        <div ref={panel} className="popover viewer-settings" role="dialog" aria-modal="false" aria-labelledby={titleId}>
          <h2 id={titleId}>{t('viewer.title')}</h2>
          <p className="muted">{t('viewer.explain')}</p>
          <label className="field">
            <span>{t('viewer.role')}</span>
            <select value={viewer.role} onChange={(e) => setViewer({ ...viewer, role: e.target.value as Role })}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`role.${r}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('viewer.user')}</span>
            <input
              value={user}
              aria-invalid={!validUser(user)}
              onChange={(e) => {
                setUser(e.target.value);
                if (validUser(e.target.value)) setViewer({ ...viewer, user: e.target.value });
              }}
            />
          </label>
          {!validUser(user) && <p className="field-error">{t('viewer.userInvalid')}</p>}
          <fieldset className="agencies">
            <legend>{t('viewer.agencies')}</legend>
            <div className="row">
              <button type="button" className="button small" onClick={() => setViewer({ ...viewer, agencies: DEMO_AGENCIES.map((a) => a.id) })}>
                {t('viewer.all')}
              </button>
              <button type="button" className="button small" onClick={() => setViewer({ ...viewer, agencies: [] })}>
                {t('viewer.none')}
              </button>
            </div>
            {DEMO_AGENCIES.map((a) => (
              <label key={a.id} className="check">
                <input type="checkbox" checked={viewer.agencies.includes(a.id)} onChange={(e) => toggle(a.id, e.target.checked)} />
                <span>{lang === 'zh-CN' ? a.zh : a.en}</span> <code>{a.id}</code>
              </label>
            ))}
          </fieldset>
          {viewer.agencies.length === 0 && <p className="field-error">{t('viewer.noAgencies')}</p>}
          <button type="button" className="button primary" onClick={close}>
            {t('viewer.close')}
          </button>
        </div>
      )}
    </div>
  );
}
