#!/usr/bin/env bash
# Scale-out: what a second certify node adds. One throwaway PostgreSQL, one in-JVM KRaft broker (KafkaBroker, PARTITIONS
# per topic, default 6), node 1 `ingest,api` (the front the load generator posts to), and certify nodes
# `certify,distribute`, each a process of its own: first one (node 2), then two (node 2 and node 3). Each phase posts
# WARMUP_RECORDS (default 1000, unmeasured: the JIT, and the consumer group settling), then `records` distinct records
# through node 1 with `concurrency` senders, and counts the certificates on the certify nodes' meters (no per-record
# reads). Prints each phase's load generator line, the CPU each process spent per certificate, and the ratio: the
# second certify node's addition as a share of one node's throughput (issue 13's target: ≥ 0.8). On one machine
# every process shares the same cores, so the ratio shows contention, not scaling: see bench/README.md.
#
#   bench/two-node-run.sh [records] [concurrency]     (after ./mvnw -q package -DskipTests; default 5000 32)
#
# Needs PostgreSQL's server binaries (Debian: apt-get install postgresql); starts its own throwaway cluster, broker
# and hubs under a temporary directory, and stops them all on exit. Email is off: the run measures issuing; set
# CERTHUB_CHANNEL_EMAIL_ENABLED=true and CERTHUB_MAIL_* to include delivery. HUB_JAVA_OPTS: more JVM options of
# the nodes.
set -euo pipefail

records=${1:-5000}
concurrency=${2:-32}
warmup=${WARMUP_RECORDS:-1000}
partitions=${PARTITIONS:-6}
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
pg_port=${PG_PORT:-55432}
work=$(mktemp -d /tmp/certhub-two-node.XXXXXX)
chmod 755 "$work"
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"
require_jars
[ -n "$pg_bin" ] || { echo "no PostgreSQL server binaries under /usr/lib/postgresql (apt-get install postgresql)" >&2; exit 1; }

# PostgreSQL refuses to run as root: run its commands as the postgres user then
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
bench_cleanup_hook() {
  as_pg "$pg_bin/pg_ctl" stop --pgdata="$work/pg" --mode=fast >/dev/null 2>&1 || true
}
pg_cpu_seconds() { # the cluster's CPU so far: the postmaster, its children that ended, and those running
  local postmaster child total
  postmaster=$(head -1 "$work/pg/postmaster.pid")
  total=$(awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15 + $16 + $17) / hz}' "/proc/$postmaster/stat")
  for child in $(pgrep -P "$postmaster"); do
    total=$(echo "$total + $(cpu_seconds "$child" 2>/dev/null || echo 0)" | bc)
  done
  echo "$total"
}

mkdir -p "$work/pg" && chown postgres "$work/pg" 2>/dev/null || true
as_pg "$pg_bin/initdb" --pgdata="$work/pg" --username=certhub --auth=trust --encoding=UTF8 --locale=C --no-sync >/dev/null
as_pg "$pg_bin/pg_ctl" start --wait --pgdata="$work/pg" --log="$work/pg/server.log" \
  -o "-p $pg_port -k $work/pg -c listen_addresses=localhost -c max_connections=200" >/dev/null
as_pg "$pg_bin/psql" -h localhost -p "$pg_port" -U certhub -d postgres -qc "CREATE DATABASE certhub"

java -cp "$bench_jar" org.certhub.bench.KafkaBroker "$partitions" >"$work/kafka.log" 2>&1 &
broker=$!; pids+=("$broker")
for _ in $(seq 1200); do grep -q "kafka broker ready at" "$work/kafka.log" 2>/dev/null && break; sleep 0.1; done
brokers=$(sed -n 's/^kafka broker ready at //p' "$work/kafka.log")
[ -n "$brokers" ] || { echo "the Kafka broker did not start; see $work/kafka.log" >&2; exit 1; }

export SPRING_PROFILES_ACTIVE=scale-out \
  CERTHUB_DB_URL="jdbc:postgresql://localhost:$pg_port/certhub" CERTHUB_DB_USERNAME=certhub CERTHUB_DB_PASSWORD=certhub \
  CERTHUB_KAFKA_BROKERS="$brokers" CERTHUB_KEYS_DIR="$work/keys" \
  CERTHUB_API_KEY=two-node-bench CERTHUB_ADMIN_API_KEY=two-node-bench-admin \
  CERTHUB_CHANNEL_EMAIL_ENABLED=${CERTHUB_CHANNEL_EMAIL_ENABLED:-false} \
  CERTHUB_VERIFY_RATE_LIMIT_ENABLED=false

# the scale-out mode never makes keys: every node shares a development keystore made here
java -cp "$bench_jar" org.certhub.signer.keys.DevelopmentKeystore "$work/keys" >/dev/null
# node 1 first: it migrates the database
start_hub node1 18081 CERTHUB_ROLES=ingest,api
node1=$hub
start_hub node2 18082 CERTHUB_ROLES=certify,distribute CERTHUB_MANAGEMENT_PORT=18092
node2=$hub

load() { # records metrics-urls
  load_generator --url http://localhost:18081 --api-key two-node-bench --admin-key two-node-bench-admin \
    --metrics-url "$2" --follow metrics --records "$1" --concurrency "$concurrency" --timeout-seconds $((600 + $1 / 10))
}
phase() { # name metrics-urls certify-pids...: a warm-up, then the measured run; prints its line and the CPU per role
  local name=$1 urls=$2 line certified pid before=() after=() i; shift 2
  local all=("$node1" "$@" "$broker")
  load "$warmup" "$urls" >/dev/null
  for pid in "${all[@]}"; do before+=("$(cpu_seconds "$pid")"); done
  local pg_before; pg_before=$(pg_cpu_seconds)
  line=$(load "$records" "$urls")
  for pid in "${all[@]}"; do after+=("$(cpu_seconds "$pid")"); done
  local pg_after; pg_after=$(pg_cpu_seconds)
  certified=$(field "$line" certified)
  echo "$name: $line"
  local cpu="$name: CPU ms per certificate:"
  local names=("node1(ingest,api)")
  for ((i = 1; i <= $#; i++)); do names+=("node$((i + 1))(certify,distribute)"); done
  names+=("kafka-broker")
  for ((i = 0; i < ${#all[@]}; i++)); do
    cpu+=" ${names[$i]}=$(awk -v a="${after[$i]}" -v b="${before[$i]}" -v n="$certified" 'BEGIN {printf "%.2f", 1000 * (a - b) / n}')"
  done
  echo "$cpu postgresql=$(awk -v a="$pg_after" -v b="$pg_before" -v n="$certified" 'BEGIN {printf "%.2f", 1000 * (a - b) / n}')"
  phase_rate=$(field "$line" issued_per_s_sustained)
}

echo "one certify node ..." >&2
phase one-certify-node http://localhost:18092 "$node2"
one=$phase_rate
start_hub node3 18083 CERTHUB_ROLES=certify,distribute CERTHUB_MANAGEMENT_PORT=18093
node3=$hub
echo "two certify nodes ..." >&2
phase two-certify-nodes http://localhost:18092,http://localhost:18093 "$node2" "$node3"
two=$phase_rate
echo "issued/s (10-90 %): one certify node $one, two $two; the second node adds $(awk -v a="$one" -v b="$two" 'BEGIN {printf "%.2f", (a > 0) ? (b - a) / a : 0}') of the first's throughput (target >= 0.8; $(nproc) cores shared by every process here)"
