import { resolve } from 'node:path';

export interface Config {
  port: number;
  dataDir: string;
  graphStore: 'embedded' | 'neo4j';
  neo4j: { uri: string; user: string; password: string; database: string };
  /** Load the demo data into an empty store on first start. */
  demo: boolean;
  logLevel: string;
  /** NODE_ENV=production: no GraphiQL, no introspection. */
  production: boolean;
  /** Other sites' origins whose pages may call the API from a browser; none by default (the web app is served from the same origin). */
  corsOrigins: string[];
}

/** A bad environment variable, named. */
export class ConfigError extends Error {
  constructor(variable: string, problem: string) {
    super(`${variable}: ${problem}`);
    this.name = 'ConfigError';
  }
}

function oneOf<T extends string>(env: NodeJS.ProcessEnv, name: string, values: readonly T[], fallback: T): T {
  const value = env[name] ?? fallback;
  if (!values.includes(value as T)) throw new ConfigError(name, `must be one of ${values.join(', ')} (got ${JSON.stringify(value)})`);
  return value as T;
}

function port(env: NodeJS.ProcessEnv): number {
  const raw = env.PORT ?? '4000';
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < 1 || value > 65535) throw new ConfigError('PORT', `must be a port number from 1 to 65535 (got ${JSON.stringify(raw)})`);
  return value;
}

function origins(env: NodeJS.ProcessEnv): string[] {
  const list = (env.CORS_ORIGINS ?? '').split(',').map((o) => o.trim()).filter((o) => o.length > 0);
  const bad = list.find((o) => !/^https?:\/\/[^/\s?#]+$/.test(o));
  if (bad !== undefined) throw new ConfigError('CORS_ORIGINS', `must be origins like https://example.org, comma-separated (got ${JSON.stringify(bad)})`);
  return list;
}

/** The only place that reads process.env: read once at start-up, checked, every bad variable named. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const graphStore = oneOf(env, 'GRAPH_STORE', ['embedded', 'neo4j'] as const, 'embedded');
  const uri = env.NEO4J_URI ?? '';
  if (graphStore === 'neo4j' && !/^(bolt|neo4j)(\+s|\+ssc)?:\/\/.+/.test(uri)) {
    throw new ConfigError('NEO4J_URI', `must be a bolt:// or neo4j:// address when GRAPH_STORE=neo4j (got ${JSON.stringify(uri)})`);
  }
  const production = oneOf(env, 'NODE_ENV', ['production', 'development', 'test'] as const, 'development') === 'production';
  return {
    port: port(env),
    dataDir: resolve(env.DATA_DIR ?? './data'),
    graphStore,
    neo4j: {
      uri,
      user: env.NEO4J_USER ?? 'neo4j',
      password: env.NEO4J_PASSWORD ?? '',
      database: env.NEO4J_DATABASE ?? 'neo4j',
    },
    demo: oneOf(env, 'DEMO', ['0', '1'] as const, '1') === '1',
    logLevel: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
    production,
    corsOrigins: origins(env),
  };
}
