import { ServiceChild } from './service-child';

/** The all-in-one app in a child process (test/support/onedoor-process.ts), on a given data directory. */
export class OnedoorChild extends ServiceChild {
  constructor(env: Record<string, string>) {
    super('test/support/onedoor-process.ts', env);
  }
}
