import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Label } from '../../../server/src/domain/model';
import { ExportEvidenceMutation, ExportKeyQuery } from '../api/operations';
import { useApi } from '../api/use-api';
import { toElements } from '../graph/elements';
import type { Band } from '../graph/layouts/hierarchy';
import { formatShanghai } from '../graph/format';
import type { StoryId } from '../home/stories';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey, Params } from '../i18n/messages';
import { createActions } from './actions';
import { AnalysisPanels } from './AnalysisPanels';
import { Canvas, type CanvasApi } from './Canvas';
import { canvasEdits } from './canvas-edits';
import { applyLayout, clear, move, setGroupByLabel, setTimeWindow, showAll } from './commands';
import { groupedLayout } from './layouts';
import { ContextMenu, type MenuTarget } from './ContextMenu';
import type { CanvasDoc } from './doc';
import { download, exportFileName } from './export';
import { FailureNotice } from './FailureNotice';
import { HelpDialog } from './HelpDialog';
import { base64Bytes, evidenceArgs } from './evidence';
import { InvestigationBar, type EvidenceResult } from './InvestigationBar';
import type { KeyCommand } from './keymap';
import { resultIds, type AnalysisKind, type AnalysisResult } from './results';
import type { PanelName } from './SidePanel';
import { startStory } from './start-story';
import { Timeline } from './Timeline';
import { Toolbar } from './Toolbar';
import { useCanvasHistory } from './use-canvas-history';
import { useInvestigation } from './use-investigation';
import { useShortcuts } from './use-shortcuts';
import { useTasks } from './use-tasks';
import { WorkspaceSearch } from './WorkspaceSearch';
import { canvasView, isDecoration, type Highlight } from './view';

/**
 * The investigation workspace: search, the canvas, its tools and the analysis panels over one
 * canvas document with undo. It wires them together; the logic lives in the modules it imports.
 */
