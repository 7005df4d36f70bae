import { processIo } from './cli-io';
import { runCli } from './cli';

runCli(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
});
