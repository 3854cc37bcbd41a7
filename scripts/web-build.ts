import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WEB = join(ROOT, 'web');
const BUILT = join(WEB, 'dist', 'index.html');
/** What the built app is made of besides node_modules: its sources, its config and the model it imports. */
const INPUTS = [join(WEB, 'src'), join(WEB, 'public'), join(WEB, 'index.html'), join(WEB, 'vite.config.ts'), join(ROOT, 'server', 'src', 'domain'), join(ROOT, 'package-lock.json')];

function newest(path: string): number {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((m, name) => Math.max(m, newest(join(path, name))), stat.mtimeMs);
}

/** Whether web/dist is missing or older than anything it is built from. */
export function webBuildStale(): boolean {
  const built = newest(BUILT);
  return built === 0 || INPUTS.some((input) => newest(input) > built);
}

/** Builds the web app into web/dist when it is stale; true when it built. */
export async function buildWebIfStale({ quiet = false }: { quiet?: boolean } = {}): Promise<boolean> {
  if (!webBuildStale()) return false;
  // Vite takes seconds to load: only when there is something to build.
  const { build } = await import('vite');
  // Vite builds for whatever NODE_ENV says, and the test runner says `test`: what `npm start`
  // later serves must be React's production build all the same.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root: WEB, configFile: join(WEB, 'vite.config.ts'), mode: 'production', logLevel: quiet ? 'error' : 'warn' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  return true;
}
