import { Command } from 'commander';
import { AuditLog } from '../auth/audit-log';
import { loadOrCreateSecret } from '../auth/secret';
import { addUser, UserError } from '../auth/users';
import { ROLES } from '../auth/roles';
import { ConfigError, loadConfig } from '../config';
import { StoreLockedError, type GraphStore } from '../store/graph-store';
import { openStore } from '../store/open-store';

/** What `npm run user -- add` prints: the new account and its one-time password; `audit` signs with the server's secret. */
export async function runAddUser(store: GraphStore, opts: { agency: string; role: string; name: string; by: string }, audit: AuditLog): Promise<string> {
  const { user, password } = await addUser(store.accounts, audit, opts);
  return [
    `created ${user.name} (${user.id}), ${user.role} at ${user.agency}`,
    `one-time password: ${password}`,
    'Give it to the user over a separate channel; they must choose their own password at first login.',
  ].join('\n');
}

const program = new Command()
  .name('npm run user --')
  .description('Manage local user accounts in the store that DATA_DIR / GRAPH_STORE configure (stop the server first for the embedded store).');

program
  .command('add')
  .description('Create a user and print a one-time password.')
  .requiredOption('--agency <id>', 'the agency the user belongs to')
  .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
  .requiredOption('--name <name>', 'the login name')
  .option('--by <name>', 'who creates it, for the audit trail', `cli:${process.env.USER ?? 'admin'}`)
  .action(async (opts: { agency: string; role: string; name: string; by: string }) => {
    let store: GraphStore | undefined;
    try {
      const config = loadConfig();
      store = await openStore(config);
      console.log(await runAddUser(store, opts, new AuditLog(store.accounts, loadOrCreateSecret(config.dataDir))));
    } catch (error) {
      if (error instanceof UserError || error instanceof ConfigError || error instanceof StoreLockedError) {
        console.error(`Cannot add the user: ${error.message}`);
        process.exitCode = 2;
      } else throw error;
    } finally {
      await store?.close();
    }
  });

if (process.argv[1] && /cli[\\/]user\.ts$/.test(process.argv[1])) await program.parseAsync();
