import { useEffect, useRef, useState } from 'react';
import type { ResultOf } from 'gql.tada';
import { gqlUpload, type UploadProgress } from '../api/client';
import { asApiError } from '../api/use-api';
import { ImportSheetMutation, PreviewSheetMutation, SheetMappingsQuery } from '../api/operations';
import { useQuery } from '../api/use-api';
import type { ApiError } from '../api/errors';
import { useNavigation } from '../app/Navigation';
import { formatMoney, formatShanghai } from '../graph/format';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorNotice } from '../ui/ErrorNotice';
import { useViewer } from '../viewer/ViewerProvider';
import { DRAFT_NAME, type MappingInput, type SheetField, type SheetKind } from './mapping-draft';
import { MappingEditor } from './MappingEditor';
import { rowReasonKey, skipReasonKey } from './row-reasons';
import { trailCard, trailSeeds } from './trail-seeds';
import { followUpload, UploadStatus, type UploadState } from './UploadStatus';

type Preview = ResultOf<typeof PreviewSheetMutation>['previewSheet'];
type Report = ResultOf<typeof ImportSheetMutation>['importSheet'];

/** How long the mapping editor's choices must rest before the preview is read again with them. */
const LIVE_PREVIEW_MS = 400;

/** Statements and call records: upload a file, choose or detect its mapping, preview, import, read the report. */
export function ImportSheet() {
  const { t, lang } = useI18n();
  const { viewer } = useViewer();
  const { navigate } = useNavigation();
  const mappings = useQuery(SheetMappingsQuery, {});
  const [file, setFile] = useState<File | null>(null);
  const [mapping, setMapping] = useState('');
  const [onError, setOnError] = useState<'STOP' | 'SKIP'>('STOP');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const [upload, setUpload] = useState<UploadState | null>(null);
  const [took, setTook] = useState<{ seconds: number; rows: number } | null>(null);
  const [editing, setEditing] = useState(false);
  // The editor's mapping so far, and whether the preview shown was read with it.
  const [draft, setDraft] = useState<MappingInput | null>(null);
  const [fromDraft, setFromDraft] = useState(false);
  // Each preview asked for takes a ticket; only the latest one's answer is shown.
  const latest = useRef(0);

  const run = async <T,>(task: (onProgress: (p: UploadProgress) => void) => Promise<T>, done: (value: T) => number) => {
    const started = Date.now();
    setBusy(true);
    setError(undefined);
    setTook(null);
    const onProgress = followUpload(file?.size ?? 0, setUpload);
    try {
      const rows = done(await task(onProgress));
      setTook({ seconds: Math.round((Date.now() - started) / 100) / 10, rows });
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
      setUpload(null);
    }
  };
  const doPreview = (name = mapping) => {
    const ticket = ++latest.current;
    return (
      file &&
      run(
        (onProgress) => gqlUpload(PreviewSheetMutation, { mapping: name || null }, file, 'file', { viewer, onProgress }),
        (d) => {
          if (ticket !== latest.current) return 0;
          setPreview(d.previewSheet);
          setFromDraft(false);
          setReport(null);
          setEditing(d.previewSheet.sheets.every((s) => !s.mapping) || d.previewSheet.errors.length > 0);
          return d.previewSheet.sheets.reduce((n, s) => n + s.rows, 0);
        },
      )
    );
  };
  // While the editor is open the preview follows its choices, read again once they rest.
  useEffect(() => {
    if (!file || !editing || !draft) return;
    const timer = setTimeout(() => {
      const ticket = ++latest.current;
      gqlUpload(PreviewSheetMutation, { mapping: null, draft }, file, 'file', { viewer }).then(
        (d) => {
          if (ticket !== latest.current) return;
          setPreview(d.previewSheet);
          setFromDraft(true);
          setError(undefined);
        },
        (e: unknown) => ticket === latest.current && setError(asApiError(e)),
      );
    }, LIVE_PREVIEW_MS);
    return () => clearTimeout(timer);
  }, [draft, file, editing, viewer]);
  const doImport = () =>
    file &&
    run(
      (onProgress) => gqlUpload(ImportSheetMutation, { mapping: mapping || null, onError }, file, 'file', { viewer, onProgress }),
      (d) => {
        setReport(d.importSheet);
        return d.importSheet.rows;
      },
    );
  const onSaved = (name: string) => {
    mappings.retry();
    setMapping(name);
    setEditing(false);
    void doPreview(name);
  };
  // The sheet to map: the first no mapping fits, else the first read.
  const toMap = preview ? (preview.sheets.find((s) => !s.mapping) ?? preview.sheets[0]) : undefined;
  const known: Record<number, SheetField> = {};
  if (toMap) for (const c of preview!.columns) if (c.sheet === toMap.sheet && toMap.header.includes(c.header)) known[toMap.header.indexOf(c.header)] = c.field as SheetField;
  const knownKind: SheetKind = mappings.data?.sheetMappings.find((m) => m.name === toMap?.mapping)?.kind ?? 'BANK_STATEMENT';
  const seeds = preview ? trailSeeds(preview.rows) : [];
  const card = preview ? trailCard(preview.rows) : null;
  const reason = (text: string) => {
    const key = rowReasonKey(text);
    return key ? t(key) : text;
  };
  const skipped = (why: string) => {
    const key = skipReasonKey(why);
    return key ? t(key) : why;
  };
  const badRowsHref = report?.badRows ? `data:text/csv;charset=utf-8,${encodeURIComponent(report.badRows)}` : null;

  return (
    <div className="home sheets">
      <section className="hero">
        <h1>{t('sheets.title')}</h1>
        <p className="lead">{t('sheets.lead')}</p>
        <form className="sheets-form" onSubmit={(e) => { e.preventDefault(); void doPreview(); }}>
          <label>
            {t('sheets.file')}{' '}
            <input type="file" accept=".csv,.txt,.xlsx" data-testid="sheet-file" onChange={(e) => { setFile(e.target.files?.[0] ?? null); setPreview(null); setReport(null); setDraft(null); }} />
          </label>
          <label>
            {t('sheets.mapping')}{' '}
            <select value={mapping} onChange={(e) => setMapping(e.target.value)} data-testid="sheet-mapping">
              <option value="">{t('sheets.mapping.auto')}</option>
              {/* A mapping just saved is chosen before the list read again holds it: shown by name meanwhile, never as "auto". */}
              {mapping !== '' && !mappings.data?.sheetMappings.some((m) => m.name === mapping) && <option value={mapping}>{mapping}</option>}
              {mappings.data?.sheetMappings.map((m) => (
                <option key={`${m.agency ?? ''}|${m.name}`} value={m.name}>
                  {m.builtIn ? t(m.kind === 'CALL_RECORDS' ? 'sheets.builtIn.calls' : 'sheets.builtIn.bank') : t('sheets.saved', { name: m.name, agency: m.agency ?? '' })}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="button" disabled={!file || busy} data-testid="sheet-preview">
            {t('sheets.preview')}
          </button>
        </form>
      </section>
      {error && <ErrorNotice error={error} onRetry={() => void doPreview()} />}
      {upload && <UploadStatus state={upload} />}
      {took && !busy && (
        <p className="muted" data-testid="sheet-took">
          {t('sheets.progress.took', { seconds: took.seconds, rows: took.rows })}
        </p>
      )}
      {preview && (
        <section className="card" data-testid="sheet-preview-table">
          <h2>{t('sheets.previewTitle')}</h2>
          <ul className="muted">
            {preview.sheets.map((s) => (
              <li key={s.sheet}>{s.mapping ? t('sheets.sheetRead', { sheet: s.sheet, mapping: fromDraft && s.mapping === DRAFT_NAME ? t('sheets.editor.draftName') : s.mapping, header: s.headerRow ?? 0, rows: s.rows }) : t('sheets.sheetLeft', { sheet: s.sheet })}</li>
            ))}
          </ul>
          {preview.errors.map((e, i) => (
            <p key={i} className="error">{t('sheets.rowError', { where: `${e.sheet}!${e.row}`, column: e.column, value: '', reason: reason(e.reason) })}</p>
          ))}
          <table className="report-table">
            <thead>
              <tr>
                <th scope="col">{t('sheets.col.row')}</th>
                <th scope="col">{t('sheets.col.from')}</th>
                <th scope="col">{t('sheets.col.to')}</th>
                <th scope="col">{t('sheets.col.amount')}</th>
                <th scope="col">{t('sheets.col.time')}</th>
                <th scope="col">{t('sheets.col.note')}</th>
                <th scope="col">{t('sheets.col.related')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((r) => (
                <tr key={`${r.sheet}!${r.row}`}>
                  <th scope="row">{`${r.sheet}!${r.row}`}</th>
                  <td>{r.link?.from ?? ''}</td>
                  <td>{r.link?.to ?? ''}</td>
                  <td>{r.link?.amount != null ? formatMoney(r.link.amount, lang) : r.link?.seconds != null ? t('sheets.seconds', { seconds: r.link.seconds }) : ''}</td>
                  <td>{r.link ? formatShanghai(r.link.at, true) : ''}</td>
                  <td>{r.error ? t('sheets.rowError', { where: '', column: r.error.column, value: r.error.value, reason: reason(r.error.reason) }) : r.skipped ? t('sheets.skipped', { why: skipped(r.skipped) }) : r.link?.key}</td>
                  <td>
                    {r.related.map((l) => (
                      <div key={`${l.type}|${l.from}|${l.to}`}>{t('sheets.related', { from: l.from, type: t(l.type === 'HOLDS' ? 'link.HOLDS' : 'link.USES'), to: l.to })}</div>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {!editing && toMap && toMap.header.length > 0 && (
            <button type="button" className="button" onClick={() => setEditing(true)} data-testid="sheet-edit-mapping">
              {t('sheets.editor.open')}
            </button>
          )}
          <div className="sheets-actions">
            <label>
              {t('sheets.onError')}{' '}
              <select value={onError} onChange={(e) => setOnError(e.target.value as 'STOP' | 'SKIP')} data-testid="sheet-on-error">
                <option value="STOP">{t('sheets.onError.stop')}</option>
                <option value="SKIP">{t('sheets.onError.skip')}</option>
              </select>
            </label>
            <button type="button" className="button primary" disabled={busy} onClick={() => void doImport()} data-testid="sheet-import">
              {t('sheets.import')}
            </button>
          </div>
        </section>
      )}
      {preview && editing && toMap && (
        <MappingEditor key={`${toMap.sheet}|${toMap.header.join('|')}`} header={toMap.header} initial={known} initialKind={knownKind} onSaved={onSaved} onDraft={setDraft} />
      )}
      {report && (
        <section className="card" data-testid="sheet-report">
          <h2>{report.stopped ? t('sheets.stopped', { count: report.errorCount }) : t('sheets.done', { rows: report.rows, imported: report.imported, created: report.linksCreated, updated: report.linksUpdated })}</h2>
          <ul>
            {report.errors.slice(0, 50).map((e, i) => (
              <li key={i}>{t('sheets.rowError', { where: `${e.sheet}!${e.row}`, column: e.column, value: e.value, reason: reason(e.reason) })}</li>
            ))}
          </ul>
          {badRowsHref && (
            <a className="button" href={badRowsHref} download={`${report.file}.errors.csv`}>
              {t('sheets.badRows')}
            </a>
          )}
          {!report.stopped && seeds.length > 0 && (
            <button type="button" className="button primary" data-testid="sheet-open-trail" onClick={() => navigate({ name: 'workspace', open: seeds, story: null, ...(card ? { trail: card } : {}) })}>
              {t(card ? 'sheets.openTrail' : 'sheets.openCalls')}
            </button>
          )}
        </section>
      )}
    </div>
  );
}
