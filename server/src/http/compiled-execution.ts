import type { DocumentNode, ExecutionArgs, ExecutionResult, GraphQLError, Source, VariableDefinitionNode } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { Plugin } from 'graphql-yoga';
import { graphqlJs } from '../schema/graphql-js';

type Execute = (args: ExecutionArgs) => unknown;

interface Compiled {
  query: CompiledQuery;
  variables: readonly VariableDefinitionNode[];
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
 */
export function compiledExecution(): Plugin {
  /** Per document and operation name: the compiled query and the operation's variables, or null when not compiled. */
  const compiled = new WeakMap<DocumentNode, Map<string, Compiled | null>>();

  function compiledFor(args: ExecutionArgs): Compiled | null {
    const name = args.operationName ?? '';
    let byName = compiled.get(args.document);
    if (!byName) compiled.set(args.document, (byName = new Map()));
    let entry = byName.get(name);
    if (entry === undefined) {
      const operation = graphqlJs.getOperationAST(args.document, args.operationName);
      const result = operation && operation.operation !== 'subscription' ? compileQuery(args.schema, args.document, args.operationName ?? undefined) : null;
      entry = result && isCompiledQuery(result) ? { query: result, variables: operation!.variableDefinitions ?? [] } : null;
      byName.set(name, entry);
    }
    return entry;
  }

  const variablesRefused = (args: ExecutionArgs, variables: Compiled['variables']): boolean =>
    graphqlJs.getVariableValues(args.schema, variables, args.variableValues ?? {}, { maxErrors: 50 }).errors !== undefined;

  return {
    onExecute({ executeFn, setExecuteFn }) {
      const usual = executeFn as Execute;
      setExecuteFn(((args: ExecutionArgs) => {
        const entry = compiledFor(args);
        if (!entry || variablesRefused(args, entry.variables)) return usual(args);
        const result = entry.query.query(args.rootValue, args.contextValue, args.variableValues) as ExecutionResult | Promise<ExecutionResult>;
        return result instanceof Promise ? result.then((r) => asGraphqlJs(r, args.document)) : asGraphqlJs(result, args.document);
      }) as never);
    },
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
