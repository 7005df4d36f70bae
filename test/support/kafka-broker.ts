import { execFile } from 'node:child_process';
import { Socket } from 'node:net';
import { join } from 'node:path';

const INFRA = join(__dirname, '..', '..', 'infra', 'kafka');

/**
 * The real Kafka broker of infra/kafka, started and stopped through its scripts. The shared broker is on
 * 9092 (test/run-all.sh starts it); a suite that stops its broker uses a port of its own so it cannot
 * disturb suites running beside it.
 */
export interface KafkaBroker {
  port: number;
  address: string;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function kafkaBroker(port = 9092): KafkaBroker {
  const run = (script: string) =>
    new Promise<void>((resolve, reject) => {
      execFile('bash', [join(INFRA, script)], { env: { ...process.env, KAFKA_PORT: String(port) }, timeout: 300_000 }, (error, stdout, stderr) =>
        error ? reject(new Error(`${script} failed: ${error.message}\n${stdout}${stderr}`)) : resolve(),
      );
    });
  return { port, address: `127.0.0.1:${port}`, start: () => run('start.sh'), stop: () => run('stop.sh') };
}

/** Whether something accepts connections on 127.0.0.1:port. */
export function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true)).once('error', () => done(false));
    socket.connect(port, '127.0.0.1');
  });
}
