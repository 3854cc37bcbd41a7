import type { Actions } from './actions';
import type { CanvasDoc } from './doc';
import { DetailsPanel } from './panels/DetailsPanel';
import { GangPanel } from './panels/GangPanel';
import { LinkedPanel } from './panels/LinkedPanel';
import { MoneyPanel } from './panels/MoneyPanel';
import { PathsPanel } from './panels/PathsPanel';
import type { AnalysisKind, AnalysisResult } from './results';
import { SidePanel, type PanelName } from './SidePanel';

type ResultOf<K extends AnalysisKind> = Extract<AnalysisResult, { kind: K }> | undefined;

/** The side panel's tabs, each given the selection it works on and the last result of its analysis. */
export function AnalysisPanels({
  doc,
  selection,
  panel,
  onPanel,
  results,
  actions,
  onFocus,
  onClearHighlight,
}: {
  doc: CanvasDoc;
  selection: readonly string[];
  panel: PanelName;
  onPanel(name: PanelName): void;
  results: Partial<Record<AnalysisKind, AnalysisResult>>;
  actions: Actions;
  onFocus(ids: string[]): void;
  onClearHighlight(): void;
}) {
  const nodes = selection.filter((id) => doc.graph.nodes[id]);
  const first = nodes[0] ? doc.graph.nodes[nodes[0]] : undefined;
  const seed = (...labels: string[]) => (first && labels.includes(first.label) ? first.id : null);
  return (
    <SidePanel active={panel} onActive={onPanel}>
      {panel === 'details' && <DetailsPanel doc={doc} selection={selection} onExpandMore={(id) => void actions.expandMore(id)} />}
      {panel === 'linked' && <LinkedPanel caseId={seed('Case')} result={results.linked as ResultOf<'linked'>} onRun={(id) => void actions.linkedCases(id)} onFocus={onFocus} />}
      {panel === 'paths' && (
        <PathsPanel
          pair={nodes.length === 2 ? [nodes[0]!, nodes[1]!] : null}
          result={results.paths as ResultOf<'paths'>}
          nameOf={actions.nameOf}
          onRun={(from, to, maxHops) => void actions.paths(from, to, maxHops)}
          onFocus={onFocus}
          onClear={onClearHighlight}
        />
      )}
      {panel === 'money' && (
        <MoneyPanel seed={seed('Case', 'BankCard')} result={results.money as ResultOf<'money'>} nameOf={actions.nameOf} onRun={(id, depth) => void actions.moneyTrail(id, depth)} onFocus={onFocus} />
      )}
      {panel === 'gang' && <GangPanel seed={seed('Person', 'Gang')} result={results.gang as ResultOf<'gang'>} onRun={(id) => void actions.gang(id)} onFocus={onFocus} />}
    </SidePanel>
  );
}
