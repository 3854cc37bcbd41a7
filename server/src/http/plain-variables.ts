import type { GraphQLSchema, VariableDefinitionNode } from 'graphql';
import { graphqlJs } from '../schema/graphql-js';

/** Whether a value is one graphql-js takes for a built-in scalar as it stands (its parseValue rules). */
const TAKES: Record<string, (value: unknown) => boolean> = {
  ID: (v) => typeof v === 'string' || Number.isInteger(v),
  String: (v) => typeof v === 'string',
  Int: (v) => Number.isInteger(v) && (v as number) >= -2147483648 && (v as number) <= 2147483647,
  Float: (v) => typeof v === 'number' && Number.isFinite(v),
  Boolean: (v) => typeof v === 'boolean',
};

interface Plain {
  name: string;
  takes: (value: unknown) => boolean;
  nonNull: boolean;
  hasDefault: boolean;
}

/**
 * A quick check of an operation's variables, for operations whose every variable is a built-in
 * scalar (`ID`, `ID!`, `Int`, …): `accepts(variables)` is true only when graphql-js would take
 * them as they are, so that the caller may skip graphql-js's own coercion (a share of a small
 * query's time); false says nothing, and graphql-js decides. Null for other operations (lists,
 * input objects, enums, custom scalars: graphql-js decides every time).
 */
export function plainVariables(schema: GraphQLSchema, definitions: readonly VariableDefinitionNode[]): { accepts(variables: Record<string, unknown> | null | undefined): boolean } | null {
  const plain: Plain[] = [];
  for (const d of definitions) {
    const nonNull = d.type.kind === graphqlJs.Kind.NON_NULL_TYPE;
    const named = nonNull ? (d.type as { type: VariableDefinitionNode['type'] }).type : d.type;
    if (named.kind !== graphqlJs.Kind.NAMED_TYPE) return null;
    const type = schema.getType(named.name.value);
    const builtIn = graphqlJs.specifiedScalarTypes.find((s) => s === type);
    if (!builtIn) return null;
    plain.push({ name: d.variable.name.value, takes: TAKES[builtIn.name]!, nonNull, hasDefault: d.defaultValue !== undefined });
  }
  return {
    accepts(variables) {
      for (const p of plain) {
        // graphql-js reads only the object's own keys: anything else is "not provided".
        const value = variables && Object.hasOwn(variables, p.name) ? variables[p.name] : undefined;
        if (value === undefined) {
          if (p.nonNull && !p.hasDefault) return false;
        } else if (value === null) {
          if (p.nonNull) return false;
        } else if (!p.takes(value)) return false;
      }
      return true;
    },
  };
}
