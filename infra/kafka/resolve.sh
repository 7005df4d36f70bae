#!/usr/bin/env bash
# Resolves the Kafka broker and its runtime dependencies (pom.xml) from Maven Central into infra/kafka/lib,
# once: the marker records which pom was resolved, so a changed version resolves again.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
marker="$here/lib/.resolved"
want="$(sha256sum "$here/pom.xml" | cut -d' ' -f1)"
if [ -f "$marker" ] && [ "$(cat "$marker")" = "$want" ]; then exit 0; fi
rm -rf "$here/lib"
echo "kafka: resolving the broker's jars from Maven Central into $here/lib"
mvn -q -B -f "$here/pom.xml" dependency:copy-dependencies
echo "$want" >"$marker"
