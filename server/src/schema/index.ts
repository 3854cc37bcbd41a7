import { audited } from './audited';
import { builder } from './builder';
import { graphqlJs } from './graphql-js';
import './scalars';
import './node';
import './graph';
import './case';
import './linkage';
import './money';
import './gang';
import './stats';
import './warning';
import './case-list';
import './write';
import './investigation';
import './export';
import './sheet';
import './account';
import './reveal';
import './task-force';
import './deconfliction';

/** The schema, every mutation audited (audited.ts): a field added anywhere is covered. */
export const schema = audited(builder.toSchema());

/** The SDL committed as server/schema.graphql; a test fails when the two differ. */
export const printedSchema = () => `${graphqlJs.printSchema(graphqlJs.lexicographicSortSchema(schema))}\n`;
