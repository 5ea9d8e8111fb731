#!/usr/bin/env bash
# The benchmarks of issue 13 in one go: the JMH unit costs, then the end-to-end runs on freshly started embedded hubs
# (H2, embedded Artemis, every commit durable), then ONE table: figure, target, ceiling from the unit costs, share of
# the ceiling reached, and the hub's CPU per certificate (or per mail, per verification).
#
#   bench/run.sh                  (after ./mvnw -q package -DskipTests; run from anywhere)
#
# Sizes (environment): RECORDS (issuing, default 10000), MAIL_RECORDS (2000), VERIFICATIONS (20000),
# WARMUP_RECORDS (3000, unmeasured), CONCURRENCY (32), CORES (the ceiling's cores, default: nproc), JMH_ARGS
# (default: one fork, short iterations), HUB_JAVA_OPTS (more JVM options of the hubs, e.g. a JFR recording:
# -XX:StartFlightRecording=filename=/tmp/hub.jfr,settings=profile). Two hubs run one after the other on ports 18080
# and 18090: issuing and verification with email off, then mail with the email channel on a local SMTP sink that
# discards every message.
set -euo pipefail

records=${RECORDS:-10000}
mail_records=${MAIL_RECORDS:-2000}
verifications=${VERIFICATIONS:-20000}
warmup=${WARMUP_RECORDS:-3000}
concurrency=${CONCURRENCY:-32}
cores=${CORES:-$(nproc)}
jmh_args=${JMH_ARGS:--f 1 -wi 2 -i 3 -w 2s -r 2s}
root=$(cd "$(dirname "$0")/.." && pwd)
hub_jar=$root/routes/target/certhub-0.1.0-SNAPSHOT.jar
bench_jar=$root/bench/target/certhub-bench.jar
work=$(mktemp -d /tmp/certhub-bench.XXXXXX)
api_key=bench-$RANDOM$RANDOM
pids=()

[ -f "$hub_jar" ] && [ -f "$bench_jar" ] || { echo "build first: ./mvnw -q package -DskipTests" >&2; exit 1; }

stop_all() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  echo "logs: $work" >&2
}
trap stop_all EXIT
trap 'exit 130' INT TERM

await_url() { # url seconds
  for _ in $(seq "$2"); do curl -sf "$1" >/dev/null && return 0; sleep 1; done
  echo "no answer from $1 after $2 s" >&2; return 1
}

cpu_seconds() { # pid: user + system CPU of the process so far
  awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' "/proc/$1/stat"
}

field() { # line name: the value of name=value in a load generator line
  sed -n "s/.*\b$2=\([^ ]*\).*/\1/p" <<<"$1"
}

start_hub() { # port name [env...]: starts a hub in its own data dir, waits until ready, sets $hub
  local port=$1 name=$2; shift 2
  env "$@" SERVER_PORT="$port" CERTHUB_DATA_DIR="$work/$name" CERTHUB_API_KEY="$api_key" \
    CERTHUB_ADMIN_API_KEY="$api_key-admin" CERTHUB_VERIFY_RATE_LIMIT_ENABLED=false \
    java ${HUB_JAVA_OPTS:-} -jar "$hub_jar" >"$work/$name.log" 2>&1 &
  hub=$!; pids+=("$hub")
  await_url "http://localhost:$port/actuator/health/readiness" 240
}

load() { # port args...
  local port=$1; shift
  java -cp "$bench_jar" org.certhub.bench.LoadGenerator --url "http://localhost:$port" --api-key "$api_key" "$@"
}

# 1. unit costs (JMH, average time per operation), in ms
echo "JMH unit costs ..." >&2
(cd "$root" && java -jar "$bench_jar" \
  'FhirMappingBenchmark.bundleJson$|W3cVcBenchmark.(sign|verify)$|EuDccBenchmark.(signAndEncode|verify)$|ShcBenchmark.(signToQrText|verify)$|RenderBenchmark.email$' \
  -p lang=en $jmh_args -rf csv -rff "$work/jmh.csv" >"$work/jmh.log" 2>&1)
