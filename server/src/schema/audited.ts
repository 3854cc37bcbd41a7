import { defaultFieldResolver, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { apiError } from '../api/errors';
import { mayMutate } from '../auth/roles';
import type { Context } from './context';

const ID_ARG = /^(id|ids|from|to|[a-z]+Ids?)$/;

/** The ids an operation names: arguments called id, ids, from, to or …Id(s), one level deep in inputs too. */
export function objectIdsOf(args: Record<string, unknown>): string[] {
  const out: string[] = [];
  const visit = (value: unknown, key: string, depth: number) => {
    if (ID_ARG.test(key) && typeof value === 'string') out.push(value);
    else if (ID_ARG.test(key) && Array.isArray(value)) value.forEach((v) => typeof v === 'string' && out.push(v));
    else if (depth < 1 && value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) visit(v, k, depth + 1);
    }
  };
  for (const [k, v] of Object.entries(args)) visit(v, k, 0);
  return [...new Set(out)].slice(0, 100);
}

const idOfResult = (result: unknown): string[] => {
  const id = result && typeof result === 'object' ? (result as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? [id] : [];
};

/** An error's client code, or INTERNAL for anything the API masks. */
const outcomeOf = (error: unknown): string => {
  const code = (error as { extensions?: { code?: unknown } })?.extensions?.code;
  return typeof code === 'string' ? code : 'INTERNAL';
};

/** What the audit keeps of an operation's arguments: a decision (`grant`) and the stated reason or note. */
const detailOf = (args: Record<string, unknown>): string => {
  const decision = typeof args.grant === 'boolean' ? (args.grant ? 'granted' : 'refused') : '';
  const text = typeof args.reason === 'string' ? args.reason : typeof args.note === 'string' ? args.note : '';
  // A task force's membership change names the member agency (a member user is among the object ids).
  const member = typeof args.taskForceId === 'string' && typeof args.agency === 'string' ? `agency ${args.agency}` : '';
  return [decision, member, text.trim()].filter((s) => s.length > 0).join(': ').slice(0, 1000);
};

/** Appends a record; when it cannot be written, the operation fails with AUDIT_UNAVAILABLE. */
async function record(ctx: Context, entry: Parameters<Context['audit']['append']>[0]): Promise<void> {
  try {
    await ctx.audit.append(entry);
  } catch {
    throw apiError('AUDIT_UNAVAILABLE', 'The audit trail cannot be written: nothing was done. Try again later.');
  }
}

/** The outcome of the record written before an operation runs: the operation has started. */
export const STARTED = 'started';

/**
 * Every mutation of the schema, whoever adds it, goes through here: refused for a role that may
 * not write (ANALYST), and recorded in the audit trail before it runs (outcome `started`) and
 * once more with its outcome, under the same request id; both append, nothing is updated. When
 * the first record cannot be written the operation does not run; when the second cannot, its
 * answer is withheld. Either way the client gets AUDIT_UNAVAILABLE.
 */
export function audited(schema: GraphQLSchema): GraphQLSchema {
  const mutation = schema.getMutationType();
  for (const field of Object.values(mutation?.getFields() ?? {})) {
    const resolve = (field.resolve ?? defaultFieldResolver) as GraphQLFieldResolver<unknown, Context>;
    field.resolve = async (source, args: Record<string, unknown>, ctx: Context, info) => {
      const entry = {
        userId: ctx.viewer.userId,
        agency: ctx.viewer.agency ?? ctx.viewer.agencies[0] ?? '',
        action: info.fieldName,
        objectIds: objectIdsOf(args),
        requestId: ctx.requestId,
        detail: detailOf(args),
      };
      if (!mayMutate(ctx.viewer.role, info.fieldName)) {
        await record(ctx, { ...entry, outcome: 'FORBIDDEN' });
        throw apiError('FORBIDDEN', 'Your role may not change anything.');
      }
      await record(ctx, { ...entry, outcome: STARTED });
      let result: unknown;
      try {
        result = await resolve(source, args, ctx, info);
      } catch (error) {
        await record(ctx, { ...entry, outcome: outcomeOf(error) });
        throw error;
      }
      await record(ctx, { ...entry, objectIds: [...new Set([...entry.objectIds, ...idOfResult(result)])], outcome: 'ok' });
      return result;
    };
  }
  return schema;
}
