#!/usr/bin/env bash
# The benchmarks of issue 13 in one go: the JMH unit costs, then the end-to-end runs on freshly started embedded hubs
# (H2, embedded Artemis, every commit durable), then ONE table: figure, measured, target, ceiling from the unit
# costs, share of the ceiling reached, and the hub's CPU per certificate (or per mail, per verification). What each
# row measures, and every variable: bench/README.md.
#
#   bench/run.sh                  (after ./mvnw -q package -DskipTests; run from anywhere)
#
# Sizes (environment): RECORDS (POSTed issuing runs, default 10000), IMPORT_RECORDS (the $import run, 100000),
# RATE (posts per second of the open-loop run, 500) for RATE_SECONDS (30), MAIL_RECORDS (2000), VERIFICATIONS
# (20000), WARMUP_RECORDS (3000, unmeasured), CONCURRENCY (32), CORES (the ceiling's cores, default: nproc),
# JMH_ARGS (default: one fork, short iterations), HUB_JAVA_OPTS (more JVM options of the hubs), JFR=1 (a JFR
# recording of the hub during the $import run, summarised after the table by bench/jfr-top.sh; JFR_RUN=post records
# the saturated POST run instead). Two hubs run one after the other: issuing, verification, the fixed-rate and the
# $import runs with email off on port 18080 (metrics on 18081), then mail with the email channel on a local SMTP sink
# that discards every message on 18090 (18091).
set -euo pipefail

records=${RECORDS:-10000}
import_records=${IMPORT_RECORDS:-100000}
rate=${RATE:-500}
rate_records=$(echo "$rate * ${RATE_SECONDS:-30} / 1" | bc)
mail_records=${MAIL_RECORDS:-2000}
verifications=${VERIFICATIONS:-20000}
warmup=${WARMUP_RECORDS:-3000}
concurrency=${CONCURRENCY:-32}
cores=${CORES:-$(nproc)}
jmh_args=${JMH_ARGS:--f 1 -wi 2 -i 3 -w 2s -r 2s}
jfr_run=${JFR_RUN:-import}
work=$(mktemp -d /tmp/certhub-bench.XXXXXX)
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"
require_jars

api_key=bench-$RANDOM$RANDOM
export CERTHUB_API_KEY=$api_key CERTHUB_ADMIN_API_KEY=$api_key-admin CERTHUB_VERIFY_RATE_LIMIT_ENABLED=false

load() { # port args...: the load generator against the hub on port (its metrics on port + 1)
  local port=$1; shift
  load_generator --url "http://localhost:$port" --api-key "$api_key" --timeout-seconds 3600 \
    --metrics-url "http://localhost:$((port + 1))" --admin-key "$api_key-admin" "$@"
}
jfr_start() { [ "${JFR:-0}" = 1 ] && jcmd "$hub" JFR.start name=bench settings=profile filename="$work/saturated.jfr" >/dev/null || true; }
jfr_stop() { [ "${JFR:-0}" = 1 ] && jcmd "$hub" JFR.stop name=bench >/dev/null || true; }

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

# 2. issuing (counted from the hub's meters, no per-record reads), verification, fixed rate, $import; email off
echo "issuing runs ..." >&2
start_hub issuing 18080 CERTHUB_MANAGEMENT_PORT=18081 CERTHUB_CHANNEL_EMAIL_ENABLED=false
ready_fresh=$ready_s
load 18080 --records "$warmup" --concurrency "$concurrency" --follow metrics >/dev/null
[ "$jfr_run" = post ] && jfr_start
cpu=$(cpu_seconds "$hub")
issuing=$(load 18080 --records "$records" --concurrency "$concurrency" --follow metrics)
cpu_saturated=$(echo "$(cpu_seconds "$hub") - $cpu" | bc -l)
[ "$jfr_run" = post ] && jfr_stop
# with no backlog: each record followed to its certificate (issuedAt), which costs the hub two reads per record
cpu=$(cpu_seconds "$hub")
steady=$(load 18080 --records "$((records / 2))" --concurrency 4)
cpu_steady=$(echo "$(cpu_seconds "$hub") - $cpu" | bc -l)
# 300 records to read QR texts from (900 distinct codes), then the verifications, the hub's CPU read around them alone
verifying=$(load 18080 --records 300 --concurrency "$concurrency" --verifications "$verifications" --hub-pid "$hub" \
  | grep '^verifications=')
echo "fixed rate: $rate_records posts at $rate/s ..." >&2
cpu=$(cpu_seconds "$hub")
at_rate=$(load 18080 --records "$rate_records" --rate "$rate" --timeout-seconds $((600 + rate_records / 20)))
cpu_rate=$(echo "$(cpu_seconds "$hub") - $cpu" | bc -l)
echo "\$import of $import_records records ..." >&2
[ "$jfr_run" = import ] && jfr_start
cpu=$(cpu_seconds "$hub")
importing=$(load 18080 --import "$import_records" --timeout-seconds $((600 + import_records / 20)))
cpu_import=$(echo "$(cpu_seconds "$hub") - $cpu" | bc -l)
[ "$jfr_run" = import ] && jfr_stop
rss_issuing=$(peak_rss_mib "$hub")
stop_hub "$hub"
# start to ready once more, on the data the runs left
start_hub issuing 18080 CERTHUB_MANAGEMENT_PORT=18081 CERTHUB_CHANNEL_EMAIL_ENABLED=false
ready_restart=$ready_s
stop_hub "$hub"