unit() { # benchmark-name suffix: its average in ms
  awk -F, -v name="$1" '
    NR > 1 { gsub(/"/, ""); n = split($1, part, "."); b = part[n - 1] "." part[n]
             if (b == name) { f = ($7 == "us/op") ? 0.001 : ($7 == "ns/op") ? 0.000001 : 1; printf "%.3f", $5 * f; exit } }' \
    "$work/jmh.csv"
}
map=$(unit FhirMappingBenchmark.bundleJson); w3c=$(unit W3cVcBenchmark.sign); eu=$(unit EuDccBenchmark.signAndEncode)
shc=$(unit ShcBenchmark.signToQrText); email=$(unit RenderBenchmark.email)
v_w3c=$(unit W3cVcBenchmark.verify); v_eu=$(unit EuDccBenchmark.verify); v_shc=$(unit ShcBenchmark.verify)
issue_ms=$(echo "$map + $w3c + $eu + $shc" | bc -l)

# 2. issuing and verification, email off
echo "issuing runs ..." >&2
start_hub 18080 issuing CERTHUB_CHANNEL_EMAIL_ENABLED=false
load 18080 --records "$warmup" --concurrency "$concurrency" >/dev/null
cpu=$(cpu_seconds "$hub")
issuing=$(load 18080 --records "$records" --concurrency "$concurrency")
cpu_saturated=$(echo "$(cpu_seconds "$hub") - $cpu" | bc -l)
cpu=$(cpu_seconds "$hub")
steady=$(load 18080 --records "$((records / 2))" --concurrency 4)
cpu_steady=$(echo "$(cpu_seconds "$hub") - $cpu" | bc -l)
# 300 records to read QR texts from (900 distinct codes), then the verifications; their CPU less the records'
cpu=$(cpu_seconds "$hub")
verifying=$(load 18080 --records 300 --concurrency "$concurrency" --verifications "$verifications" | grep '^verifications=')
cpu_verify=$(echo "$(cpu_seconds "$hub") - $cpu - 300 * $cpu_saturated / $(field "$issuing" certified)" | bc -l)
kill "$hub"; wait "$hub" 2>/dev/null || true

# 3. issued and mailed with the PDF to the SMTP sink
echo "mail run ..." >&2
java -cp "$bench_jar" org.certhub.bench.SmtpSink 2525 >"$work/smtp.log" 2>&1 &
pids+=($!)
start_hub 18090 mailing CERTHUB_CHANNEL_EMAIL_ENABLED=true CERTHUB_SMTP_HOST=127.0.0.1 CERTHUB_SMTP_PORT=2525 \
  CERTHUB_SMTP_SECURITY=none
load 18090 --records "$((warmup / 3))" --concurrency "$concurrency" --until delivered >/dev/null
cpu=$(cpu_seconds "$hub")
mailing=$(load 18090 --records "$mail_records" --concurrency "$concurrency" --until delivered)
cpu_mail=$(echo "$(cpu_seconds "$hub") - $cpu" | bc -l)

# 4. the table
per() { echo "scale=1; 1000 * $1 / $2" | bc -l; } # cpu seconds, count: ms per item
ceiling() { echo "$cores * 1000 / $1" | bc -l | xargs printf '%.0f'; } # ms per item on all cores
share() { [ "$2" -gt 0 ] && echo "$(echo "100 * $1 / $2" | bc -l | xargs printf '%.0f') %" || echo "-"; }
issued_sat=$(field "$issuing" issued_per_s); issued_steady=$(field "$steady" issued_per_s)
certified=$(field "$issuing" certified); certified_steady=$(field "$steady" certified)
delivered=$(field "$(grep '^delivered=' <<<"$mailing")" delivered_per_s); mailed=$(field "$(grep '^delivered=' <<<"$mailing")" delivered)
verify_s=$(field "$verifying" verify_per_s); verified=$(field "$verifying" verifications)
c_issue=$(ceiling "$issue_ms"); c_mail=$(ceiling "$(echo "$issue_ms + $email" | bc -l)")
c_verify=$(ceiling "$(echo "($v_w3c + $v_eu + $v_shc) / 3" | bc -l)")

echo
echo "certhub bench/run.sh, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(java -version 2>&1 | head -1)"
echo "unit costs (JMH, ms): map $map, W3C $w3c, EU DCC $eu, SHC $shc (issue $issue_ms); email+PDF $email; verify W3C $v_w3c, EU $v_eu, SHC $v_shc"
echo
echo "| figure | measured | target | ceiling | share | hub CPU per item |"
echo "|---|---|---|---|---|---|"
echo "| issued/s, three formats, concurrency $concurrency (saturated), $records records | $issued_sat | ≥ 1000 | $c_issue | $(share "$issued_sat" "$c_issue") | $(per "$cpu_saturated" "$certified") ms |"
echo "| ingest answers/s and p99, concurrency $concurrency | $(field "$issuing" ingest_per_s), p99 $(field "$issuing" ingest_p99_ms) ms | p99 < 100 ms | | | |"
echo "| issued/s with no backlog (concurrency 4), p99 post→issued | $issued_steady, p99 $(field "$steady" e2e_p99_ms) ms | | $c_issue | $(share "$issued_steady" "$c_issue") | $(per "$cpu_steady" "$certified_steady") ms |"
echo "| issued and mailed with the PDF/s | $delivered | ≥ 200 | $c_mail | $(share "$delivered" "$c_mail") | $(per "$cpu_mail" "$mailed") ms |"
echo "| verifications/s, $(field "$verifying" distinct_qr) distinct QR texts of all formats | $verify_s, p99 $(field "$verifying" verify_p99_ms) ms | ≥ 5000 | $c_verify | $(share "$verify_s" "$c_verify") | $(per "$cpu_verify" "$verified") ms |"
echo
echo "raw: $issuing | $verifying | $steady | $(grep '^delivered=' <<<"$mailing")"
