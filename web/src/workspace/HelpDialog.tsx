import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { SHORTCUTS } from './keymap';

/** The keyboard shortcuts, from the same table the handler reads. */
export function HelpDialog({ onClose }: { onClose(): void }) {
  const { t } = useI18n();
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), []);
  return (
    <div className="dialog-backdrop" onClick={onClose}>
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="help-title" onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
        <h2 id="help-title">{t('help.title')}</h2>
        <table>
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.help}>
                <td>
                  {s.keys.map((k) => (
                    <kbd key={k}>{k}</kbd>
                  ))}
                </td>
                <td>{t(s.help)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button ref={close} type="button" className="button primary" onClick={onClose}>
          {t('help.close')}
        </button>
      </div>
    </div>
  );
}
