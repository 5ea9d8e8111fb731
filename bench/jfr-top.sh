#!/usr/bin/env bash
# Top frames by share of a JFR recording's execution samples (jdk.ExecutionSample: the threads running Java code):
# by thread (pool names with their numbers dropped), by the library of the first frame that is not the JDK's, and
# the methods on top of the stack (where the CPU was spent itself).
#
#   bench/jfr-top.sh recording.jfr [rows]          (rows per table, default 15)
#
# Take a recording of a hub with HUB_JAVA_OPTS='-XX:StartFlightRecording=filename=/tmp/hub.jfr,settings=profile'
# (bench/run.sh), JFR=1 bench/run.sh, or `jcmd <pid> JFR.start settings=profile filename=/tmp/hub.jfr` and
# `jcmd <pid> JFR.stop` around the run of interest.
set -euo pipefail

file=${1:?usage: bench/jfr-top.sh recording.jfr [rows]}
rows=${2:-15}

jfr print --events jdk.ExecutionSample --stack-depth 64 "$file" | awk -v rows="$rows" '
  function library(frame) {
    if (frame ~ /^org\.h2\./) return "H2"
    if (frame ~ /^org\.bouncycastle\./) return "BouncyCastle"
    if (frame ~ /^org\.apache\.camel\./) return "Camel"
    if (frame ~ /^org\.apache\.(catalina|coyote|tomcat)\./) return "Tomcat"
    if (frame ~ /^org\.springframework\.(web|http)\./) return "Spring Web"
    if (frame ~ /^org\.springframework\.security\./) return "Spring Security"
    if (frame ~ /^org\.springframework\./) return "Spring other"
    if (frame ~ /^com\.fasterxml\.jackson\./) return "Jackson"
    if (frame ~ /^io\.micrometer\./) return "Micrometer"
    if (frame ~ /^io\.opentelemetry\./) return "OpenTelemetry"
    if (frame ~ /^org\.apache\.activemq\./) return "Artemis"
    if (frame ~ /^org\.apache\.kafka\./) return "Kafka client"
    if (frame ~ /^org\.postgresql\./) return "PostgreSQL driver"
    if (frame ~ /^com\.zaxxer\.hikari\./) return "HikariCP"
    if (frame ~ /^(ca\.uhn\.fhir|org\.hl7\.fhir)\./) return "HAPI FHIR"
    if (frame ~ /^com\.nimbusds\./) return "Nimbus JOSE"
    if (frame ~ /^(com\.openhtmltopdf|org\.apache\.pdfbox|org\.apache\.fontbox)\./) return "openhtmltopdf/PDFBox"
    if (frame ~ /^com\.google\.zxing\./) return "ZXing"
    if (frame ~ /^com\.github\.jknack\.handlebars\./) return "Handlebars"
    if (frame ~ /^(org\.eclipse\.angus|jakarta\.mail|com\.sun\.mail)\./) return "Jakarta Mail"
    if (frame ~ /^com\.apicatalog\./) return "Titanium JSON-LD"
    if (frame ~ /^ch\.qos\.logback\./) return "Logback"
    if (frame ~ /^io\.prometheus\./) return "Prometheus (the meters read)"
    if (frame ~ /^org\.certhub\.routes\./) return "certhub routes"
    if (frame ~ /^org\.certhub\./) { module = frame; sub(/^org\.certhub\./, "", module); sub(/\..*$/, "", module); return "certhub " module }
    n = split(frame, part, ".")
    return (n > 2) ? part[1] "." part[2] : frame
  }
  function jdk(frame) { return frame ~ /^(java|javax|jdk|sun|com\.sun\.(crypto|net|org))\./ }
  /^jdk\.ExecutionSample/ { inside = 1; depth = 0; top = ""; lib = ""; thread = ""; next }
  inside && /sampledThread = / {
    thread = $0; sub(/^[^"]*"/, "", thread); sub(/".*$/, "", thread); gsub(/[0-9]+/, "N", thread); next
  }
  inside && /stackTrace = \[/ { stack = 1; next }
  stack && /^[[:space:]]*\]/ {
    stack = 0; inside = 0; total++
    threads[thread]++; tops[top]++; libs[lib == "" ? "JDK only (" top ")" : lib]++
    next
  }
  stack && !/^[[:space:]]*\.\.\./ {
    frame = $1; sub(/\(.*$/, "", frame)
    if (++depth == 1) top = frame
    if (lib == "" && !jdk(frame)) lib = library(frame)
  }
  function table(title, counts,    key, n, i, j, tmp, keys) {
    n = 0
    for (key in counts) keys[++n] = key
    for (i = 2; i <= n; i++) { tmp = keys[i]; for (j = i - 1; j > 0 && counts[keys[j]] < counts[tmp]; j--) keys[j + 1] = keys[j]; keys[j + 1] = tmp }
    printf "\n| %s | share |\n|---|---|\n", title
    for (i = 1; i <= n && i <= rows; i++) printf "| %s | %.1f %% |\n", keys[i], 100 * counts[keys[i]] / total
  }
  END {
    if (total == 0) { print "no jdk.ExecutionSample events in the recording"; exit 1 }
    printf "%d execution samples\n", total
    table("thread (numbers as N)", threads)
    table("library of the first non-JDK frame", libs)
    table("method on top of the stack (self)", tops)
  }'
