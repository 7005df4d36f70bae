import { execFileSync } from 'node:child_process';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';

export interface MachineInfo {
  date: string;
  node: string;
  os: string;
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  gitCommit: string | undefined;
  /** 1-minute load average when the run started: other work on a 2-core machine moves every number. */
  loadAverageAtStart: number;
}

export function describeMachine(): MachineInfo {
  const cores = cpus();
  return {
    date: new Date().toISOString(),
    node: process.version,
    os: `${platform()} ${release()}`,
    cpus: cores.length,
    cpuModel: cores[0]?.model ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    gitCommit: gitCommit(),
    loadAverageAtStart: Math.round(loadavg()[0] * 100) / 100,
  };
}

function gitCommit(): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}
