#!/usr/bin/env bash
# Two certhub nodes on one machine in the scale-out profile: node A runs ingest + api, node B certify +
# distribute, sharing one PostgreSQL (Debian's server binaries) and one single-node KRaft Kafka (from the bench
# jar). Posts RECORDS records to node A, waits until they are certified, and prints the load generator's
# summary and the CPU seconds each process used, so one sees how the work divides by role.
#
#   ./mvnw -q package -DskipTests && bench/scale-out-run.sh            (RECORDS=5000 CONCURRENCY=32 by default)
#
# Everything listens on loopback and is stopped and deleted at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

RECORDS=${RECORDS:-5000}
CONCURRENCY=${CONCURRENCY:-32}
PG_PORT=${PG_PORT:-55433}
KAFKA_PORT=${KAFKA_PORT:-59093}
HUB_JAR=$(ls routes/target/certhub-*.jar | head -1)
BENCH_JAR=bench/target/certhub-bench.jar
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
WORK=$(mktemp -d /tmp/certhub-scale-out.XXXXXX)
pids=()

as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  as_postgres "$PG_BIN/pg_ctl" -D "$WORK/pg" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
await_http() { for _ in $(seq 1 120); do curl -sf "$1" >/dev/null 2>&1 && return 0; sleep 1; done; echo "timed out: $1" >&2; exit 1; }
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/$1/stat"; }

[ "$(id -u)" = 0 ] && chown postgres "$WORK"
as_postgres "$PG_BIN/initdb" -D "$WORK/pg" -U postgres -A trust >/dev/null
as_postgres "$PG_BIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg.log" -w \
  -o "-p $PG_PORT -k $WORK -c listen_addresses=127.0.0.1 -c max_connections=100" start >/dev/null
as_postgres "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres certhub

java -cp "$BENCH_JAR" org.certhub.bench.KafkaBroker "$KAFKA_PORT" 6 > "$WORK/kafka.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do grep -q "kafka broker ready" "$WORK/kafka.log" && break; sleep 1; done

node() { # name port roles
  mkdir -p "$WORK/$1"
  SPRING_PROFILES_ACTIVE=scale-out CERTHUB_ROLES="$3" SERVER_PORT="$2" CERTHUB_DATA_DIR="$WORK/$1" \
  CERTHUB_KEYS_DIR="$WORK/keys" CERTHUB_API_KEY=bench-key CERTHUB_ADMIN_API_KEY=bench-admin-key \
  CERTHUB_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/certhub" CERTHUB_DB_USERNAME=postgres \
  CERTHUB_KAFKA_BROKERS="localhost:$KAFKA_PORT" \
    java -jar "$HUB_JAR" > "$WORK/$1.log" 2>&1 &
  pids+=($!)
  await_http "http://localhost:$2/actuator/health"
}
node ingest-api 18181 ingest,api
a=${pids[-1]}
node certify-distribute 18182 certify,distribute
b=${pids[-1]}

a0=$(cpu_seconds "$a"); b0=$(cpu_seconds "$b")
java -cp "$BENCH_JAR" org.certhub.bench.LoadGenerator --url http://localhost:18181 --api-key bench-key \
  --records "$RECORDS" --concurrency "$CONCURRENCY"
echo "cpu_seconds ingest,api=$(awk -v x="$(cpu_seconds "$a")" -v y="$a0" 'BEGIN{print x-y}')" \
     "certify,distribute=$(awk -v x="$(cpu_seconds "$b")" -v y="$b0" 'BEGIN{print x-y}')"
