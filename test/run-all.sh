#!/usr/bin/env bash
# The whole test suite on a fresh machine: install dependencies, type-check, then every unit,
# integration and whole-process test. Prints "N passed, N failed" last.
set -euo pipefail
cd "$(dirname "$0")/.."

npm install --no-audit --no-fund
echo "type-checking…"
npx tsc -p tsconfig.json --noEmit

mkdir -p .tmp
set +e
npx jest --ci --json --outputFile=.tmp/jest-results.json
status=$?
set -e
node -e '
  const r = require("./.tmp/jest-results.json");
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`);
'
exit $status
