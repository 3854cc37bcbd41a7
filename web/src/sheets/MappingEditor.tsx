import { useEffect, useState } from 'react';
import { SaveSheetMappingMutation } from '../api/operations';
import { asApiError, useApi } from '../api/use-api';
import type { ApiError } from '../api/errors';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorNotice } from '../ui/ErrorNotice';
import { draftMapping, FIELDS_OF, requiredGroup, type DraftProblem, type MappingInput, type SheetField, type SheetKind } from './mapping-draft';

/** Zones a statement's or call record's wall-clock times are usually in; Asia/Shanghai is the default. */
const TIME_ZONES = ['Asia/Shanghai', 'Asia/Urumqi', 'Asia/Hong_Kong', 'Asia/Macau', 'Asia/Taipei', 'UTC'] as const;

export interface MappingEditorProps {
  /** The header row's cells to map. */
  header: readonly string[];
  /** Fields already read from columns (a built-in mapping's findings), by column index. */
  initial: Record<number, SheetField>;
  initialKind: SheetKind;
  /** Heard with the saved mapping's name. */
  onSaved: (name: string) => void;
  /**
   * Heard whenever the columns, kind or zone change: the mapping they make so far (with a blank
   * name), or null while a required field has no column, for the preview to follow.
   */
  onDraft?: (mapping: MappingInput | null) => void;
}

/**
 * The investigator's own mapping: each column of the file's header given a field of the chosen kind
 * (required ones starred), the zone of its times, and a name (the bank or carrier), saved for the
 * viewer's agency and offered in the mapping chooser from then on.
 */
export function MappingEditor({ header, initial, initialKind, onSaved, onDraft }: MappingEditorProps) {
  const { t } = useI18n();
  const request = useApi();
  const [kind, setKind] = useState<SheetKind>(initialKind);
  const [name, setName] = useState('');
  const [timeZone, setTimeZone] = useState<string>(TIME_ZONES[0]);
  const [fields, setFields] = useState<Record<number, SheetField | ''>>(initial);
  // Problems show once a save was tried, and follow the choices from then on.
  const [tried, setTried] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const label = (f: SheetField) => `${t(`sheets.field.${f}`)}${requiredGroup(kind, f) ? ' *' : ''}`;
  const say = (p: DraftProblem) =>
    p.kind === 'name'
      ? t('sheets.editor.needName')
      : p.kind === 'required'
        ? t('sheets.editor.needField', { fields: p.fields.map((f) => t(`sheets.field.${f}`)).join(t('sheets.editor.or')) })
        : p.kind === 'twice'
          ? t('sheets.editor.twice', { field: t(`sheets.field.${p.field}`), headers: p.headers.join('、') })
          : t('sheets.editor.blankHeader', { column: p.column + 1 });

  const draft = draftMapping({ kind, name, timeZone, header, fields });
  const problems = tried ? draft.problems : [];
  // A preview needs no name (and is not read again as one is typed): the mapping as it would be with one, sent without.
  const readable = draftMapping({ kind, name: '-', timeZone, header, fields }).mapping;
  const readableKey = readable ? JSON.stringify({ ...readable, name: '' }) : '';
  useEffect(() => {
    onDraft?.(readableKey ? (JSON.parse(readableKey) as MappingInput) : null);
  }, [readableKey, onDraft]);

  const save = async () => {
    setTried(true);
    if (!draft.mapping) return;
    setSaving(true);
    setError(undefined);
    try {
      const saved = await request(SaveSheetMappingMutation, { mapping: draft.mapping });
      onSaved(saved.saveSheetMapping.name);
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="card sheets-editor" data-testid="sheet-mapping-editor" aria-labelledby="sheet-editor-title">
      <h2 id="sheet-editor-title">{t('sheets.editor.title')}</h2>
      <p className="muted">{t('sheets.editor.lead')}</p>
      {onDraft && <p className="muted">{t('sheets.editor.live')}</p>}
      <div className="sheets-editor-options">
        <label>
          {t('sheets.editor.kind')}{' '}
          <select value={kind} onChange={(e) => setKind(e.target.value as SheetKind)} data-testid="sheet-editor-kind">
            <option value="BANK_STATEMENT">{t('sheets.kind.bank')}</option>
            <option value="CALL_RECORDS">{t('sheets.kind.calls')}</option>
          </select>
        </label>
        <label>
          {t('sheets.editor.timeZone')}{' '}
          <select value={timeZone} onChange={(e) => setTimeZone(e.target.value)} data-testid="sheet-editor-zone">
            {TIME_ZONES.map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('sheets.editor.name')}{' '}
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder={t('sheets.editor.namePlaceholder')} data-testid="sheet-editor-name" />
        </label>
      </div>
      <table className="report-table">
        <thead>
          <tr>
            <th scope="col">{t('sheets.editor.column')}</th>
            <th scope="col">{t('sheets.editor.field')}</th>
          </tr>
        </thead>
        <tbody>
          {header.map((cell, i) => (
            <tr key={i}>
              <th scope="row">{cell || t('sheets.editor.noHeader', { column: i + 1 })}</th>
              <td>
                <select
                  aria-label={t('sheets.editor.fieldOf', { header: cell || String(i + 1) })}
                  value={fields[i] && FIELDS_OF[kind].includes(fields[i]) ? fields[i] : ''}
                  onChange={(e) => setFields({ ...fields, [i]: e.target.value as SheetField | '' })}
                  data-testid={`sheet-editor-field-${i}`}
                >
                  <option value="">{t('sheets.editor.unused')}</option>
                  {FIELDS_OF[kind].map((f) => (
                    <option key={f} value={f}>
                      {label(f)}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{t('sheets.editor.required')}</p>
      {problems.length > 0 && (
        <div role="alert">
          <ul className="error" data-testid="sheet-editor-problems">
            {problems.map((p, i) => (
              <li key={i}>{say(p)}</li>
            ))}
          </ul>
        </div>
      )}
      {error && <ErrorNotice error={error} />}
      <button type="button" className="button primary" disabled={saving} onClick={() => void save()} data-testid="sheet-editor-save">
        {t('sheets.editor.save')}
      </button>
    </section>
  );
}
