import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import type { Row } from '../runner';
import { driverParams, plainRecord } from './values';

export interface Neo4jSettings {
  uri: string;
  user: string;
  password: string;
  database: string;
}

/**
 * The only code that opens driver sessions: managed transactions (executeRead/executeWrite,
 * retried by the driver on transient errors, so units of work must be idempotent), the
 * database always named, the session closed in `finally`.
 */
export class Executor {
  private constructor(
    private readonly driver: Driver,
    private readonly database: string,
  ) {}

  static async connect(settings: Neo4jSettings): Promise<Executor> {
    const driver = neo4j.driver(settings.uri, neo4j.auth.basic(settings.user, settings.password), {
      disableLosslessIntegers: false,
    });
    await driver.verifyConnectivity({ database: settings.database });
    return new Executor(driver, settings.database);
  }

  async read(query: string, params: Record<string, unknown>): Promise<Row[]> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    try {
      return await session.executeRead(async (tx) => (await tx.run(query, driverParams(params) as Record<string, unknown>)).records.map(plainRecord));
    } finally {
      await session.close();
    }
  }

  async write<T>(work: (run: (query: string, params: Record<string, unknown>) => Promise<Row[]>) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite((tx: ManagedTransaction) =>
        work(async (query, params) => (await tx.run(query, driverParams(params) as Record<string, unknown>)).records.map(plainRecord)),
      );
    } finally {
      await session.close();
    }
  }

  close(): Promise<void> {
    return this.driver.close();
  }
}
