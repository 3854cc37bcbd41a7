import { buildWebIfStale } from './web-build';

/** `npm start` runs this first: a fresh clone, or changed web sources, get the app built (a few seconds). */
const started = Date.now();
if (await buildWebIfStale()) console.log(`built the web app into web/dist in ${((Date.now() - started) / 1000).toFixed(1)} s`);
