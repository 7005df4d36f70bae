import { PassThrough } from 'node:stream';
import { runCli } from '../../apps/cli/src/cli';

/** Runs the analyst CLI in process, as `onedoor <argv>` from `cwd`, and returns its exit code and output. */
export async function runCliCapturing(cwd: string, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (b) => out.push(b));
  stderr.on('data', (b) => err.push(b));
  const code = await runCli(argv, { stdout, stderr, cwd });
  return { code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() };
}
