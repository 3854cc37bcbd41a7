import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUNDLE_SCHEMA_PATH } from '../bundle/validate';
import { kuzuDdl } from '../store/kuzu/ddl';
import { CYPHER_DIR } from '../store/cypher';
import { join } from 'node:path';
import {
  ACCOUNT_TYPES,
  AGENCY_LEVELS,
  CASE_CATEGORIES,
  CASE_STATUSES,
  CHANNELS,
  GANG_LAYERS,
  GENDERS,
  LABEL_NAMES,
  LABELS,
  LINK_TYPE_NAMES,
  LINK_TYPES,
  PLATFORMS,
  SOURCE_TYPES,
  type PropDef,
} from './model';

const schema = JSON.parse(readFileSync(BUNDLE_SCHEMA_PATH, 'utf8'));
const defs = schema.$defs;

describe('the model', () => {
  it('gives one meaning to each property name across labels', () => {
    const seen = new Map<string, PropDef>();
    for (const label of LABEL_NAMES) {
      for (const [name, def] of Object.entries(LABELS[label].props as Record<string, PropDef>)) {
        const earlier = seen.get(name);
        if (earlier) expect({ name, type: def.type }).toEqual({ name, type: earlier.type });
        seen.set(name, def);
      }
    }
    expect(seen.size).toBeGreaterThan(30);
  });

  it('agrees with the case bundle schema on labels, link types and enums', () => {
    expect(defs.node.properties.label.enum).toEqual(LABEL_NAMES);
    expect(defs.link.properties.type.enum).toEqual(LINK_TYPE_NAMES);
    expect(defs.source.properties.type.enum).toEqual([...SOURCE_TYPES]);
    const props = defs.node.properties.props.properties;
    expect(props.category.enum).toEqual([...CASE_CATEGORIES]);
    expect(props.channel.enum).toEqual([...CHANNELS]);
    expect(props.status.enum).toEqual([...CASE_STATUSES]);
    expect(props.gender.enum).toEqual([...GENDERS]);
    expect(props.accountType.enum).toEqual([...ACCOUNT_TYPES]);
    expect(props.platform.enum).toEqual([...PLATFORMS]);
    expect(props.level.enum).toEqual([...AGENCY_LEVELS]);
    expect(defs.link.properties.props.properties.layer.enum).toEqual([...GANG_LAYERS]);
  });

  it('declares exactly the node and link properties the bundle may carry', () => {
    const nodeProps = new Set(LABEL_NAMES.flatMap((l) => Object.keys(LABELS[l].props)));
    expect([...nodeProps].sort()).toEqual(Object.keys(defs.node.properties.props.properties).sort());
    const linkProps = new Set(LINK_TYPE_NAMES.flatMap((t) => Object.keys(LINK_TYPES[t].props)));
    expect([...linkProps].sort()).toEqual(Object.keys(defs.link.properties.props.properties).sort());
  });

  it('is what cypher/schema.kuzu.cypher holds (regenerate it with `npm run schema:kuzu`)', () => {
    const file = readFileSync(join(CYPHER_DIR, 'schema.kuzu.cypher'), 'utf8');
    const statements = file
      .split('\n')
      .filter((l) => !l.startsWith('//') && l.trim().length > 0)
      .map((l) => l.replace(/;$/, ''));
    expect(statements).toEqual(kuzuDdl());
  });
});