# 3. issued and mailed with the PDF to the SMTP sink
echo "mail run ..." >&2
java -cp "$bench_jar" org.certhub.bench.SmtpSink 2525 >"$work/smtp.log" 2>&1 &
pids+=($!)
start_hub mailing 18090 CERTHUB_MANAGEMENT_PORT=18091 CERTHUB_CHANNEL_EMAIL_ENABLED=true CERTHUB_SMTP_HOST=127.0.0.1 \
  CERTHUB_SMTP_PORT=2525 CERTHUB_SMTP_SECURITY=none
ready_mail=$ready_s
load 18090 --records "$((warmup / 3))" --concurrency "$concurrency" --until delivered --follow metrics >/dev/null
cpu=$(cpu_seconds "$hub")
mailing=$(load 18090 --records "$mail_records" --concurrency "$concurrency" --until delivered --follow metrics)
cpu_mail=$(echo "$(cpu_seconds "$hub") - $cpu" | bc -l)
rss_mail=$(peak_rss_mib "$hub")
stop_hub "$hub"

# 4. the table
per() { [ "${2:-0}" -gt 0 ] && awk -v s="$1" -v n="$2" 'BEGIN {printf "%.1f ms", 1000 * s / n}' || echo "-"; } # cpu s, count
ceiling() { echo "$cores * 1000 / $1" | bc -l | xargs printf '%.0f'; } # ms per item on all cores
share() { [ "$2" -gt 0 ] && echo "$(echo "100 * $1 / $2" | bc -l | xargs printf '%.0f') %" || echo "-"; }
c_issue=$(ceiling "$issue_ms"); c_mail=$(ceiling "$(echo "$issue_ms + $email" | bc -l)")
c_verify=$(ceiling "$(echo "($v_w3c + $v_eu + $v_shc) / 3" | bc -l)")
issued_sat=$(field "$issuing" issued_per_s); issued_steady=$(field "$steady" issued_per_s)
issued_rate=$(field "$at_rate" issued_per_s); issued_import=$(field "$importing" issued_per_s_sustained)
delivered=$(field "$mailing" delivered_per_s)
verify_s=$(field "$verifying" verify_per_s)
jar_mb=$(stat -c %s "$hub_jar" | awk '{printf "%.1f", $1 / 1e6}')
rss_max=$((rss_issuing > rss_mail ? rss_issuing : rss_mail))

echo
echo "certhub bench/run.sh, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)), $(free -g | awk '/^Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1), commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "unit costs (JMH, ms): map $map, W3C $w3c, EU DCC $eu, SHC $shc (issue $issue_ms); email+PDF $email; verify W3C $v_w3c, EU $v_eu, SHC $v_shc"
echo
echo "| figure | measured | target | ceiling | share | hub CPU per item |"
echo "|---|---|---|---|---|---|"
echo "| issued/s, \`\$import\` of $import_records records (10–90 % of them; over the whole run) | $issued_import ($(field "$importing" issued_per_s) over $(field "$importing" done_s) s) | ≥ 1000 | $c_issue | $(share "$issued_import" "$c_issue") | $(per "$cpu_import" "$(field "$importing" certified)") |"
echo "| issued/s, concurrent \`POST /fhir/r4\` (concurrency $concurrency, saturated), $records records | $issued_sat | ≥ 600 | $c_issue | $(share "$issued_sat" "$c_issue") | $(per "$cpu_saturated" "$(field "$issuing" certified)") |"
echo "| ingest answers/s and p99, concurrency $concurrency | $(field "$issuing" ingest_per_s), p99 $(field "$issuing" ingest_p99_ms) ms | | | | |"
echo "| \`POST /fhir/r4\` at $rate/s for $rate_records posts (open loop): answer p99 from the scheduled send; issued/s | p99 $(field "$at_rate" ingest_p99_ms) ms (sent $(field "$at_rate" sent_per_s)/s); $issued_rate issued/s | p99 < 100 ms at 500/s | $c_issue | $(share "$issued_rate" "$c_issue") | $(per "$cpu_rate" "$(field "$at_rate" certified)") |"
echo "| issued/s with no backlog (concurrency 4, each record read back), p99 post→issued | $issued_steady, p99 $(field "$steady" e2e_p99_ms) ms | | $c_issue | $(share "$issued_steady" "$c_issue") | $(per "$cpu_steady" "$(field "$steady" certified)") |"
echo "| issued and mailed with the PDF/s | $delivered | ≥ 200 | $c_mail | $(share "$delivered" "$c_mail") | $(per "$cpu_mail" "$(field "$mailing" delivered)") |"
echo "| verifications/s, $(field "$verifying" distinct_qr) distinct QR texts of all formats | $verify_s, p99 $(field "$verifying" verify_p99_ms) ms | ≥ 5000 | $c_verify | $(share "$verify_s" "$c_verify") | $(field "$verifying" hub_cpu_ms_per_verification) ms |"
echo "| hub peak resident memory (VmHWM), issuing hub after all its runs; mail hub | $rss_issuing MiB; $rss_mail MiB | ≤ 1024 MiB | | $(share "$rss_max" 1024) of target | |"
echo "| start to ready (java -jar to readiness 200): fresh data dir; restart after the runs; mail hub | $ready_fresh s; $ready_restart s; $ready_mail s | ≤ 10 s | | | |"
echo "| runnable jar (routes/target/certhub-0.1.0-SNAPSHOT.jar) | $jar_mb MB | ≤ 120 MB | | $(share "${jar_mb%.*}" 120) of target | |"
echo
echo "raw: $importing"
echo "raw: $issuing"
echo "raw: $at_rate"
echo "raw: $steady"
echo "raw: $verifying"
echo "raw: $mailing"
if [ "${JFR:-0}" = 1 ] && [ -f "$work/saturated.jfr" ]; then
  echo
  echo "JFR of the $jfr_run run ($work/saturated.jfr):"
  bash "$root/bench/jfr-top.sh" "$work/saturated.jfr" 15
fi
