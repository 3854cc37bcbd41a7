import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Label } from '../../../server/src/domain/model';
import { useApi } from '../api/use-api';
import { toElements } from '../graph/elements';
import { storyById, type StoryId } from '../home/stories';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/messages';
import { SearchBox } from '../search/SearchBox';
import { SearchResults } from '../search/SearchResults';
import { ErrorNotice } from '../ui/ErrorNotice';
import { createActions } from './actions';
import { Canvas, type CanvasApi } from './Canvas';
import { hide, removeElements, setFlag, setGroupByLabel, setTimeWindow, showAll, collapse, move } from './commands';
import { ContextMenu, type MenuTarget } from './ContextMenu';
import type { CanvasDoc } from './doc';
import { download, exportFileName } from './export';
import { HelpDialog } from './HelpDialog';
import { InvestigationBar } from './InvestigationBar';
import { commandFor, type KeyCommand } from './keymap';
import { DetailsPanel } from './panels/DetailsPanel';
import { GangPanel } from './panels/GangPanel';
import { LinkedPanel } from './panels/LinkedPanel';
import { MoneyPanel } from './panels/MoneyPanel';
import { PathsPanel } from './panels/PathsPanel';
import { resultIds, type AnalysisKind, type AnalysisResult } from './results';
import { SidePanel, type PanelName } from './SidePanel';
import { Timeline } from './Timeline';
import { Toolbar } from './Toolbar';
import { useCanvasHistory } from './use-canvas-history';
import { useInvestigation } from './use-investigation';
import { useTasks } from './use-tasks';
import { canvasView, isDecoration, type Highlight } from './view';

const INTERACTIVE = 'button, a, summary, [role=menuitem], [role=tab]';
const FIELD = 'input, textarea, select, [contenteditable=true]';

/**
 * The investigation workspace: search, the canvas, its tools and the analysis panels over one
 * canvas document with undo. It wires them together; the logic lives in the modules it imports.
 */
