#!/usr/bin/env bash
# Runs the image Jib built (a docker-archive tarball) without a container engine, and checks that the hub in it
# serves: unpacks the layers, starts the image's entrypoint with its environment, user and working directory in a
# chroot with its own PID and mount namespaces, then waits for readiness, posts the example Bundle and waits for
# its certificate.
#
#   deploy/image/smoke-test.sh [jib-image.tar]     (default: routes/target/jib-image.tar)
#
# Needs root (chroot, namespaces), python3 and curl. The hub runs on the embedded defaults, on port 18090.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
image=${1:-$root/routes/target/jib-image.tar}
port=${SMOKE_TEST_PORT:-18090}
api_key=smoke-test-$RANDOM$RANDOM
work=$(mktemp -d /tmp/certhub-image-smoke.XXXXXX)
hub=

finish() {
  # unshare ignores SIGTERM while it waits: stop the hub, its child, and unshare ends with it
  [ -n "$hub" ] && { pkill -TERM -P "$hub" 2>/dev/null; wait "$hub" 2>/dev/null; } || true
  rm -rf "$work"
}
trap finish EXIT

[ -f "$image" ] || { echo "no image at $image: build it first (deploy/README.md)" >&2; exit 1; }
[ "$(id -u)" = 0 ] || { echo "run as root: chroot and namespaces" >&2; exit 1; }

mkdir -p "$work/archive" "$work/rootfs"
tar -C "$work/archive" -xf "$image"
# the layers in order, then the container settings, one per line: user, working directory, entrypoint, env
python3 - "$work/archive" >"$work/settings" <<'PY'
import json, sys, os
archive = sys.argv[1]
manifest = json.load(open(os.path.join(archive, "manifest.json")))[0]
config = json.load(open(os.path.join(archive, manifest["Config"])))["config"]
for layer in manifest["Layers"]:
    print("layer", os.path.join(archive, layer))
print("user", config.get("User", "0"))
print("workdir", config.get("WorkingDir") or "/")
print("command", json.dumps((config.get("Entrypoint") or []) + (config.get("Cmd") or [])))
for variable in config.get("Env", []):
    print("env", variable)
PY
while read -r kind value; do
  [ "$kind" = layer ] && tar -C "$work/rootfs" --numeric-owner --warning=no-unknown-keyword -xf "$value"
done <"$work/settings"
user=$(sed -n 's/^user //p' "$work/settings")
workdir=$(sed -n 's/^workdir //p' "$work/settings")
mapfile -t command < <(sed -n 's/^command //p' "$work/settings" | python3 -c 'import json,sys; print("\n".join(json.load(sys.stdin)))')
mapfile -t environment < <(sed -n 's/^env //p' "$work/settings")
[ "${#command[@]}" -gt 0 ] || { echo "the image has no entrypoint" >&2; exit 1; }

# the writable places a pod gives the container (deploy/k8s: emptyDir on /tmp and /app/data)
data_dir=$(printf '%s\n' "${environment[@]}" | sed -n 's/^CERTHUB_DATA_DIR=//p')
mkdir -p "$work/rootfs${data_dir:-/app/data}" "$work/rootfs/tmp"
chown "$user" "$work/rootfs${data_dir:-/app/data}"
chmod 1777 "$work/rootfs/tmp"

echo "starting ${command[*]} as $user in $workdir"
unshare --mount --pid --fork --kill-child --mount-proc="$work/rootfs/proc" \
  bash -c 'mount --rbind /dev "$1/dev" && rootfs=$1 user=$2 workdir=$3 && shift 3 &&
           exec chroot --userspec="$user" "$rootfs" /usr/bin/env -i --chdir="$workdir" "$@"' \
  _ "$work/rootfs" "$user" "$workdir" "${environment[@]}" \
  SERVER_PORT="$port" CERTHUB_API_KEY="$api_key" CERTHUB_ADMIN_API_KEY="$api_key-admin" "${command[@]}" \
  >"$work/hub.log" 2>&1 &
hub=$!

fail() { echo "FAIL: $1" >&2; tail -40 "$work/hub.log" >&2; exit 1; }
for _ in $(seq 180); do
  curl -sf "http://localhost:$port/actuator/health/readiness" >/dev/null && break
  kill -0 "$hub" 2>/dev/null || fail "the hub exited"
  sleep 1
done
curl -sf "http://localhost:$port/actuator/health/readiness" >/dev/null || fail "not ready after 180 s"

event=$(curl -sf -H "X-API-Key: $api_key" -H 'Content-Type: application/fhir+json' \
  --data @"$root/config/examples/immunization-bundle.json" "http://localhost:$port/fhir/r4" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])') || fail "the Bundle was not accepted"
for _ in $(seq 60); do
  state=$(curl -sf -H "X-API-Key: $api_key" "http://localhost:$port/api/v1/events/$event" | python3 -c 'import json,sys; print(json.load(sys.stdin)["state"])')
  case $state in certified|delivered) break ;; failed|held) fail "the event ended $state" ;; esac
  sleep 1
done
case $state in certified|delivered) ;; *) fail "the event is still $state after 60 s" ;; esac
curl -sf "http://localhost:$port/.well-known/jwks.json" | grep -q '"keys"' || fail "no public keys served"
echo "image OK: ready, certified event $event, keys published"
