import { createRequire } from 'node:module';

/**
 * graphql-js as Pothos and yoga load it. graphql 16 ships CommonJS and ES builds without an
 * exports map; Node gives libraries the CommonJS one while Vite would give our own files the ES
 * one, and types from one copy fail instanceof checks in the other. Code that hands schema
 * objects to graphql-js takes it from here.
 */
export const graphqlJs = createRequire(import.meta.url)('graphql') as typeof import('graphql');
