/** The server's event-store group commits since it started. */
export interface CommitStats {
  commits: number;
  appends: number;
  /** Duration of each commit in ms (the event loop is blocked meanwhile), in order. */
  commitMs: number[];
  /** The server process's CPU time so far (all threads: user + system), in ms. */
  cpuMs: number;
  /** Time its main thread's event loop has spent busy so far, in ms. */
  mainThreadBusyMs: number;
}

/** What bench/http/serve.ts and its parent say to each other over the IPC channel. */
export type ServerMessage =
  /** loadedMs / initialisedMs: ms from the process's start until its code was loaded and until the app was initialised. */
  | { type: 'listening'; url: string; loadedMs: number; initialisedMs: number }
  | { type: 'profile-started' }
  | { type: 'profile-written'; file: string }
  | ({ type: 'commit-stats' } & CommitStats)
  | { type: 'failed'; error: string };

export type ParentMessage =
  | { type: 'profile-start' }
  | { type: 'profile-stop'; file: string }
  /** commitMs in the answer starts at commit number `since`. */
  | { type: 'commit-stats'; since?: number }
  | { type: 'stop' };
