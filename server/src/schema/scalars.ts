import { Kind, valueFromASTUntyped } from 'graphql';
import { apiError } from '../api/errors';
import { builder } from './builder';

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function money(value: unknown): number {
  const n = typeof value === 'string' && /^-?\d{1,16}$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) throw apiError('BAD_INPUT', 'Money is a whole number of fen, as a string of digits.');
  return n;
}

function dateTime(value: unknown): string {
  const ms = typeof value === 'string' && ISO_WITH_OFFSET.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) throw apiError('BAD_INPUT', 'DateTime is ISO 8601 with an offset, e.g. 2026-03-10T10:00:00+08:00.');
  return new Date(ms).toISOString();
}

builder.scalarType('Money', {
  description:
    'An amount in fen (分), whole, exact beyond 32 bits: sent as a string of digits ("98000000" is ¥980,000.00); a JSON integer is accepted as input.',
  serialize: (v) => String(v),
  parseValue: money,
  parseLiteral: (ast) => money(ast.kind === Kind.STRING || ast.kind === Kind.INT ? (ast.kind === Kind.INT ? Number(ast.value) : ast.value) : null),
});

builder.scalarType('DateTime', {
  description: 'An instant, ISO 8601 with an offset; answers are in UTC (2026-03-10T02:00:00.000Z). The web app shows Asia/Shanghai.',
  serialize: (v) => String(v),
  parseValue: dateTime,
  parseLiteral: (ast) => dateTime(ast.kind === Kind.STRING ? ast.value : null),
});

builder.scalarType('JSON', {
  description: 'Properties as a JSON object, checked against the model like a case-bundle record.',
  serialize: (v) => v,
  parseValue: (v) => v,
  parseLiteral: (ast) => valueFromASTUntyped(ast),
});

builder.scalarType('File', {
  description: 'A file sent as a multipart request (GraphQL multipart request spec).',
  serialize: () => {
    throw new Error('File is input only');
  },
  parseValue: (v) => {
    // Yoga's multipart parser hands over its own File implementation, not the global class.
    if (typeof (v as Blob | null)?.text !== 'function') throw apiError('BAD_INPUT', 'Expected an uploaded file.');
    return v as File;
  },
});
