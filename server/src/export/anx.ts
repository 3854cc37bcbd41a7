import { LABELS, LINK_TYPES, type PropDef } from '../domain/model';
import type { PropValue } from '../domain/types';
import { linkTime, shanghaiLocal, yuan, type EvidenceGraph } from './evidence';
import { xml } from './xml';

/**
 * chart.anx: i2 Analyst's Notebook's XML exchange format, so analysts using i2 can open the map.
 *
 * Structure, after i2's published schema ("Analyst's Notebook 7.xsd" and its documentation,
 * installed with i2 under Common Files\i2 Shared\XML\Schema; IBM support note swg21980204,
 * "Analyst's Notebook Exchange File - ANX Format") and public ANX writers checked against
 * Analyst's Notebook 9: the root <Chart> holds, in this order, ApplicationVersion,
 * StrengthCollection, AttributeClassCollection, EntityTypeCollection, LinkTypeCollection,
 * Summary, ChartItemCollection, PaletteCollection. An entity is a ChartItem holding
 * End > Entity (EntityId, Identity) > Icon > IconStyle (Type, EntityTypeReference), then its
 * AttributeCollection; a link is a ChartItem holding Link (End1Id, End2Id naming EntityIds, with
 * IdReferenceLinking off) > CardCollection, LinkStyle (Type, LinkTypeReference, Strength,
 * ArrowStyle), then its AttributeCollection. Attribute values follow their class's type:
 * AttText, AttNumber, AttFlag, AttTime (local time without an offset: Asia/Shanghai here).
 */

type AttType = 'AttText' | 'AttNumber' | 'AttFlag' | 'AttTime';

const attType = (def: PropDef): AttType =>
  def.type === 'int' || def.type === 'money' ? 'AttNumber' : def.type === 'boolean' ? 'AttFlag' : def.type === 'time' ? 'AttTime' : 'AttText';

/** The label i2 shows on each entity type, with the Chinese investigators use. */
const ENTITY_NAMES: Record<string, string> = {
  Case: 'Case 案件',
  Person: 'Person 人员',
  BankCard: 'Bank Card 银行卡',
  Phone: 'Phone 电话',
  OnlineAccount: 'Online Account 网络账号',
  Device: 'Device 设备',
  Gang: 'Gang 团伙',
  Agency: 'Agency 单位',
};

/** i2 colours are Windows COLORREF numbers: 0x00BBGGRR. */
const colorref = (hex: string) => {
  const n = Number.parseInt(hex.slice(1), 16);
  return String(((n & 0xff) << 16) | (n & 0xff00) | ((n >> 16) & 0xff));
};

