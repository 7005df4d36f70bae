#!/usr/bin/env bash
# Starts a single-node Apache Kafka broker (KRaft mode) on 127.0.0.1 for tests, benchmarks and local runs.
# Idempotent: does nothing when the port already answers. On a fresh machine it resolves the broker's jars
# from Maven Central into infra/kafka/lib (once), formats the storage (once) and starts the broker in the
# background with a bounded heap, then waits until it answers.
#
#   KAFKA_PORT      client port (default 9092); the controller listens on KAFKA_PORT+1
#   KAFKA_DATA_DIR  logs, settings and pid file (default infra/kafka/data/<port>)
#   KAFKA_HEAP      -Xmx for the broker JVM (default 512m)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
port="${KAFKA_PORT:-9092}"
controller_port=$((port + 1))
data="${KAFKA_DATA_DIR:-$here/data/$port}"
heap="${KAFKA_HEAP:-512m}"

answers() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

if answers "$port"; then
  echo "kafka: 127.0.0.1:$port already answers"
  exit 0
fi

# Two test workers may call this at once: the second waits for the first, then finds the port answering.
mkdir -p "$data"
exec 9>"$data/start.lock"
flock 9
if answers "$port"; then
  echo "kafka: 127.0.0.1:$port already answers"
  exit 0
fi

# Java and Maven are on these machines; install them only where they are not.
if ! command -v java >/dev/null 2>&1 || ! command -v mvn >/dev/null 2>&1; then
  apt-get update
  apt-get install -y openjdk-17-jre-headless maven
fi

bash "$here/resolve.sh"

mkdir -p "$data/logs" "$data/log"
cat >"$data/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$controller_port
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$controller_port
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$data/logs
num.partitions=3
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=3
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
# Topics are created on purpose (the relay's admin client, the example consumer), never by a typo.
auto.create.topics.enable=false
group.initial.rebalance.delay.ms=0
log.retention.hours=168
PROPS
cat >"$data/log4j.properties" <<PROPS
log4j.rootLogger=INFO, file
log4j.appender.file=org.apache.log4j.RollingFileAppender
log4j.appender.file.File=$data/log/broker.log
log4j.appender.file.MaxFileSize=10MB
log4j.appender.file.MaxBackupIndex=2
log4j.appender.file.layout=org.apache.log4j.PatternLayout
log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka.request.logger=WARN
log4j.logger.state.change.logger=WARN
PROPS

classpath="$here/lib/*"
if [ ! -f "$data/logs/meta.properties" ]; then
  cluster_id="$(java -Dlog4j.configuration="file:$data/log4j.properties" -cp "$classpath" kafka.tools.StorageTool random-uuid)"
  java -Dlog4j.configuration="file:$data/log4j.properties" -cp "$classpath" kafka.tools.StorageTool format -t "$cluster_id" -c "$data/server.properties" >"$data/log/format.out"
fi

# setsid: the broker outlives the shell (and the test run) that started it; 9>&-: it must not hold the start lock.
setsid nohup java -Xms128m -Xmx"$heap" -XX:+UseG1GC -Djava.awt.headless=true \
  -Dlog4j.configuration="file:$data/log4j.properties" \
  -cp "$classpath" kafka.Kafka "$data/server.properties" >"$data/log/broker.out" 2>&1 </dev/null 9>&- &
echo $! >"$data/broker.pid"

for _ in $(seq 1 240); do
  if answers "$port"; then
    echo "kafka: started on 127.0.0.1:$port (pid $(cat "$data/broker.pid"), data $data)"
    exit 0
  fi
  if ! kill -0 "$(cat "$data/broker.pid")" 2>/dev/null; then
    echo "kafka: the broker exited during start; see $data/log/broker.out and $data/log/broker.log" >&2
    tail -n 20 "$data/log/broker.out" >&2 || true
    exit 1
  fi
  sleep 0.5
done
echo "kafka: 127.0.0.1:$port did not answer within 120 s; see $data/log/broker.log" >&2
exit 1
