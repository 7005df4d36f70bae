#!/usr/bin/env bash
# The whole test suite on a fresh machine: install dependencies, type-check, then every unit,
# integration and whole-process test. Prints "N passed, N failed" last.
set -euo pipefail
cd "$(dirname "$0")/.."

npm install --no-audit --no-fund

# The Redis read-model tests run against the real server on 127.0.0.1:6379: start it when it is not answering.
if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  if ! command -v redis-server >/dev/null 2>&1; then
    apt-get update
    apt-get install -y redis-server
  fi
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log
  for _ in $(seq 1 50); do
    redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && break
    sleep 0.2
  done
  redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null || { echo "Redis did not start on 127.0.0.1:6379" >&2; exit 1; }
fi
# The PostgreSQL event store's tests run against the real server on 127.0.0.1:5432 (trust auth, database `test`):
# start the cluster when it is not answering, and create the database when it is missing.
if ! pg_isready -h 127.0.0.1 -p 5432 >/dev/null 2>&1; then
  if [ ! -d /etc/postgresql ]; then
    apt-get update
    apt-get install -y postgresql
  fi
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n 1)" main start
  for _ in $(seq 1 50); do
    pg_isready -h 127.0.0.1 -p 5432 >/dev/null 2>&1 && break
    sleep 0.2
  done
  pg_isready -h 127.0.0.1 -p 5432 >/dev/null || { echo "PostgreSQL did not start on 127.0.0.1:5432" >&2; exit 1; }
fi
if ! psql -h 127.0.0.1 -U postgres -d test -c 'SELECT 1' >/dev/null 2>&1; then
  createdb -h 127.0.0.1 -U postgres test
fi
# The relay's tests and benchmark talk to a real Kafka broker on 127.0.0.1:9092: resolve it from Maven Central
# (once) and start it when it is not answering.
bash infra/kafka/start.sh

# The console's browser tests drive Debian's Chromium (never a downloaded browser): install it when absent.
if ! command -v chromium >/dev/null 2>&1; then
  apt-get update
  apt-get install -y chromium
fi

echo "type-checking…"
npx tsc -p tsconfig.json --noEmit
# The web console: type-checked and built into dist/console, which the platform serves and the browser tests use.
npm run -s build:console

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
