#!/usr/bin/env bash
# Creates certhub's Kafka topics (idempotent: existing topics are left as they are).
#
#   certhub.ingest, certhub.certify, certhub.certificate.issued, certhub.deliver.<channel>
#   and a .dlq beside each; messages are keyed by event id, so one certificate's work stays in order
#   on one partition.
#
# Partitions bound the parallelism of a role: within one consumer group a partition is read by one
# pod at a time, so certhub-certify and certhub-distribute never usefully run more replicas than
# their topics have partitions. Choose PARTITIONS for the largest replica count you expect; adding
# partitions later moves keys to other partitions (drain the topics first if per-event order
# matters at that moment).
#
# usage: topics.sh [--dry-run]
# environment (defaults in brackets):
#   BOOTSTRAP_SERVERS   [$CERTHUB_KAFKA_BROKERS, else localhost:9092]
#   PARTITIONS          [12]      partitions of each work topic
#   DLQ_PARTITIONS      [3]       partitions of each .dlq topic (replayed by an operator, not scaled)
#   REPLICATION_FACTOR  [3]       1 only for a single-broker development cluster
#   MIN_INSYNC_REPLICAS [2]       with acks=all (certhub's idempotent producers), a write needs this
#                                 many replicas; REPLICATION_FACTOR - 1 survives one broker loss
#   RETENTION_MS        [604800000  = 7 days]   work topics: long enough to outlast an outage
#   DLQ_RETENTION_MS    [2592000000 = 30 days]  dead letters wait for an operator to replay them
#   CHANNELS            ["email sms webhook digilocker print"]
#   COMMAND_CONFIG      [none]    a client properties file for TLS/SASL (--command-config)
#   KAFKA_TOPICS        [kafka-topics.sh, else /opt/kafka/bin/kafka-topics.sh]
set -euo pipefail

dry_run=false
case ${1:-} in
  --dry-run) dry_run=true ;;
  "") ;;
  *) sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//' >&2; exit 2 ;;
esac

BOOTSTRAP_SERVERS=${BOOTSTRAP_SERVERS:-${CERTHUB_KAFKA_BROKERS:-localhost:9092}}
PARTITIONS=${PARTITIONS:-12}
DLQ_PARTITIONS=${DLQ_PARTITIONS:-3}
REPLICATION_FACTOR=${REPLICATION_FACTOR:-3}
MIN_INSYNC_REPLICAS=${MIN_INSYNC_REPLICAS:-2}
RETENTION_MS=${RETENTION_MS:-604800000}
DLQ_RETENTION_MS=${DLQ_RETENTION_MS:-2592000000}
CHANNELS=${CHANNELS:-email sms webhook digilocker print}
if (( MIN_INSYNC_REPLICAS > REPLICATION_FACTOR )); then
  echo "MIN_INSYNC_REPLICAS ($MIN_INSYNC_REPLICAS) > REPLICATION_FACTOR ($REPLICATION_FACTOR): no write could succeed" >&2
  exit 2
fi
if [[ -z ${KAFKA_TOPICS:-} ]]; then
  KAFKA_TOPICS=$(command -v kafka-topics.sh || echo /opt/kafka/bin/kafka-topics.sh)
fi

connection=(--bootstrap-server "$BOOTSTRAP_SERVERS")
[[ -z ${COMMAND_CONFIG:-} ]] || connection+=(--command-config "$COMMAND_CONFIG")

create() { # topic partitions retention-ms
  local command=("$KAFKA_TOPICS" "${connection[@]}" --create --if-not-exists --topic "$1"
    --partitions "$2" --replication-factor "$REPLICATION_FACTOR"
    --config "retention.ms=$3" --config "min.insync.replicas=$MIN_INSYNC_REPLICAS"
    --config cleanup.policy=delete)
  if $dry_run; then
    printf '%q ' "${command[@]}"; echo
  else
    "${command[@]}"
  fi
}

topics=(certhub.ingest certhub.certify certhub.certificate.issued)
for channel in $CHANNELS; do
  topics+=("certhub.deliver.$channel")
done

for topic in "${topics[@]}"; do
  create "$topic" "$PARTITIONS" "$RETENTION_MS"
  create "$topic.dlq" "$DLQ_PARTITIONS" "$DLQ_RETENTION_MS"
done

if ! $dry_run; then
  "$KAFKA_TOPICS" "${connection[@]}" --describe --topics-with-overrides | grep -E '^Topic: certhub\.' || true
fi
