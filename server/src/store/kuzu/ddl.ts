import {
  allLinkProps,
  allNodeProps,
  LINK_TYPE_NAMES,
  SOURCE_PROPS,
  type PropDef,
} from '../../domain/model';
import { ACCESS_REQUEST_PROPS } from '../access-requests';
import { ACCOUNT_TABLES } from '../accounts';
import { INVESTIGATION_PROPS } from '../investigations';
import { JUDGEMENT_PROPS } from '../judgements';
import { SHEET_MAPPING_PROPS } from '../sheet-mappings';
import { TASK_FORCE_TABLES } from '../task-forces';
import { CITED_COLUMNS } from './cited';
import { TIME_COLUMNS } from './split-time';

/**
 * The embedded engine's tables, derived from the model. All labels share one node table,
 * `Entity`, with a `label` column: Kuzu finds a node by primary key only when the query names
 * its table, and most reads start from an id whose label the caller does not know (a lookup
 * across eight tables measured 20 ms against 2 ms on one, at 1M nodes). Every link table
 * carries every link property, so a pattern over all link types can read `r.at` whatever the type,
 * and the columns of a split-off row citation (cited.ts) and time (split-time.ts), which a store
 * made before them gains.
 */
export function kuzuDdl(): string[] {
  const nodeColumns = columns(allNodeProps(), 'id');
  const linkColumns = columns(allLinkProps());
  const cited = Object.entries({ ...CITED_COLUMNS, ...TIME_COLUMNS });
  return [
    `CREATE NODE TABLE IF NOT EXISTS Entity(${nodeColumns}, PRIMARY KEY (id))`,
    `CREATE NODE TABLE IF NOT EXISTS Source(${columns(SOURCE_PROPS, 'id')}, PRIMARY KEY (id))`,
    'CREATE NODE TABLE IF NOT EXISTS Meta(id STRING, version INT64, PRIMARY KEY (id))',
    `CREATE NODE TABLE IF NOT EXISTS Investigation(${columns(INVESTIGATION_PROPS, 'id')}, PRIMARY KEY (id))`,
    `CREATE NODE TABLE IF NOT EXISTS CaseLinkJudgement(${columns(JUDGEMENT_PROPS, 'id')}, PRIMARY KEY (id))`,
    `CREATE NODE TABLE IF NOT EXISTS SheetMapping(${columns(SHEET_MAPPING_PROPS, 'id')}, PRIMARY KEY (id))`,
    `CREATE NODE TABLE IF NOT EXISTS AccessRequest(${columns(ACCESS_REQUEST_PROPS, 'id')}, PRIMARY KEY (id))`,
    ...Object.entries({ ...ACCOUNT_TABLES, ...TASK_FORCE_TABLES }).map(([table, props]) => `CREATE NODE TABLE IF NOT EXISTS ${table}(${columns(props, 'id')}, PRIMARY KEY (id))`),
    ...LINK_TYPE_NAMES.map((t) => `CREATE REL TABLE IF NOT EXISTS ${t}(FROM Entity TO Entity, ${linkColumns}, ${cited.map(([c, type]) => `${c} ${type}`).join(', ')})`),
    ...LINK_TYPE_NAMES.flatMap((t) => cited.map(([c, type]) => `ALTER TABLE ${t} ADD IF NOT EXISTS ${c} ${type}`)),
  ];
}

function columns(props: Record<string, PropDef>, first?: string): string {
  const names = Object.keys(props).sort((a, b) => (a === first ? -1 : b === first ? 1 : a.localeCompare(b)));
  return names.map((name) => `${name} ${kuzuType(name, props[name]!)}`).join(', ');
}

/** Owners are stored encoded (`|a|b|`, see visibility.ts); times as UTC ISO strings, which sort. */
export function kuzuType(name: string, prop: PropDef): string {
  if (name === 'owners') return 'STRING';
  switch (prop.type) {
    case 'int':
    case 'money':
      return 'INT64';
    case 'boolean':
      return 'BOOLEAN';
    case 'stringList':
      return 'STRING[]';
    default:
      return 'STRING';
  }
}
