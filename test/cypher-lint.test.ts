import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lintNeo4jCypher, neo4jLintSchema, type CypherFinding } from '../server/src/store/neo4j/lint-schema';

const CYPHER_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'cypher');

/**
 * What Neo4j runs: `name.neo4j.cypher` where there is one, else `name.cypher`; never the embedded
 * engine's `name.kuzu.cypher` (the loader's rule, in server/src/store/cypher.ts).
 */
function neo4jFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const all = readdirSync(dir).filter((f) => f.endsWith('.cypher'));
  const overridden = (f: string) => !f.endsWith('.neo4j.cypher') && all.includes(f.replace(/\.cypher$/, '.neo4j.cypher'));
  return all.filter((f) => !f.endsWith('.kuzu.cypher') && !overridden(f)).sort();
}

/** `line:column message`, first sentence only, so that a failure reads like a compiler's. */
const brief = (findings: CypherFinding[]) => findings.map((f) => `${f.line}:${f.column} ${f.message.split('. ')[0]}`);

const files = neo4jFiles(CYPHER_DIR);

describe('cypher/ for Neo4j', () => {
  it('finds the queries, the schema among them (an empty or misplaced cypher/ fails here)', () => {
    expect(files.length).toBeGreaterThanOrEqual(1);
    expect(files).toContain('schema.neo4j.cypher');
  });

  it.each(files)('%s passes Neo4j’s parser and semantic analysis against the model', (file) => {
    const findings = lintNeo4jCypher(readFileSync(join(CYPHER_DIR, file), 'utf8'));
    expect(findings.map((f) => `${file}:${f.line}:${f.column} ${f.severity}: ${f.message}`)).toEqual([]);
  });
});

describe('the linter is live', () => {
  it('flags an unknown label, an unknown property and a misspelt function', () => {
    const findings = lintNeo4jCypher('MATCH (n:Nope)\nWHERE n.nope = $x\nRETURN cuont(n)');
    expect(brief(findings)).toEqual([
      '1:10 Label Nope is not present in the database',
      '2:9 nope is not present in the database',
      '3:8 Function cuont is not present in the database',
    ]);
  });

  it('flags syntax errors, and a function that a plain Community server lacks', () => {
    expect(brief(lintNeo4jCypher('MATCH (n RETURN n'))).toEqual([
      "1:10 Invalid input 'RETURN': expected a graph pattern, a parameter, ')', ':', 'IS', 'WHERE' or '{'",
    ]);
    expect(brief(lintNeo4jCypher("RETURN apoc.text.join(['a'], ',')"))).toEqual([
      '1:8 Function apoc.text.join is not present in the database',
    ]);
  });

  it('flags misspelt names where a query writes them, which Neo4j’s linter leaves unchecked', () => {
    const query = 'MERGE (n:Entity:Persn {idd: $id})\nSET n.nmae = $name, n:Gnag\nMERGE (n)-[:HOLDZ {kee: 1}]->(m:Entity)';
    expect(brief(lintNeo4jCypher(query))).toEqual([
      '1:17 Label or type Persn is not in the model',
      '1:24 Property idd is not in the model',
      '2:7 Property nmae is not in the model',
      '2:23 Label or type Gnag is not in the model',
      '3:13 Label or type HOLDZ is not in the model',
      '3:20 Property kee is not in the model',
    ]);
  });

  it('checks every statement of a schema file, on its own line', () => {
    const ddl = [
      'CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;',
      'CREATE INDEX case_no IF NOT EXISTS FOR (n:Entity) ON (n.caseNo);',
      'CREATE FULLTEXT INDEX entity_text IF NOT EXISTS FOR (n:Entity|Persn) ON EACH [n.name, n.nme];',
      'CREATE INDEX tx IF NOT EXISTS FOR ()-[r:TRANSFERED]-() ON (r.at);',
    ].join('\n');
    expect(brief(lintNeo4jCypher(ddl))).toEqual([
      '3:63 Label or type Persn is not in the model',
      '3:89 Property nme is not in the model',
      '4:41 Label or type TRANSFERED is not in the model',
    ]);
  });

  it('flags a link between labels the model never joins', () => {
    expect(brief(lintNeo4jCypher('MATCH (p:Person)-[:HOLDS]->(x:Phone) RETURN x'))).toEqual([
      '1:17 (:Phone) has no incoming [:HOLDS]',
    ]);
  });

  it('flags what Neo4j 5.26 does not run: Cypher 25, and Cypher 5’s warnings', () => {
    expect(brief(lintNeo4jCypher('CYPHER 25 MATCH (n:Entity) RETURN n'))).toEqual([
      '1:8 CYPHER 25: Neo4j 5.26 runs Cypher 5 only',
    ]);
    expect(brief(lintNeo4jCypher('MATCH (a:Entity), (b:Entity) RETURN a, b'))).toEqual([
      '1:1 If a part of a query contains multiple disconnected patterns, this will build a cartesian product between all those parts',
    ]);
  });
});

/** Syntax the queries may use; kept here so that an upgrade of the linter that changes its mind fails. */
const ACCEPTED: Record<string, string> = {
  'dynamic labels and types': [
    'UNWIND $rows AS row',
    'MERGE (n:Entity {id: row.id}) SET n:$(row.label), n += row.props',
    'WITH n, row MATCH (m:Entity {id: row.to})',
    'MERGE (n)-[r:$(row.type) {key: row.key}]->(m) ON CREATE SET r.createdAt = row.at',
  ].join('\n'),
  'CALL { } IN TRANSACTIONS': 'UNWIND $rows AS row CALL (row) { CREATE (:Entity:Case {id: row.id}) } IN TRANSACTIONS OF 500 ROWS',
  'built-in functions': "RETURN count(*), coalesce(null, 1), size([]), toLower('A'), split('a,b', ','), any(x IN [1] WHERE x > 0)",
  'paths': 'MATCH (a:Entity {id: $a}) MATCH (b:Entity {id: $b}) MATCH p = shortestPath((a)-[*..4]-(b)) RETURN nodes(p), relationships(p)',
  'SHORTEST k': 'MATCH p = SHORTEST 3 (a:Entity {id: $a})-[]-{1,4}(b:Entity {id: $b}) RETURN p',
  'quantified paths': 'MATCH (a:BankCard {id: $a}) ((x)-[t:TRANSFERRED WHERE t.amount > 0]->(y)){1,4} (b:BankCard) RETURN b',
  'subqueries and regex': 'MATCH (c:Case) WHERE EXISTS { (c)-[:INVOLVES]->(:Phone) } AND c.caseNo =~ $re RETURN COUNT { (c)<-[:VICTIM_IN]-() } AS n',
  'full-text search': "CALL db.index.fulltext.queryNodes('entity_text', $q) YIELD node, score RETURN node.id, score",
  'map projections and literals': "MATCH (n:Entity) RETURN n {.id, extra: 1}, point({latitude: 1.0, longitude: 2.0}), [{foo: 1}]",
  'schema version': "MERGE (m:Meta {id: 'schema'}) SET m.version = $version RETURN m.version",
};

describe('syntax the queries may use', () => {
  it('knows the model', () => {
    const schema = neo4jLintSchema();
    expect(schema.labels).toEqual(expect.arrayContaining(['Case', 'Phone', 'Entity', 'Source', 'Meta']));
    expect(schema.propertyKeys).toEqual(expect.arrayContaining(['caseNo', 'txId', 'sha256', 'owners', 'version']));
  });

  it.each(Object.entries(ACCEPTED))('accepts %s', (_, query) => {
    expect(brief(lintNeo4jCypher(query))).toEqual([]);
  });
});
