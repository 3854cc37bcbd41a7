import type { DocumentNode, ExecutionArgs, ExecutionResult, GraphQLError, GraphQLSchema, OperationTypeNode, Source, VariableDefinitionNode } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { Plugin } from 'graphql-yoga';
import { graphqlJs } from '../schema/graphql-js';
import { plainVariables } from './plain-variables';

type Execute = (args: ExecutionArgs) => unknown;

export interface Compiled {
  query: CompiledQuery;
  /** query or mutation (subscriptions are never compiled). */
  kind: OperationTypeNode;
  document: DocumentNode;
  variables: readonly VariableDefinitionNode[];
  /** The quick check of its variables when all are built-in scalars (plain-variables.ts). */
  plain: ReturnType<typeof plainVariables>;
}

/** How many documents yoga has validated are remembered by their text, for json-post.ts. */
export const KNOWN_DOCUMENTS = 1000;

export interface CompiledExecution {
  plugin: Plugin;
  /**
   * The compiled operation of a document text yoga parsed, validated (armor's limits and the
   * schema's rules included) and executed before; undefined when the text is not (or no longer)
   * known, null when it is known but not compiled.
   */
  known(text: string, operationName: string | null | undefined): Compiled | null | undefined;
  /** Whether graphql-js would refuse these variables (the request then goes to the usual executor). */
  refuses(entry: Compiled, variables: Record<string, unknown> | null | undefined): boolean;
  /** Runs a compiled operation; errors come back as graphql-js makes them. */
  run(entry: Compiled, context: unknown, variables: Record<string, unknown> | null | undefined): ExecutionResult | Promise<ExecutionResult>;
}

/**
 * Executes each query and mutation through a function graphql-jit compiled for its document, once
 * per document (yoga's parse cache hands back the same document object for the same text).
 * graphql-js works out every field's type, resolver and completion anew on each request: a third
 * of a 2-hop neighbourhood's time through the API went there.
 *
 * Whatever the compiled function would answer differently goes to the usual executor, so the
 * answers stay graphql-js's word for word: documents graphql-jit cannot compile, subscriptions,
 * and variables graphql-js refuses (its messages name the variable and the path of the bad value).
 * The errors it does answer become graphql-js's own (located by source and position, as
 * graphql-js places them), which yoga's masking and serialising keep their locations from.
 *
 * Only documents that reach execution are remembered by text (`known`): yoga executes nothing
 * that failed parsing, armor's limits or validation.
 */
export function compiledExecution(schema: GraphQLSchema): CompiledExecution {
  /** Per document and operation name: the compiled query and the operation's variables, or null when not compiled. */
  const compiled = new WeakMap<DocumentNode, Map<string, Compiled | null>>();
  /** Executed documents by text, oldest first (a hit moves one to the end). */
  const byText = new Map<string, DocumentNode>();

  function compiledFor(document: DocumentNode, operationName: string | null | undefined): Compiled | null {
    const name = operationName ?? '';
    let byName = compiled.get(document);
    if (!byName) compiled.set(document, (byName = new Map()));
    let entry = byName.get(name);
    if (entry === undefined) {
      const operation = graphqlJs.getOperationAST(document, operationName);
      const result = operation && operation.operation !== 'subscription' ? compileQuery(schema, document, operationName ?? undefined) : null;
      const variables = operation?.variableDefinitions ?? [];
      entry = result && isCompiledQuery(result) ? { query: result, kind: operation!.operation, document, variables, plain: plainVariables(schema, variables) } : null;
      byName.set(name, entry);
    }
    return entry;
  }

  function remember(text: unknown, document: DocumentNode): void {
    if (typeof text !== 'string' || byText.get(text) === document) return;
    byText.delete(text);
    byText.set(text, document);
    if (byText.size > KNOWN_DOCUMENTS) byText.delete(byText.keys().next().value!);
  }

  // Variables plainly right need no second coercion (graphql-jit's compiled one still runs).
  const refuses = (entry: Compiled, variables: Record<string, unknown> | null | undefined): boolean =>
    !entry.plain?.accepts(variables) && graphqlJs.getVariableValues(schema, entry.variables, variables ?? {}, { maxErrors: 50 }).errors !== undefined;

  function run(entry: Compiled, context: unknown, variables: Record<string, unknown> | null | undefined, root?: unknown): ExecutionResult | Promise<ExecutionResult> {
    const result = entry.query.query(root, context, variables) as ExecutionResult | Promise<ExecutionResult>;
    return result instanceof Promise ? result.then((r) => asGraphqlJs(r, entry.document)) : asGraphqlJs(result, entry.document);
  }

  return {
    plugin: {
      onExecute({ args, executeFn, setExecuteFn }) {
        remember((args.contextValue as { params?: { query?: unknown } }).params?.query, args.document);
        const usual = executeFn as Execute;
        setExecuteFn(((a: ExecutionArgs) => {
          const entry = compiledFor(a.document, a.operationName);
          if (!entry || refuses(entry, a.variableValues)) return usual(a);
          return run(entry, a.contextValue, a.variableValues, a.rootValue);
        }) as never);
      },
    },
    known(text, operationName) {
      const document = byText.get(text);
      if (!document) return undefined;
      byText.delete(text);
      byText.set(text, document);
      return compiledFor(document, operationName);
    },
    refuses,
    run,
  };
}

/** The result with graphql-jit's errors as graphql-js makes them: placed by source and positions. */
function asGraphqlJs(result: ExecutionResult, document: DocumentNode): ExecutionResult {
  if (!result.errors?.length) return result;
  const source = document.loc?.source;
  // graphql-jit's errors inherit from graphql-js's GraphQLError but are built by a constructor of its own.
  const errors = result.errors.map((e: GraphQLError) =>
    e.constructor === graphqlJs.GraphQLError
      ? e
      : new graphqlJs.GraphQLError(e.message, {
          source,
          positions: source ? e.locations?.map((l) => offsetOf(source, l)) : undefined,
          path: e.path,
          originalError: e.originalError ?? undefined,
          extensions: e.extensions,
        }),
  );
  return { ...result, errors };
}

/** The character offset of a line and column (both from 1) in a source. */
function offsetOf(source: Source, { line, column }: { line: number; column: number }): number {
  let offset = 0;
  for (let l = 1; l < line; l++) offset = source.body.indexOf('\n', offset) + 1;
  return offset + column - 1;
}
