/**
 * Neo4j's own Cypher parser and semantic analysis (`lintCypherQuery` from
 * `@neo4j-cypher/language-support`), pointed at the model, so that `cypher/*.cypher` is checked
 * where no Neo4j server runs. Test-time only: the package is a devDependency.
 */
import {
  highlightSyntax,
  isNotParamError,
  lintCypherQuery,
  testData,
  type DbSchema,
  type Neo4jFunction,
  type Neo4jProcedure,
  type ParsedCypherToken as Token,
  type SymbolTable,
} from '@neo4j-cypher/language-support';
import { LABEL_NAMES, LINK_TYPES, LINK_TYPE_NAMES, SOURCE_PROPS, allLinkProps, allNodeProps } from '../../domain/model';
import { ACCESS_REQUEST_PROPS } from '../access-requests';
import { ACCOUNT_TABLES } from '../accounts';
import { INVESTIGATION_PROPS } from '../investigations';
import { JUDGEMENT_PROPS } from '../judgements';
import { TASK_FORCE_TABLES } from '../task-forces';
import { SHEET_MAPPING_PROPS } from '../sheet-mappings';

/**
 * Labels the Neo4j adapter writes beside the model's own: every model node also carries `Entity`
 * (ids are unique on it), evidence records are `Source`, one `Meta` node holds the schema version,
 * saved canvases are `Investigation`, investigators' judgements on case links `CaseLinkJudgement`,
 * saved import specifications `SheetMapping`, requests for access after a deconfliction hit
 * `AccessRequest`, and the access layer's records are named in ACCOUNT_TABLES.
 */
export const NEO4J_EXTRA_LABELS = ['Entity', 'Source', 'Meta', 'Investigation', 'CaseLinkJudgement', 'SheetMapping', 'AccessRequest', ...(Object.keys(ACCOUNT_TABLES) as (keyof typeof ACCOUNT_TABLES)[]), ...(Object.keys(TASK_FORCE_TABLES) as (keyof typeof TASK_FORCE_TABLES)[])] as const;

/** Set and removed within one transaction to take a node's write lock (investigation-update.cypher). */
const LOCK_PROPERTY = '_LOCK_';

/** Neo4j 5.26 speaks Cypher 5 only; `CYPHER 25` arrived with Neo4j 2025.06. */
const VERSION = 'CYPHER 5';

/**
 * The package's semantic analysis knows no function until told, and then flags every call it was
 * not told about. Its only offline source of signatures is the `testData` it exports (a dump of a
 * real server's SHOW FUNCTIONS/PROCEDURES); of that we keep what a plain Community server has:
 * built-in functions and the db./dbms./tx. procedures (no APOC, no GDS, no change data capture).
 */
function builtIns(): Pick<DbSchema, 'functions' | 'procedures'> {
  const functions = Object.values(testData.mockSchema.functions?.[VERSION] ?? {}).filter((f) => f.isBuiltIn);
  const procedures = Object.values(testData.mockSchema.procedures?.[VERSION] ?? {}).filter(
    (p) => /^(db|dbms|tx)\./.test(p.name) && !p.name.startsWith('db.cdc.'),
  );
  return {
    functions: { [VERSION]: byName<Neo4jFunction>(functions) },
    procedures: { [VERSION]: byName<Neo4jProcedure>(procedures) },
  };
}

function byName<T extends { name: string }>(items: T[]): Record<string, T> {
  return Object.fromEntries(items.map((item) => [item.name, item]));
}

/** Which labels each link type joins, so `(:Person)-[:HOLDS]->(:Phone)` is flagged; `Entity` fits any end. */
function graphSchema(): NonNullable<DbSchema['graphSchema']> {
  return LINK_TYPE_NAMES.flatMap((relType) => [
    ...LINK_TYPES[relType].joins.map(([from, to]) => ({ from, to, relType })),
    { from: 'Entity', to: 'Entity', relType },
  ]);
}

export function neo4jLintSchema(): DbSchema {
  const propertyKeys = [allNodeProps(), allLinkProps(), SOURCE_PROPS, INVESTIGATION_PROPS, JUDGEMENT_PROPS, SHEET_MAPPING_PROPS, ACCESS_REQUEST_PROPS, ...Object.values(ACCOUNT_TABLES), ...Object.values(TASK_FORCE_TABLES)].flatMap((props) => Object.keys(props));
  return {
    labels: [...LABEL_NAMES, ...NEO4J_EXTRA_LABELS],
    relationshipTypes: [...LINK_TYPE_NAMES],
    propertyKeys: [...new Set([...propertyKeys, 'version', LOCK_PROPERTY])],
    graphSchema: graphSchema(),
    defaultLanguage: VERSION,
    ...builtIns(),
  };
}

