import type { LinkFields, NodeFields } from './fragments';
import type { ResultOf } from './graphql';
import type { introspection } from './graphql-env';

/** A node and a link as the API sends them (NodeFields, LinkFields): the canvas document keeps them as they are. */
export type ApiNode = ResultOf<typeof NodeFields>;
export type ApiLink = ResultOf<typeof LinkFields>;

type Enum<Name extends keyof introspection['types']> = introspection['types'][Name] extends { enumValues: infer V } ? V : never;
export type NodeLabel = Enum<'NodeLabel'>;
export type LinkType = Enum<'LinkType'>;
export type GangLayer = Enum<'GangLayer'>;
