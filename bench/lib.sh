# Shared by the bench scripts: start the packaged service on loopback and read its heap.
# Source it from the project root.

command -v wrk >/dev/null 2>&1 || { apt-get update -q && apt-get install -y -q wrk; } >&2

# start_app PORT LOG [JVM options...]: starts target/quarkus-app (or $APP_JAR, with $JAVA) and
# waits until it is ready; sets $app (the pid) and $ready_ms, and stops the service when the
# script exits.
start_app() {
  local port=$1 log=$2
  shift 2
  local started
  started=$(date +%s%N)
  "${JAVA:-java}" "$@" -Dquarkus.http.port="$port" -jar "${APP_JAR:-target/quarkus-app/quarkus-run.jar}" > "$log" 2>&1 &
  app=$!
  trap 'kill $app 2>/dev/null || true' EXIT
  until curl -sf "http://127.0.0.1:$port/q/health/ready" >/dev/null; do
    kill -0 "$app" 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.01
  done
  ready_ms=$(( ($(date +%s%N) - started) / 1000000 ))
}

# heap_after_gc_mb: the live heap in MB: the old generation right after a full collection
# (under load, the young generation fills again at once, so the total would mostly show that).
heap_after_gc_mb() {
  jcmd "$app" GC.run >/dev/null
  jstat -gc "$app" | awk 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "OU") col = i } NR == 2 { print int($col / 1024) }'
}

# requests_per_s WRK_OUTPUT_FILE
requests_per_s() {
  awk '/Requests\/sec/ { print int($2) }' "$1"
}

# errors WRK_OUTPUT_FILE: failed requests (non-2xx answers and socket errors).
errors() {
  awk '/Non-2xx/ { n += $NF } /Socket errors/ { gsub(/,/, ""); n += $4 + $6 + $8 + $10 } END { print n + 0 }' "$1"
}

# pace_to PORT FRACTION: measures the service's maximum (10 s, 32 connections), then finds the
# delay per connection that holds about FRACTION of it; sets $max_rps, $connections, $delay_ms.
pace_to() {
  local port=$1 fraction=$2 rate
  wrk -t1 -c32 -d10s -s bench/post-cart.lua "http://127.0.0.1:$port/v1/nudges" > target/pace-max.txt
  max_rps=$(requests_per_s target/pace-max.txt)
  connections=64
  delay_ms=$(awk -v c=$connections -v m="$max_rps" -v f="$fraction" 'BEGIN { print int(c * 1000 / (m * f)) }')
  for _ in 1 2 3 4 5; do
    DELAY_MS=$delay_ms wrk -t1 -c$connections -d5s -s bench/paced-cart.lua "http://127.0.0.1:$port/v1/nudges" > target/pace-probe.txt
    rate=$(requests_per_s target/pace-probe.txt)
    echo "pace: delay ${delay_ms} ms per request on $connections connections gives $rate of max $max_rps req/s" >&2
    awk -v r="$rate" -v m="$max_rps" -v f="$fraction" 'BEGIN { exit !(r < m * f * 0.95) }' || break
    (( delay_ms > 0 )) || break
    delay_ms=$(( delay_ms - 1 ))
  done
}
