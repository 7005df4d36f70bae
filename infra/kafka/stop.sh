#!/usr/bin/env bash
# Stops the broker start.sh started on KAFKA_PORT (default 9092): TERM (a clean shutdown), then KILL
# after 30 s. Does nothing when no broker of ours runs there.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
port="${KAFKA_PORT:-9092}"
data="${KAFKA_DATA_DIR:-$here/data/$port}"
pidfile="$data/broker.pid"
[ -f "$pidfile" ] || { echo "kafka: no broker started from $data"; exit 0; }
pid="$(cat "$pidfile")"
if kill -0 "$pid" 2>/dev/null; then
  kill -TERM "$pid"
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid"; fi
  echo "kafka: stopped 127.0.0.1:$port (pid $pid)"
fi
rm -f "$pidfile"
