import { BundleResult, ensureConsoleBuilt, measureBundle } from './bundle-size';
import { startConsoleApp } from './console-app';
import { FirstInteractiveResult, measureFirstInteractive } from './first-interactive';
import { PersonSearchResult, measurePersonSearch } from './person-search';

export interface ConsoleBenchResult {
  bundle: BundleResult;
  /** Creating the all-in-one app and seeding the demo consortium with its history. */
  seedMs: number;
  firstInteractive: FirstInteractiveResult;
  personSearch: PersonSearchResult;
}

export const CONSOLE_PLAN = { runs: 7, signInAs: 'Calder Works', people: 10_000, names: 150, searchAs: 'calder-works' };
export const QUICK_CONSOLE_PLAN = { runs: 2, signInAs: 'Calder Works', people: 2_000, names: 20, searchAs: 'calder-works' };

/** (h) the console's first-screen JavaScript, gzipped; (i) navigation → first screen usable; (j) person search as you type. */
export async function runConsoleBench(plan: typeof CONSOLE_PLAN, progress: (line: string) => void): Promise<ConsoleBenchResult> {
  const built = ensureConsoleBuilt(progress);
  progress('(i) first interactive: starting the all-in-one app with the demo consortium and its history…');
  const app = await startConsoleApp();
  try {
    const firstInteractive = await measureFirstInteractive(app.url, plan, progress);
    const bundle = measureBundle(built, firstInteractive.scriptsLoaded);
    const personSearch = await measurePersonSearch(app.app, app.url, app.token, plan, progress);
    return { bundle, seedMs: app.seedMs, firstInteractive, personSearch };
  } finally {
    await app.close();
  }
}