export function toAnx(graph: EvidenceGraph, colors: Record<string, string>): string {
  const classes = new Map<string, { id: string; type: AttType; def?: PropDef }>();
  const addClass = (name: string, type: AttType) => {
    if (!classes.has(name)) classes.set(name, { id: `AC${classes.size + 1}`, type });
  };
  for (const name of ['id', 'owners', 'createdAt', 'createdBy', 'updatedAt', 'owner', 'sources', 'sourceReferences', 'sourceHashes', 'masked']) {
    addClass(name, name.endsWith('At') ? 'AttTime' : 'AttText');
  }
  for (const label of graph.labels) for (const [n, def] of Object.entries(LABELS[label].props as Record<string, PropDef>)) addClass(n, attType(def));
  for (const type of graph.linkTypes) for (const [n, def] of Object.entries(LINK_TYPES[type].props as Record<string, PropDef>)) addClass(n, attType(def));

  const value = (name: string, v: PropValue): string => {
    const c = classes.get(name)!;
    if (c.type === 'AttTime' && typeof v === 'string') return shanghaiLocal(v);
    if (c.type === 'AttFlag') return v ? 'true' : 'false';
    if ((name === 'amount' || name === 'loss' || name === 'stopped' || name === 'returned' || name === 'frozenAmount') && typeof v === 'number') return yuan(v);
    return Array.isArray(v) ? v.join('; ') : String(v);
  };
  const attributes = (entries: [string, PropValue | undefined][]) => {
    const items = entries
      .filter(([, v]) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0))
      .map(([n, v]) => `<Attribute AttributeClass="${xml(n)}" AttributeClassReference="${classes.get(n)!.id}" Value="${xml(value(n, v!))}"/>`);
    return items.length > 0 ? `<AttributeCollection>${items.join('')}</AttributeCollection>` : '';
  };

  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<Chart IdReferenceLinking="false" Rigorous="true">',
    '  <ApplicationVersion Major="9" Minor="0" Point="0" Build="0"/>',
    '  <StrengthCollection>',
    '    <Strength Id="Confirmed" Name="Confirmed" DotStyle="DotStyleSolid"/>',
    '    <Strength Id="Unsupported" Name="Unsupported (no source)" DotStyle="DotStyleDashed"/>',
    '  </StrengthCollection>',
    '  <AttributeClassCollection>',
  ];
  for (const [name, c] of classes) {
    const money = ['amount', 'loss', 'stopped', 'returned', 'frozenAmount'].includes(name);
    out.push(
      `    <AttributeClass Id="${c.id}" Name="${xml(name)}" Type="${c.type}" IsUser="true" UserCanAdd="true" UserCanRemove="true" ShowValue="true"` +
        (c.type === 'AttNumber' ? ` DecimalPlaces="${money ? 2 : 0}"` : '') +
        (c.type === 'AttTime' ? ' ShowDate="true" ShowTime="true"' : '') +
        (money ? ' Suffix=" 元" ShowSuffix="true"' : '') +
        '/>',
    );
  }
  out.push('  </AttributeClassCollection>', '  <EntityTypeCollection>');
  for (const label of graph.labels) out.push(`    <EntityType Id="ET_${label}" Name="${xml(ENTITY_NAMES[label] ?? label)}" Colour="${colorref(colors[label] ?? '#888888')}"/>`);
  out.push('  </EntityTypeCollection>', '  <LinkTypeCollection>');
  for (const type of graph.linkTypes) out.push(`    <LinkType Id="LT_${type}" Name="${type}" Colour="0"/>`);
  out.push(
    '  </LinkTypeCollection>',
    '  <Summary>',
    '    <FieldCollection>',
    `      <Field Type="SummaryFieldTitle" Field="${xml(graph.investigation.name)}"/>`,
    `      <Field Type="SummaryFieldComments" Field="${xml(`As of ${graph.asOf}; times in Asia/Shanghai (UTC+08:00); amounts in yuan.`)}"/>`,
    '    </FieldCollection>',
    '  </Summary>',
    '  <ChartItemCollection>',
  );
  const entityIds = new Map<string, number>();
  graph.nodes.forEach((n, i) => entityIds.set(n.id, i + 1));
  for (const n of graph.nodes) {
    const entityType = ENTITY_NAMES[n.label] ?? n.label;
    out.push(
      `    <ChartItem Label="${xml(n.caption)}" XPosition="${Math.round(n.x)}">` +
        `<End X="${Math.round(n.x)}" Y="${Math.round(n.y)}" Z="0"><Entity EntityId="${entityIds.get(n.id)}" Identity="${xml(n.id)}" LabelIsIdentity="false">` +
        `<Icon><IconStyle Type="${xml(entityType)}" EntityTypeReference="ET_${n.label}"/></Icon></Entity></End>` +
        attributes([
          ['id', n.id],
          ['owners', n.owners],
          ['createdAt', n.createdAt],
          ['updatedAt', n.updatedAt],
          ['masked', n.masked],
          ...Object.keys(n.props).sort().map((p) => [p, n.props[p]] as [string, PropValue]),
        ]) +
        '</ChartItem>',
    );
  }
  for (const l of graph.links) {
    const cited = l.sources.map((s) => graph.sources.get(s)!);
    const at = linkTime(l);
    const when = at ? ` DateSet="true" TimeSet="true" DateTime="${shanghaiLocal(at)}"` : '';
    const source = cited.length > 0 ? ` SourceReference="${xml(cited.map((s) => s.reference).join(' | '))}" SourceType="${xml(cited.map((s) => s.type).join(', '))}"` : '';
    const cards = cited
      .map((s) => `<Card Summary="${xml(`${s.type} ${s.id}`)}" SourceReference="${xml(s.reference)}" SourceType="${xml(s.type)}" Text="${xml(`sha256: ${s.sha256 ?? 'none'}`)}"/>`)
      .join('');
    out.push(
      `    <ChartItem Label="${l.type}"${when}${source}>` +
        `<Link End1Id="${entityIds.get(l.from)}" End2Id="${entityIds.get(l.to)}">` +
        (cards ? `<CardCollection>${cards}</CardCollection>` : '') +
        `<LinkStyle Type="${l.type}" LinkTypeReference="LT_${l.type}" Strength="${cited.length > 0 ? 'Confirmed' : 'Unsupported'}" ArrowStyle="ArrowOnHead" LineWidth="1"/></Link>` +
        attributes([
          ['id', l.id],
          ['owner', l.owner],
          ['owners', l.owners],
          ['createdAt', l.createdAt],
          ['createdBy', l.createdBy],
          ['sources', l.sources],
          ['sourceReferences', cited.map((s) => s.reference)],
          ['sourceHashes', cited.map((s) => s.sha256 ?? '')],
          ...Object.keys(l.props).map((p) => [p, l.props[p]] as [string, PropValue]),
        ]) +
        '</ChartItem>',
    );
  }
  out.push('  </ChartItemCollection>', '  <PaletteCollection>', '    <Palette Name="case-linkage">', '      <AttributeClassEntryCollection>');
  for (const [name, c] of classes) out.push(`        <AttributeClassEntry AttributeClass="${xml(name)}" AttributeClassReference="${c.id}"/>`);
  out.push('      </AttributeClassEntryCollection>', '      <EntityTypeEntryCollection>');
  for (const label of graph.labels) out.push(`        <EntityTypeEntry Entity="${xml(ENTITY_NAMES[label] ?? label)}" EntityTypeReference="ET_${label}"/>`);
  out.push('      </EntityTypeEntryCollection>', '      <LinkTypeEntryCollection>');
  for (const type of graph.linkTypes) out.push(`        <LinkTypeEntry LinkType="${type}" LinkTypeReference="LT_${type}"/>`);
  out.push('      </LinkTypeEntryCollection>', '    </Palette>', '  </PaletteCollection>', '</Chart>', '');
  return out.join('\n');
}
