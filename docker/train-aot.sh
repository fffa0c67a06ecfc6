#!/usr/bin/env bash
# Trains the JDK's AOT cache (JDK 25: JEP 483, 514, 515) for the packaged service: launches it as
# it will run, with -XX:AOTCacheOutput added through JDK_JAVA_OPTIONS, waits until it is ready,
# posts each cart 300 times so the decision path is loaded and profiled too, then stops it; the
# JVM writes the cache as it exits. A cache serves only the JVM build that wrote it, so this runs
# inside the image (docker/Dockerfile.jvm), and in bench/startup on the JDK that it measures.
#   docker/train-aot.sh CACHE CART... -- LAUNCH_COMMAND...
# e.g. docker/train-aot.sh app.aot bench/carts/*.json -- java -jar target/quarkus-app/quarkus-run.jar
set -euo pipefail
cache=$(realpath -m "$1")
shift
carts=()
while [[ $1 != -- ]]; do carts+=("$1"); shift; done
shift
port=${TRAIN_PORT:-18089}
scratch=$(mktemp -d)
pid=
finish() {
  local status=$?
  if [[ -n $pid ]]; then kill "$pid" 2>/dev/null || true; fi
  if (( status != 0 )) && [[ -f $scratch/training.log ]]; then cat "$scratch/training.log" >&2; fi
  rm -rf "$scratch"
}
trap finish EXIT
trap 'exit 1' INT TERM
rm -f "$cache"

# The training warms the rule book up (its scenarios run once), so the cache holds every class
# they load and the image can skip that at start; its own events go to scratch, not into the
# events of the image or the checkout.
JDK_JAVA_OPTIONS="-XX:AOTCacheOutput=$cache -Dquarkus.http.port=$port -Dnudge.rules.warm-up=true -Dnudge.events.file=$scratch/events.jsonl" \
  "$@" > "$scratch/training.log" 2>&1 &
pid=$!
deadline=$(( SECONDS + 300 ))
until curl -sf "http://127.0.0.1:$port/q/health/ready" > /dev/null; do
  kill -0 "$pid" 2>/dev/null || { echo "the service stopped before it was ready" >&2; exit 1; }
  (( SECONDS < deadline )) || { echo "the service was not ready within 300 s" >&2; exit 1; }
  sleep 0.1
done
for cart in "${carts[@]}"; do
  for _ in $(seq 1 300); do
    curl -sf -X POST -H 'Content-Type: application/json' --data-binary @"$cart" "http://127.0.0.1:$port/v1/nudges" > /dev/null
  done
done
kill "$pid"
wait "$pid" || true
pid=
[[ -s $cache ]] || { echo "no AOT cache was written to $cache" >&2; exit 1; }