export function Workspace({ open, story, trail, investigationId }: { open: string[]; story: StoryId | null; trail: string | null; investigationId: string | null }) {
  const { t, lang } = useI18n();
  const request = useApi();
  const history = useCanvasHistory();
  const tasks = useTasks();
  const investigation = useInvestigation({ request, history, tasks, untitled: t('toolbar.untitled') });
  const canvas = useRef<CanvasApi>(null);
  const searchInput = useRef<HTMLInputElement>(null);
  const [selection, setSelection] = useState<string[]>([]);
  const [panel, setPanel] = useState<PanelName>('details');
  const [results, setResults] = useState<Partial<Record<AnalysisKind, AnalysisResult>>>({});
  const [highlight, setHighlight] = useState<Highlight | null>(null);
  const [menu, setMenu] = useState<MenuTarget | null>(null);
  const [timeline, setTimeline] = useState(false);
  const [help, setHelp] = useState(false);
  const [notice, setNotice] = useState<{ key: MessageKey; params?: Params } | null>(null);
  const [fitKey, setFitKey] = useState(0);
  const [evidence, setEvidence] = useState<EvidenceResult | null>(null);
  const doc = history.doc;

  const groupName = useCallback((l: Label) => t(`label.${l}`), [t]);
  const bandName = useCallback(
    (b: Band) => t(b.inferred ? 'layout.bandInferred' : 'layout.band', { layer: t(b.layer === 'UNPLACED' ? 'layer.unknown' : `layer.${b.layer}`), count: b.count, inferred: b.inferred }),
    [t],
  );
  const elements = useMemo(() => toElements(doc.graph, { locale: lang }), [doc.graph, lang]);
  const view = useMemo(() => canvasView(doc, { elements, highlight, groupName, bandName }), [doc, elements, highlight, groupName, bandName]);
  const edges = useMemo(() => view.filter((e) => e.data.source !== undefined), [view]);
  const layoutElements = useCallback((d: CanvasDoc) => canvasView({ ...d, groupByLabel: false, layout: 'force' }, { elements: toElements(d.graph, { locale: lang }) }), [lang]);
  const showResult = useCallback((result: AnalysisResult) => {
    setResults((r) => ({ ...r, [result.kind]: result }));
    setPanel(result.kind);
    const ids = resultIds(result);
    setHighlight(ids.length ? { ids, withLinks: result.kind !== 'paths' } : null);
  }, []);
  const notify = useCallback((key: MessageKey) => setNotice({ key }), []);
  const fit = useCallback(() => setFitKey((k) => k + 1), []);
  const actions = createActions({ request, history, tasks, locale: lang, layoutElements, showResult, notify, fit });
  const edit = canvasEdits(history.change, history.current);

  useEffect(() => {
    if (tasks.busy) setNotice(null);
  }, [tasks.busy]);
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    if (investigationId) void investigation.load(investigationId).then(fit);
    else if (story) void startStory(story, actions);
    else if (trail) void (open.length ? actions.open(open) : Promise.resolve(true)).then(() => actions.moneyTrail(trail));
    else if (open.length) void actions.open(open);
  });

  const nodesSelected = selection.filter((id) => doc.graph.nodes[id] || doc.graph.placeholders[id]);
  const activate = (id: string) => void (doc.graph.placeholders[id] ? actions.expandMore(id) : actions.expand(id));
  const openMenu = (id: string, at: { x: number; y: number }) => {
    const node = doc.graph.nodes[id];
    const placeholder = doc.graph.placeholders[id];
    if (!node && !placeholder) return;
    setMenu({
      id,
      at,
      name: node ? actions.nameOf(id) : t('menu.expandMore', { count: placeholder!.count }),
      label: node ? node.label : placeholder!.label,
      placeholder: !node,
      count: placeholder?.count,
      pinned: doc.pinned.includes(id),
      locked: doc.locked.includes(id),
    });
  };
  const save = async (asNew = false) => {
    if (await investigation.save({ asNew })) setNotice({ key: 'save.done', params: { name: investigation.name.trim() || t('toolbar.untitled') } });
  };
  const exportAs = async (format: 'png' | 'svg') => {
    try {
      const file = exportFileName(investigation.name || t('app.name'), new Date(), format);
      const blob = format === 'png' ? await canvas.current!.png() : new Blob([canvas.current!.svg()], { type: 'image/svg+xml' });
      download(blob, file);
      setNotice({ key: 'export.done', params: { file } });
    } catch (error) {
      setNotice({ key: 'export.failed', params: { reason: error instanceof Error ? error.message : String(error) } });
    }
  };
  const focus = (ids: string[]) => {
    setHighlight({ ids });
    canvas.current?.fit(ids.filter((id) => doc.positions[id]));
  };

  useShortcuts((command: KeyCommand) => {
    if (command === 'undo') history.undo();
    else if (command === 'redo') history.redo();
    else if (command === 'search') searchInput.current?.focus();
    else if (command === 'expand') nodesSelected.forEach(activate);
    else if (command === 'hide') edit.hide(nodesSelected);
    else if (command === 'remove') edit.remove(selection);
    else if (command === 'pin') edit.pin(nodesSelected);
    else if (command === 'lock') edit.lock(nodesSelected);
    else if (command === 'fit') canvas.current?.fit();
    else if (command === 'selectAll') canvas.current?.select(Object.keys(doc.positions));
    else if (command === 'save') void save();
    else if (command === 'help') setHelp(true);
    else if (command === 'escape') {
      setHighlight(null);
      canvas.current?.select([]);
    } else if (command === 'menu') {
      const at = nodesSelected[0] ? canvas.current?.clientPosition(nodesSelected[0]) : undefined;
      if (at) openMenu(nodesSelected[0]!, at);
    } else void actions.layout(command.slice('layout-'.length) as 'force');
  });

  /** The evidence package of the saved investigation (or of the canvas as it is), downloaded as a zip. */
  const exportEvidence = () =>
    void tasks.run('action.exportEvidence', async (signal) => {
      setEvidence(null);
      const args = evidenceArgs({ saved: investigation.saved, dirty: investigation.dirty, doc: history.current(), name: investigation.name });
      const [{ exportEvidence: pkg }, { exportKey }] = await Promise.all([request(ExportEvidenceMutation, args, signal), request(ExportKeyQuery, {}, signal)]);
      download(new Blob([base64Bytes(pkg.zipBase64)], { type: 'application/zip' }), pkg.fileName);
      setEvidence({ files: pkg.files.length + 1, unsupported: pkg.unsupportedLinks, fingerprint: exportKey.fingerprint });
    });

  const nodeCount = Object.keys(doc.graph.nodes).length;
  const linkCount = Object.keys(doc.graph.links).length;
  const canvasLabel = t('canvas.label', { nodes: nodeCount, links: linkCount });
  return (
    <div className="workspace" data-testid="workspace" data-busy={tasks.busy ? 'true' : 'false'} data-layout={doc.layout}>
      <div className="workspace-top">
        <WorkspaceSearch ref={searchInput} onOpen={(ids) => void actions.open(ids)} />
        <InvestigationBar investigation={investigation} onSave={(asNew) => void save(asNew)} canExport={nodeCount > 0} onExportEvidence={exportEvidence} evidence={evidence} />
      </div>
      <Toolbar
        undoing={history.undoing}
        redoing={history.redoing}
        layout={doc.layout}
        groupByLabel={doc.groupByLabel}
        timeline={timeline}
        hiddenCount={doc.hidden.length}
        canExport={nodeCount > 0}
        onUndo={history.undo}
        onRedo={history.redo}
        onLayout={(name) => void actions.layout(name)}
        onFit={() => canvas.current?.fit()}
        onGroup={(on) => {
          // Grouping lays the labels out in blocks of their own, so that the groups' boxes do not overlap.
          history.change({ key: on ? 'change.group' : 'change.ungroup' }, (d) => (on ? applyLayout(setGroupByLabel(d, true), 'grid', groupedLayout(layoutElements(d))) : setGroupByLabel(d, false)));
          if (on) fit();
        }}
        onTimeline={setTimeline}
        onShowHidden={() => history.change({ key: 'change.showAll' }, showAll)}
        onClear={() => history.change({ key: 'change.clear' }, clear)}
        onExport={(format) => void exportAs(format)}
        onHelp={() => setHelp(true)}
      />
      {tasks.failure && <FailureNotice failure={tasks.failure} onDismiss={tasks.dismiss} onSaveAs={() => void save(true)} />}
      {investigation.unreadable && (
        <div className="notice notice-error" role="alert">
          {t('open.bad', { reason: investigation.unreadable })}
        </div>
      )}
      <div className="workspace-body">
        <div className="canvas-wrap">
          <Canvas
            ref={canvas}
            elements={view}
            fitKey={fitKey}
            label={canvasLabel}
            onSelect={(ids) => setSelection(ids.filter((id) => !isDecoration(id)))}
            onActivate={activate}
            onMenu={openMenu}
            onMoved={(positions) => history.change({ key: 'change.move' }, (d) => move(d, positions))}
          />
          {nodeCount === 0 && !tasks.busy && <p className="canvas-empty">{t('canvas.empty')}</p>}
        </div>
        <AnalysisPanels doc={doc} selection={selection} panel={panel} onPanel={setPanel} results={results} actions={actions} onFocus={focus} onClearHighlight={() => setHighlight(null)} />
      </div>
      {timeline && <Timeline edges={edges} window={doc.timeWindow} onWindow={(w) => history.change({ key: w ? 'change.time' : 'change.timeClear' }, (d) => setTimeWindow(d, w))} />}
      <div className="status-bar">
        <span>{canvasLabel}</span>
        {doc.hidden.length > 0 && <span>{t('canvas.hiddenCount', { count: doc.hidden.length })}</span>}
        {doc.timeWindow && <span>{t('canvas.timeFiltered', { from: formatShanghai(doc.timeWindow.from), to: formatShanghai(doc.timeWindow.to) })}</span>}
        <span role="status" aria-live="polite" className="status-live" data-testid="status">
          {tasks.busy ? t('status.busy', { action: t(tasks.busy) }) : notice ? t(notice.key, notice.params) : t('status.ready')}
        </span>
      </div>
      {menu && (
        <ContextMenu
          target={menu}
          onClose={() => setMenu(null)}
          actions={{
            expand: (options) => void actions.expand(menu.id, options),
            expandMore: () => void actions.expandMore(menu.id),
            collapse: () => edit.collapse(menu.id, menu.name),
            hide: () => edit.hide([menu.id]),
            remove: () => edit.remove([menu.id]),
            pin: (on) => edit.pin([menu.id], on),
            lock: (on) => edit.lock([menu.id], on),
            details: () => {
              canvas.current?.select([menu.id]);
              setPanel('details');
            },
            linkedCases: () => void actions.linkedCases(menu.id),
            moneyTrail: () => void actions.moneyTrail(menu.id),
            gang: () => void actions.gang(menu.id),
          }}
        />
      )}
      {help && <HelpDialog onClose={() => setHelp(false)} />}
    </div>
  );
}
