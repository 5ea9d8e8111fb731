# Shell helpers of bench/run.sh and bench/two-node-run.sh; sourced, not run. The sourcing script sets `work` (its
# temporary directory) first; every process it starts goes into `pids` and is stopped on exit, then
# `bench_cleanup_hook` (if the script defines it) runs.

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
hub_jar=$root/routes/target/certhub-0.1.0-SNAPSHOT.jar
bench_jar=$root/bench/target/certhub-bench.jar
pids=()

require_jars() {
  [ -f "$hub_jar" ] && [ -f "$bench_jar" ] || { echo "build first: ./mvnw -q package -DskipTests" >&2; exit 1; }
}

stop_all() {
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if declare -F bench_cleanup_hook >/dev/null; then bench_cleanup_hook; fi
  echo "logs: $work" >&2
}
trap stop_all EXIT
trap 'exit 130' INT TERM

now() { date +%s.%N; }

await_url() { # url seconds: polls every 0.1 s until the URL answers 2xx
  local deadline
  deadline=$(echo "$(now) + $2" | bc)
  while [ "$(echo "$(now) < $deadline" | bc)" = 1 ]; do
    curl -sf -o /dev/null "$1" && return 0
    sleep 0.1
  done
  echo "no answer from $1 after $2 s" >&2; return 1
}

cpu_seconds() { # pid: user + system CPU of the process so far
  awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' "/proc/$1/stat"
}

peak_rss_mib() { # pid: the process's peak resident memory (VmHWM), MiB
  awk '/^VmHWM:/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"
}

field() { # text name: the value of name=value in a load generator line (the first line that has it)
  sed -n "s/.*\b$2=\([^ ]*\).*/\1/p" <<<"$1" | head -1
}

# start_hub name port [VAR=value...]: starts the hub jar with the environment given (plus SERVER_PORT and a data dir
# of its own under $work/name), logs to $work/name.log, waits until it is ready; sets hub (its pid) and ready_s (the
# seconds from launching java to the first readiness 200, to 0.1 s)
start_hub() {
  local name=$1 port=$2 started; shift 2
  started=$(now)
  # shellcheck disable=SC2086 # HUB_JAVA_OPTS is a list of options
  env "$@" SERVER_PORT="$port" CERTHUB_DATA_DIR="$work/$name" \
    java ${HUB_JAVA_OPTS:-} -jar "$hub_jar" >>"$work/$name.log" 2>&1 &
  hub=$!; pids+=("$hub")
  await_url "http://localhost:$port/actuator/health/readiness" 240 || { tail -20 "$work/$name.log" >&2; return 1; }
  ready_s=$(echo "$(now) - $started" | bc -l | xargs printf '%.1f')
}

stop_hub() { # pid
  kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true
}

load_generator() { # args...: the load generator on this machine
  java -cp "$bench_jar" org.certhub.bench.LoadGenerator "$@"
}