export interface CypherFinding {
  /** 1-based, as an editor shows it. */
  readonly line: number;
  readonly column: number;
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

/**
 * Every diagnostic Neo4j's linter gives for `text` (one or more `;`-separated statements), less
 * "parameter not defined" (parameters arrive at run time), plus the names it leaves unchecked.
 */
export function lintNeo4jCypher(text: string, schema: DbSchema = neo4jLintSchema()): CypherFinding[] {
  const { diagnostics, symbolTables } = lintCypherQuery(text, schema);
  const query = tokenised(text, symbolTables);
  const found: Located[] = diagnostics
    .map((d) => ({
      offset: d.offsets.start,
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      severity: d.severity === 1 ? ('error' as const) : ('warning' as const),
      message: typeof d.message === 'string' ? d.message : d.message.value,
    }))
    .filter((d) => isNotParamError(d) && !misattributed(query, d.offset));
  const seen = new Set(found.map((f) => f.offset));
  const more = [...otherVersions(query), ...undeclaredNames(query, schema)].filter((f) => !seen.has(f.offset));
  return [...found, ...more].map(({ offset: _, ...finding }) => finding);
}

type Located = CypherFinding & { offset: number };

interface Tokenised {
  readonly tokens: Token[];
  readonly at: Map<number, number>;
  /** Node or relationship, or a variable the analysis does not know (schema commands). */
  readonly isEntity: (variable: Token | undefined) => boolean;
}

function tokenised(text: string, symbolTables: SymbolTable[]): Tokenised {
  const tokens = highlightSyntax(text);
  const symbols = symbolTables.flat();
  return {
    tokens,
    at: new Map(tokens.map((t, i) => [t.position.startOffset, i])),
    isEntity: (v) => {
      const s = v && symbols.find((sym) => sym.references.includes(v.position.startOffset));
      return !s || s.types.every((type) => type === 'Node' || type === 'Relationship');
    },
  };
}

/**
 * The linter reads `l.from` in `MATCH (a {id: l.from})` as a property of `a` and warns when `from`
 * is no property key, though `l` is a map (an UNWIND row): drop such warnings.
 */
function misattributed({ tokens, at, isEntity }: Tokenised, offset: number): boolean {
  const i = at.get(offset);
  if (i === undefined || tokens[i]?.tokenType !== 'property' || tokens[i - 1]?.token !== '.') return false;
  const variable = tokens[i - 2];
  return variable?.tokenType === 'variable' && !isEntity(variable);
}

/** The linter accepts `CYPHER 25`, which a Neo4j 5.26 server rejects. */
function otherVersions({ tokens }: Tokenised): Located[] {
  return tokens
    .filter((t, i) => t.tokenType === 'numberLiteral' && t.token !== '5' && tokens[i - 1]?.token.toUpperCase() === 'CYPHER')
    .map((t) => ({ ...located(t), severity: 'error', message: `CYPHER ${t.token}: Neo4j 5.26 runs Cypher 5 only` }));
}

function located(t: Token): Omit<Located, 'severity' | 'message'> {
  const { startOffset, line, startCharacter } = t.position;
  return { offset: startOffset, line: line + 1, column: startCharacter + 1 };
}

const LABEL_OPERATORS = new Set([':', '|', '&', '!']);

/**
 * The linter checks labels, types and properties only where a query reads them: a misspelt label
 * in MERGE, SET or CREATE INDEX, or a misspelt key in `SET n.x` or `MERGE (n {x: ...})`, would
 * otherwise pass and silently create a new name. Found from the highlighter's tokens.
 */
function undeclaredNames(query: Tokenised, schema: DbSchema): Located[] {
  const { tokens, isEntity } = query;
  const names = new Set([...(schema.labels ?? []), ...(schema.relationshipTypes ?? [])]);
  const keys = new Set(schema.propertyKeys ?? []);
  const patternMaps: boolean[] = [];
  const out: Located[] = [];
  const flag = (t: Token, what: string) =>
    out.push({ ...located(t), severity: 'warning', message: `${what} ${t.token} is not in the model` });
  tokens.forEach((t, i) => {
    const [p2, p1] = [tokens[i - 2], tokens[i - 1]];
    const name = t.token.replace(/^`|`$/g, '');
    // Schema commands tokenise `FOR ()-[r:T]-()` and `FOR (n:A|B)` names as plain symbolic names.
    const isName = t.tokenType === 'label' || (t.tokenType === 'symbolicName' && LABEL_OPERATORS.has(p1?.token ?? ''));
    if (t.tokenType === 'bracket' && t.token === '{') patternMaps.push(opensPatternMap(query, i));
    else if (t.tokenType === 'bracket' && t.token === '}') patternMaps.pop();
    else if (isName && !names.has(name)) flag(t, 'Label or type');
    else if (t.tokenType === 'property' && !keys.has(name)) {
      const access = p1?.token === '.' && p2?.tokenType === 'variable' && isEntity(p2);
      const mapKey = (p1?.token === '{' || p1?.token === ',') && patternMaps.at(-1) === true;
      if (access || mapKey) flag(t, 'Property');
    }
  });
  return out;
}

/** `(n:L {`, `(n {`, `[:T {` or `-[r {` open a pattern's property map; `RETURN n {.id}` and `f({` do not. */
function opensPatternMap({ tokens, isEntity }: Tokenised, i: number): boolean {
  const [p2, p1] = [tokens[i - 2], tokens[i - 1]];
  if (p1?.tokenType === 'label') return true;
  if (p1?.tokenType === 'variable') return (p2?.token === '(' || p2?.token === '[') && isEntity(p1);
  if (p1?.token === '(') return p2?.tokenType !== 'function' && p2?.tokenType !== 'procedure';
  return p1?.token === '[' && p2?.tokenType === 'separator' && p2.token !== ',';
}