export function Workspace({ open, story, investigationId }: { open: string[]; story: StoryId | null; investigationId: string | null }) {
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
  const [notice, setNotice] = useState<string | null>(null);
  const [searchText, setSearchText] = useState('');
  const [fitKey, setFitKey] = useState(0);
  const doc = history.doc;

  const groupName = useCallback((l: Label) => t(`label.${l}`), [t]);
  const elements = useMemo(() => toElements(doc.graph, { locale: lang }), [doc.graph, lang]);
  const view = useMemo(() => canvasView(doc, { elements, highlight, groupName }), [doc, elements, highlight, groupName]);
  const layoutElements = useCallback((d: CanvasDoc) => canvasView({ ...d, groupByLabel: false, layout: 'force' }, { elements: toElements(d.graph, { locale: lang }) }), [lang]);

  const showResult = useCallback((result: AnalysisResult) => {
    setResults((r) => ({ ...r, [result.kind]: result }));
    setPanel(result.kind);
    const ids = resultIds(result);
    setHighlight(ids.length ? { ids } : null);
  }, []);
  const notify = useCallback((key: MessageKey) => setNotice(t(key)), [t]);
  const fit = useCallback(() => setFitKey((k) => k + 1), []);
  const actions = createActions({ request, history, tasks, locale: lang, layoutElements, showResult, notify, fit });

  useEffect(() => {
    if (tasks.busy) setNotice(null);
  }, [tasks.busy]);

  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    if (investigationId) void investigation.load(investigationId).then(fit);
    else if (story) {
      const start = storyById(story).start;
      if (start.kind === 'gang') void actions.gang(start.gangId);
      else if (start.kind === 'money') void actions.moneyTrail(start.caseId);
      else if (start.kind === 'linked') void actions.open(start.also).then(() => actions.linkedCases(start.caseId));
      else void actions.open(start.ids).then(() => actions.expand(start.ids[0]!));
    } else if (open.length) void actions.open(open);
  });

  const nodesSelected = selection.filter((id) => doc.graph.nodes[id] || doc.graph.placeholders[id]);
  const first = nodesSelected[0];
  const firstNode = first ? doc.graph.nodes[first] : undefined;
  const setFlags = (flag: 'pinned' | 'locked', ids: string[]) => {
    const on = !ids.every((id) => doc[flag].includes(id));
    const key = flag === 'pinned' ? (on ? 'change.pin' : 'change.unpin') : on ? 'change.lock' : 'change.unlock';
    history.change({ key, params: { count: ids.length } }, (d) => setFlag(d, flag, ids, on));
  };
  const activate = (id: string) => (doc.graph.placeholders[id] ? void actions.expandMore(id) : void actions.expand(id));
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
  const exportAs = async (format: 'png' | 'svg') => {
    try {
      const file = exportFileName(investigation.name || t('app.name'), new Date(), format);
      const blob = format === 'png' ? await canvas.current!.png() : new Blob([canvas.current!.svg()], { type: 'image/svg+xml' });
      download(blob, file);
      setNotice(t('export.done', { file }));
    } catch (error) {
      setNotice(t('export.failed', { reason: error instanceof Error ? error.message : String(error) }));
    }
  };

  const runCommand = (command: KeyCommand) => {
    switch (command) {
      case 'undo':
        return history.undo();
      case 'redo':
        return history.redo();
      case 'search':
        return searchInput.current?.focus();
      case 'expand':
        return nodesSelected.forEach(activate);
      case 'hide':
        return nodesSelected.length && history.change({ key: 'change.hide', params: { count: nodesSelected.length } }, (d) => hide(d, nodesSelected));
      case 'remove':
        return selection.length && history.change({ key: 'change.remove', params: { count: selection.length } }, (d) => removeElements(d, selection));
      case 'pin':
        return nodesSelected.length && setFlags('pinned', nodesSelected);
      case 'lock':
        return nodesSelected.length && setFlags('locked', nodesSelected);
      case 'fit':
        return canvas.current?.fit();
      case 'selectAll':
        return canvas.current?.select(Object.keys(doc.positions));
      case 'escape':
        setMenu(null);
        setHighlight(null);
        return canvas.current?.select([]);
      case 'save':
        return void investigation.save();
      case 'help':
        return setHelp(true);
      case 'menu': {
        const at = first ? canvas.current?.clientPosition(first) : undefined;
        return first && at && openMenu(first, at);
      }
      case 'layout-force':
      case 'layout-hierarchy':
      case 'layout-money':
      case 'layout-grid':
        return void actions.layout(command.slice('layout-'.length) as 'force');
    }
  };
  const commandRef = useRef(runCommand);
  commandRef.current = runCommand;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || document.querySelector('[role=dialog][aria-modal=true], [role=menu]')) return;
      const target = e.target as HTMLElement;
      if ((e.key === 'Enter' || e.key === ' ') && target.closest?.(INTERACTIVE)) return;
      const command = commandFor({ key: e.key, ctrlKey: e.ctrlKey, metaKey: e.metaKey, shiftKey: e.shiftKey, altKey: e.altKey, inField: !!target.closest?.(FIELD) });
      if (!command) return;
      e.preventDefault();
      commandRef.current(command);
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, []);

  const focus = (ids: string[]) => {
    setHighlight({ ids });
    canvas.current?.fit(ids.filter((id) => doc.positions[id]));
  };
  const nodeCount = Object.keys(doc.graph.nodes).length;
  const linkCount = Object.keys(doc.graph.links).length;
  const allEdges = useMemo(() => view.filter((e) => e.data.source !== undefined), [view]);
  const pair: [string, string] | null = nodesSelected.length === 2 && nodesSelected.every((id) => doc.graph.nodes[id]) ? [nodesSelected[0]!, nodesSelected[1]!] : null;

  return (
    <div className="workspace" data-testid="workspace" data-busy={tasks.busy ? 'true' : 'false'} data-layout={doc.layout}>
      <div className="workspace-top">
        <div className="workspace-search">
          <SearchBox ref={searchInput} onSearch={setSearchText} />
          {searchText && (
            <div className="search-dropdown" data-testid="search-dropdown">
              <button type="button" className="button small close" onClick={() => setSearchText('')} aria-label={t('search.close')}>
                ×
              </button>
              <SearchResults
                text={searchText}
                action="search.add"
                onOpen={(ids) => {
                  setSearchText('');
                  void actions.open(ids);
                }}
              />
            </div>
          )}
        </div>
        <InvestigationBar investigation={investigation} />
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
        onGroup={(on) => history.change({ key: on ? 'change.group' : 'change.ungroup' }, (d) => setGroupByLabel(d, on))}
        onTimeline={setTimeline}
        onShowHidden={() => history.change({ key: 'change.showAll' }, showAll)}
        onExport={(format) => void exportAs(format)}
        onHelp={() => setHelp(true)}
      />
      {tasks.failure && <ErrorNotice error={tasks.failure.error} action={tasks.failure.action} onRetry={tasks.failure.retry} onDismiss={tasks.dismiss} />}
      {investigation.unreadable && <div className="notice notice-error" role="alert">{t('open.bad', { reason: investigation.unreadable })}</div>}
      <div className="workspace-body">
        <div className="canvas-wrap">
          <Canvas
            ref={canvas}
            elements={view}
            fitKey={fitKey}
            label={t('canvas.label', { nodes: nodeCount, links: linkCount })}
            onSelect={(ids) => setSelection(ids.filter((id) => !isDecoration(id)))}
            onActivate={activate}
            onMenu={openMenu}
            onMoved={(positions) => history.change({ key: 'change.move' }, (d) => move(d, positions))}
          />
          {nodeCount === 0 && !tasks.busy && <p className="canvas-empty">{t('canvas.empty')}</p>}
        </div>
        <SidePanel active={panel} onActive={setPanel}>
          {panel === 'details' && <DetailsPanel doc={doc} selection={selection} onExpandMore={(id) => void actions.expandMore(id)} />}
          {panel === 'linked' && (
            <LinkedPanel caseId={firstNode?.label === 'Case' ? firstNode.id : null} result={results.linked as Extract<AnalysisResult, { kind: 'linked' }>} onRun={(id) => void actions.linkedCases(id)} onFocus={focus} />
          )}
          {panel === 'paths' && (
            <PathsPanel
              pair={pair}
              result={results.paths as Extract<AnalysisResult, { kind: 'paths' }>}
              nameOf={actions.nameOf}
              onRun={(from, to, maxHops) => void actions.paths(from, to, maxHops)}
              onFocus={focus}
              onClear={() => setHighlight(null)}
            />
          )}
          {panel === 'money' && (
            <MoneyPanel
              seed={firstNode && (firstNode.label === 'Case' || firstNode.label === 'BankCard') ? firstNode.id : null}
              result={results.money as Extract<AnalysisResult, { kind: 'money' }>}
              nameOf={actions.nameOf}
              onRun={(id, depth) => void actions.moneyTrail(id, depth)}
              onFocus={focus}
            />
          )}
          {panel === 'gang' && (
            <GangPanel
              seed={firstNode && (firstNode.label === 'Person' || firstNode.label === 'Gang') ? firstNode.id : null}
              result={results.gang as Extract<AnalysisResult, { kind: 'gang' }>}
              onRun={(id) => void actions.gang(id)}
              onFocus={focus}
            />
          )}
        </SidePanel>
      </div>
      {timeline && <Timeline edges={allEdges} window={doc.timeWindow} onWindow={(w) => history.change({ key: w ? 'change.time' : 'change.timeClear' }, (d) => setTimeWindow(d, w))} />}
      <div className="status-bar">
        <span>{t('canvas.label', { nodes: nodeCount, links: linkCount })}</span>
        {doc.hidden.length > 0 && <span>{t('canvas.hiddenCount', { count: doc.hidden.length })}</span>}
        {doc.timeWindow && <span>{t('canvas.timeFiltered', { from: new Date(doc.timeWindow.from).toISOString().slice(0, 10), to: new Date(doc.timeWindow.to).toISOString().slice(0, 10) })}</span>}
        <span role="status" aria-live="polite" className="status-live" data-testid="status">
          {tasks.busy ? t('status.busy', { action: t(tasks.busy) }) : (notice ?? t('status.ready'))}
        </span>
      </div>
      {menu && (
        <ContextMenu
          target={menu}
          onClose={() => setMenu(null)}
          actions={{
            expand: (options) => void actions.expand(menu.id, options),
            expandMore: () => void actions.expandMore(menu.id),
            collapse: () => history.change({ key: 'change.collapse', params: { name: menu.name } }, (d) => collapse(d, menu.id)),
            hide: () => history.change({ key: 'change.hide', params: { count: 1 } }, (d) => hide(d, [menu.id])),
            remove: () => history.change({ key: 'change.remove', params: { count: 1 } }, (d) => removeElements(d, [menu.id])),
            pin: (on) => history.change({ key: on ? 'change.pin' : 'change.unpin', params: { count: 1 } }, (d) => setFlag(d, 'pinned', [menu.id], on)),
            lock: (on) => history.change({ key: on ? 'change.lock' : 'change.unlock', params: { count: 1 } }, (d) => setFlag(d, 'locked', [menu.id], on)),
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
