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

export const schema = builder.toSchema();

/** The SDL committed as server/schema.graphql; a test fails when the two differ. */
export const printedSchema = () => `${graphqlJs.printSchema(graphqlJs.lexicographicSortSchema(schema))}\n`;
