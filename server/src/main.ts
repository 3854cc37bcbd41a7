import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pino } from 'pino';
import { loadOrCreateSecret } from './auth/secret';
import { Sessions } from './auth/sessions';
import { createDemoUsers } from './auth/users';
import { ConfigError, loadConfig } from './config';
import { exportKeyDir, loadOrCreateExportKey } from './export/keys';
import { createApp } from './http/app';
import { serve } from './http/serve';
import { loadDemo } from './import/demo';
import { StoreLockedError } from './store/graph-store';
import { openStore } from './store/open-store';

/**
 * The only file with side effects: read the config, open the store, load the demo once, listen.
 *
 * package.json starts it with `--max-semi-space-size=64`, a young generation four times V8's
 * default: an answer makes many short-lived objects (decoded records, the result, its JSON), and
 * with twenty requests in flight the default's scavenges came often enough to copy and promote
 * what in-flight requests still held. A 20-neighbour query over loopback at 20 clients on the
 * city data (2 shared cores at load 3-5, four runs each way): 38-78 µs of GC pauses and 565-781 µs
 * of CPU a request by default, 14-23 µs and 466-623 µs with it; 32 MB gave 28-39 µs and 626-829 µs.
 * scripts/bench-api.ts runs the server with the same flag.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = pino({ level: config.logLevel });
  const key = loadOrCreateExportKey(exportKeyDir(config.dataDir));
  log.info(`evidence packages are signed with Ed25519 key ${key.fingerprint} (npm run export:key shows it)`);
  const store = await openStore(config);
  const sessions = new Sessions(store.accounts, loadOrCreateSecret(config.dataDir));
  if (config.demo && (await store.counts()).nodes === 0) {
    log.info('empty store: loading the demo data (DEMO=0 starts empty)');
    const summary = await loadDemo(store);
    log.info({ ...summary }, 'demo data loaded');
  }
  // The demo's users, on a demo store that has no users yet (a store from before logins included).
  if (config.demo && (await store.accounts.listUsers()).length === 0) {
    const users = await createDemoUsers(store.accounts, sessions.audit);
    if (users.length > 0) {
      const lines = users.map((u) => `  ${u.name.padEnd(22)} ${u.password}   ${u.role} at ${u.agency}`);
      const file = join(config.dataDir, 'demo-users.txt');
      writeFileSync(file, `${lines.join('\n')}\n`, { mode: 0o600 });
      console.log(
        `\nDemo users (also in ${file}); open http://localhost:${config.port} and log in as one:\n${lines.join('\n')}\n` +
          'Each sees its own agency\'s records, and a provincial bureau (sh-psb) also those of the bureaus it supervises; create real users with `npm run user -- add --agency ID --role ROLE --name NAME`.\n',
      );
    }
  }
  const warming = performance.now();
  store.ready().then(
    () => log.info(`graph ready for traversals in ${Math.round(performance.now() - warming)} ms`),
    (error: unknown) => log.warn({ err: error }, 'could not load the graph into memory; traversals read from the store'),
  );
  const server = await serve(createApp({ store, config, sessions }), config.port);
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
