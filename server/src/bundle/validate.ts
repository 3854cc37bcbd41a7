import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020, { type ErrorObject } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { labelProp, linkProp, type Label, type LinkType } from '../domain/model';

/** One line of a case bundle, as the schema describes it. */
export type BundleRecord =
  | { kind: 'meta'; version: 1; agency: string; agencyName?: string; exportedAt?: string; description?: string }
  | {
      kind: 'source';
      id: string;
      type: string;
      reference: string;
      sha256?: string;
      collectedAt?: string;
      collectedBy?: string;
      owner?: string;
    }
  | { kind: 'node'; label: Label; id: string; owner?: string; props?: Record<string, unknown> }
  | {
      kind: 'link';
      type: LinkType;
      from: string;
      to: string;
      key?: string;
      owner?: string;
      sources?: string[];
      props?: Record<string, unknown>;
    };

export const BUNDLE_SCHEMA_PATH = join(dirname(fileURLToPath(import.meta.url)), 'case-bundle.schema.json');

function compile() {
  const ajv = new Ajv2020({ allErrors: false, strict: false });
  addFormats(ajv);
  const schema = JSON.parse(readFileSync(BUNDLE_SCHEMA_PATH, 'utf8')) as { $id: string };
  ajv.addSchema(schema);
  const one = (kind: BundleRecord['kind']) => {
    const validate = ajv.getSchema(`${schema.$id}#/$defs/${kind}`);
    if (!validate) throw new Error(`the bundle schema has no definition for ${kind}`);
    return validate;
  };
  return { meta: one('meta'), source: one('source'), node: one('node'), link: one('link') };
}

let validators: ReturnType<typeof compile> | undefined;

function describe(error: ErrorObject): string {
  const where = error.instancePath ? error.instancePath.slice(1).replace(/\//g, '.') : 'record';
  if (error.keyword === 'additionalProperties') {
    const field = String(error.params.additionalProperty);
    return `${where === 'record' ? field : `${where}.${field}`}: unknown field`;
  }
  if (error.keyword === 'enum') {
    return `${where}: must be one of ${(error.params.allowedValues as string[]).join(', ')}`;
  }
  return `${where}: ${error.message ?? 'is not valid'}`;
}

/**
 * Parses and checks one line: against the schema (picking the definition by `kind`, so that
 * the error names the real problem rather than "must match exactly one schema"), then against
 * the model, which the schema cannot express: which properties each label and link type has.
 * Returns the record or throws an Error whose message says what is wrong and where.
 */
export function parseRecord(line: string): BundleRecord {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new Error(`not JSON (${(error as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not a JSON object');
  const kind = (value as { kind?: unknown }).kind;
  if (kind !== 'meta' && kind !== 'source' && kind !== 'node' && kind !== 'link') {
    throw new Error(`kind: must be one of meta, source, node, link (got ${JSON.stringify(kind)})`);
  }
  validators ??= compile();
  const validate = validators[kind];
  if (!validate(value)) throw new Error(describe(validate.errors![0]!));
  const record = value as BundleRecord;
  if (record.kind === 'node') {
    for (const name of Object.keys(record.props ?? {})) {
      if (!labelProp(record.label, name)) throw new Error(`props.${name}: a ${record.label} has no property ${name}`);
    }
  }
  if (record.kind === 'link') {
    for (const name of Object.keys(record.props ?? {})) {
      if (!linkProp(record.type, name)) throw new Error(`props.${name}: a ${record.type} link has no property ${name}`);
    }
  }
  return record;
}
