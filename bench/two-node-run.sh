#!/usr/bin/env bash
# Two hub processes on one machine in the scale-out profile, sharing one PostgreSQL and one Kafka broker:
# node 1 runs ingest + api, node 2 certify + distribute. Posts --records through node 1 with the load
# generator (after WARMUP_RECORDS, default 1000, unmeasured) and prints its summary line and the CPU each process
# spent, so the split of work by role shows.
#
#   bench/two-node-run.sh [records] [concurrency]     (after ./mvnw -q package -DskipTests)
#
# Needs PostgreSQL's server binaries (Debian: apt-get install postgresql); starts its own throwaway cluster,
# broker and hubs under a temporary directory, and stops them all on exit. Email is off: the run measures
# issuing; set CERTHUB_CHANNEL_EMAIL_ENABLED=true and CERTHUB_MAIL_* to include delivery.
set -euo pipefail

records=${1:-5000}
concurrency=${2:-32}
warmup=${WARMUP_RECORDS:-1000}
root=$(cd "$(dirname "$0")/.." && pwd)
hub_jar=$root/routes/target/certhub-0.1.0-SNAPSHOT.jar
bench_jar=$root/bench/target/certhub-bench.jar
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
pg_port=${PG_PORT:-55432}
work=$(mktemp -d /tmp/certhub-two-node.XXXXXX)
chmod 755 "$work"
pids=()

[ -f "$hub_jar" ] && [ -f "$bench_jar" ] || { echo "build first: ./mvnw -q package -DskipTests" >&2; exit 1; }
[ -n "$pg_bin" ] || { echo "no PostgreSQL server binaries under /usr/lib/postgresql (apt-get install postgresql)" >&2; exit 1; }

# PostgreSQL refuses to run as root: run its commands as the postgres user then
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

stop_all() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  as_pg "$pg_bin/pg_ctl" stop --pgdata="$work/pg" --mode=fast >/dev/null 2>&1 || true
  echo "logs: $work"
}
trap stop_all EXIT
trap 'exit 130' INT TERM

await_url() { # url seconds
  for _ in $(seq "$2"); do curl -sf "$1" >/dev/null && return 0; sleep 1; done
  echo "no answer from $1 after $2 s" >&2; return 1
}

cpu_seconds() { # pid: user + system CPU of the process so far
  awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' "/proc/$1/stat"
}

mkdir -p "$work/pg" && chown postgres "$work/pg" 2>/dev/null || true
as_pg "$pg_bin/initdb" --pgdata="$work/pg" --username=certhub --auth=trust --encoding=UTF8 --locale=C --no-sync >/dev/null
as_pg "$pg_bin/pg_ctl" start --wait --pgdata="$work/pg" --log="$work/pg/server.log" \
  -o "-p $pg_port -k $work/pg -c listen_addresses=localhost -c max_connections=200" >/dev/null
as_pg "$pg_bin/psql" -h localhost -p "$pg_port" -U certhub -d postgres -qc "CREATE DATABASE certhub"

java -cp "$bench_jar" org.certhub.bench.KafkaBroker 6 >"$work/kafka.log" 2>&1 &
pids+=($!)
for _ in $(seq 120); do grep -q "kafka broker ready at" "$work/kafka.log" 2>/dev/null && break; sleep 1; done
brokers=$(sed -n 's/^kafka broker ready at //p' "$work/kafka.log")
[ -n "$brokers" ] || { echo "the Kafka broker did not start; see $work/kafka.log" >&2; exit 1; }

export SPRING_PROFILES_ACTIVE=scale-out \
  CERTHUB_DB_URL="jdbc:postgresql://localhost:$pg_port/certhub" CERTHUB_DB_USERNAME=certhub CERTHUB_DB_PASSWORD=certhub \
  CERTHUB_KAFKA_BROKERS="$brokers" CERTHUB_KEYS_DIR="$work/keys" \
  CERTHUB_API_KEY=two-node-bench CERTHUB_ADMIN_API_KEY=two-node-bench-admin \
  CERTHUB_CHANNEL_EMAIL_ENABLED=${CERTHUB_CHANNEL_EMAIL_ENABLED:-false} \
  CERTHUB_VERIFY_RATE_LIMIT_ENABLED=false

# the scale-out mode never makes keys: both nodes share a development keystore made here
java -cp "$bench_jar" org.certhub.signer.keys.DevelopmentKeystore "$work/keys" >/dev/null
# node 1 first: it migrates the database
CERTHUB_ROLES=ingest,api SERVER_PORT=18081 CERTHUB_DATA_DIR="$work/node1" java -jar "$hub_jar" >"$work/node1.log" 2>&1 &
node1=$!; pids+=($node1)
await_url http://localhost:18081/actuator/health/readiness 240
CERTHUB_ROLES=certify,distribute SERVER_PORT=18082 CERTHUB_DATA_DIR="$work/node2" java -jar "$hub_jar" >"$work/node2.log" 2>&1 &
node2=$!; pids+=($node2)
await_url http://localhost:18082/actuator/health/readiness 240

load() { # records
  java -cp "$bench_jar" org.certhub.bench.LoadGenerator --url http://localhost:18081 --api-key two-node-bench \
    --records "$1" --concurrency "$concurrency"
}
load "$warmup" >/dev/null # the JIT's first minutes are not the steady state
cpu1=$(cpu_seconds $node1); cpu2=$(cpu_seconds $node2)
load "$records"
echo "cpu_s node1(ingest,api)=$(echo "$(cpu_seconds $node1) - $cpu1" | bc) node2(certify,distribute)=$(echo "$(cpu_seconds $node2) - $cpu2" | bc)"
