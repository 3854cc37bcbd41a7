import { LABELS, LINK_COMMON_PROPS, LINK_TYPES, NODE_COMMON_PROPS, type PropDef } from '../../../../server/src/domain/model';
import type { ApiLink as FullLink } from '../../api/types';
import type { ApiLink, ApiNode, Placeholder } from '../../graph/elements';
import { formatShanghai } from '../../graph/format';
import { useI18n } from '../../i18n/I18nProvider';
import { isMessageKey, type MessageKey } from '../../i18n/messages';
import type { CanvasDoc } from '../doc';
import { formatValue } from './format-value';
import { useState, type ReactNode } from 'react';
import { useViewer } from '../../viewer/ViewerProvider';
import { useAgencyNames } from '../../viewer/agency-names';
import { mayReveal, RevealButton } from '../../viewer/RevealDialog';
import { DeconflictionHit } from '../../access/DeconflictionHit';

/** A link as the canvas keeps it holds every field the app asked for (LinkFields), evidence included. */
const full = (l: ApiLink) => l as unknown as Partial<FullLink> & ApiLink;

function Rows({ rows, extra = {} }: { rows: [string, string | undefined][]; extra?: Record<string, ReactNode> }) {
  const shown = rows.filter((r): r is [string, string] => r[1] !== undefined);
  return (
    <dl className="props">
      {shown.map(([k, v]) => (
        <div key={k} className="prop">
          <dt>{k}</dt>
          <dd>
            {v}
            {extra[k]}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** A value the server masked: asterisks where characters were. */
const masked = (value: unknown) => typeof value === 'string' && value.includes('*');

function NodeDetails({ node, agencyName }: { node: ApiNode; agencyName(id: string): string }) {
  const { t, lang } = useI18n();
  const props = LABELS[node.label].props as Record<string, PropDef>;
  const { viewer } = useViewer();
  const [revealed, setRevealed] = useState<Record<string, string | null>>({});
  const values = { ...(node as unknown as Record<string, unknown>), ...revealed };
  const label = (prop: string) => (isMessageKey(`prop.${prop}`) ? t(`prop.${prop}` as MessageKey) : prop);
  const extra: Record<string, ReactNode> = {};
  if (mayReveal(viewer.role)) {
    for (const p of Object.keys(props)) {
      if (props[p]?.sensitive && !(p in revealed) && masked(values[p])) {
        extra[label(p)] = <RevealButton key={p} nodeId={node.id} property={p} label={label(p)} onRevealed={(v) => setRevealed((r) => ({ ...r, [p]: v }))} />;
      }
    }
  }
  const rows: [string, string | undefined][] = [
    [t('prop.id'), node.id],
    ...Object.keys(props).map((p): [string, string | undefined] => [label(p), formatValue({ prop: p, def: props[p], value: values[p], locale: lang, t })]),
    [t('prop.owners'), formatValue({ prop: 'owners', def: NODE_COMMON_PROPS.owners, value: node.owners?.map(agencyName), locale: lang, t })],
    [t('prop.createdAt'), formatValue({ prop: 'createdAt', def: NODE_COMMON_PROPS.createdAt, value: values.createdAt, locale: lang, t })],
    [t('prop.updatedAt'), formatValue({ prop: 'updatedAt', def: NODE_COMMON_PROPS.updatedAt, value: values.updatedAt, locale: lang, t })],
  ];
  return (
    <section aria-label={node.caption ?? node.id} data-testid="details">
      <h3>
        {t(`label.${node.label}`)} · {node.caption ?? node.id}
      </h3>
      <Rows rows={rows} extra={extra} />
      {(LABELS[node.label].identifier || node.label === 'Person') && <DeconflictionHit key={node.id} nodeId={node.id} label={node.label} />}
    </section>
  );
}

function LinkDetails({ link, doc, agencyName }: { link: ApiLink; doc: CanvasDoc; agencyName(id: string): string }) {
  const { t, lang } = useI18n();
  const l = full(link);
  const props = LINK_TYPES[link.type].props as Record<string, PropDef>;
  const values = l as unknown as Record<string, unknown>;
  const name = (id: string) => doc.graph.nodes[id]?.caption ?? id;
  const rows: [string, string | undefined][] = [
    [t('prop.type'), t(`link.${link.type}`)],
    [t('prop.from'), name(link.from)],
    [t('prop.to'), name(link.to)],
    ...Object.keys(props).map((p): [string, string | undefined] => [isMessageKey(`prop.${p}`) ? t(`prop.${p}` as MessageKey) : p, formatValue({ prop: p, def: props[p], value: values[p], locale: lang, t })]),
    [t('prop.owner'), l.owner === undefined ? undefined : agencyName(l.owner)],
    [t('details.owners'), formatValue({ prop: 'owners', def: LINK_COMMON_PROPS.owners, value: l.owners?.map(agencyName), locale: lang, t })],
    [t('prop.createdBy'), l.createdBy],
    [t('prop.createdAt'), l.createdAt ? formatShanghai(l.createdAt, true) : undefined],
  ];
  const evidence = (l.evidence ?? []).filter((s): s is NonNullable<typeof s> => !!s);
  return (
    <section aria-label={t(`link.${link.type}`)} data-testid="details">
      <h3>
        {t(`link.${link.type}`)}: {name(link.from)} → {name(link.to)}
      </h3>
      <Rows rows={rows} />
      <h4>{t('details.sources')}</h4>
      {evidence.length === 0 ? (
        <p className="muted">{t('details.noSources')}</p>
      ) : (
        <ul className="sources">
          {evidence.map((s) => (
            <li key={s.id}>
              <strong>{t(`source.${s.type}`)}</strong> {s.reference}
              <div className="muted">
                {s.collectedBy && s.collectedAt ? t('details.collected', { who: s.collectedBy, time: formatShanghai(s.collectedAt) }) : s.id} · {agencyName(s.owner)}
              </div>
              {s.sha256 && (
                <div className="muted">
                  {t('details.sha256')}: <code>{s.sha256}</code>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Properties, owning agencies, sources with their references, and who added it when. */
export function DetailsPanel({ doc, selection, onExpandMore }: { doc: CanvasDoc; selection: readonly string[]; onExpandMore(id: string): void }) {
  const { t } = useI18n();
  const agencyName = useAgencyNames();
  if (selection.length === 0) return <p className="muted">{t('panel.nothing')}</p>;
  if (selection.length > 1) return <p>{t('details.multiple', { count: selection.length })}</p>;
  const id = selection[0]!;
  const node = doc.graph.nodes[id];
  if (node) return <NodeDetails node={node} agencyName={agencyName} />;
  const link = doc.graph.links[id];
  if (link) return <LinkDetails link={link} doc={doc} agencyName={agencyName} />;
  const placeholder: Placeholder | undefined = doc.graph.placeholders[id];
  if (placeholder) {
    return (
      <div>
        <p>{t('details.placeholder', { count: placeholder.count })}</p>
        <button type="button" className="button primary" onClick={() => onExpandMore(id)}>
          {t('menu.expandMore', { count: placeholder.count })}
        </button>
      </div>
    );
  }
  return <p className="muted">{t('panel.nothing')}</p>;
}
