import SchemaBuilder from '@pothos/core';
import type { Context } from './context';

/** The Pothos builder and nothing else: the area files (graph.ts, case.ts, money.ts, …) define the types. */
export const builder = new SchemaBuilder<{
  Context: Context;
  DefaultFieldNullability: false;
  Scalars: {
    Money: { Input: number; Output: number };
    DateTime: { Input: string; Output: string };
    JSON: { Input: unknown; Output: unknown };
    File: { Input: File; Output: never };
  };
}>({ defaultFieldNullability: false });

builder.queryType({});
builder.mutationType({});
