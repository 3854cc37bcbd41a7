import { pino } from 'pino';
import { ConfigError, loadConfig } from './config';
import { exportKeyDir, loadOrCreateExportKey } from './export/keys';
import { createApp } from './http/app';
import { serve } from './http/serve';
import { loadDemo } from './import/demo';
import { StoreLockedError } from './store/graph-store';
import { openStore } from './store/open-store';

/** The only file with side effects: read the config, open the store, load the demo once, listen. */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = pino({ level: config.logLevel });
  const key = loadOrCreateExportKey(exportKeyDir(config.dataDir));
  log.info(`evidence packages are signed with Ed25519 key ${key.fingerprint} (npm run export:key shows it)`);
  const store = await openStore(config);
  if (config.demo && (await store.counts()).nodes === 0) {
    log.info('empty store: loading the demo data (DEMO=0 starts empty)');
    const summary = await loadDemo(store);
    log.info({ ...summary }, 'demo data loaded');
  }
  const warming = performance.now();
  store.ready().then(
    () => log.info(`graph ready for traversals in ${Math.round(performance.now() - warming)} ms`),
    (error: unknown) => log.warn({ err: error }, 'could not load the graph into memory; traversals read from the store'),
  );
  const server = await serve(createApp({ store, config }), config.port);
  log.info(`serving on http://localhost:${config.port} (store: ${store.kind}${store.kind === 'embedded' ? `, ${config.dataDir}` : ''})`);
  const stop = () => {
    server.close();
    store.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof StoreLockedError) {
    console.error(`Cannot start: ${error.message}`);
  } else {
    console.error('Cannot start:', error);
  }
  process.exit(1);
});
