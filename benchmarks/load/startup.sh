#!/usr/bin/env bash
# Start-up time: the Release build on the embedded default, from the process starting to /health answering healthy.
#
#   benchmarks/load/startup.sh      cold: a fresh SQLite file, migrated and seeded with the demo data by the start
#                                   itself; warm: the same app started again on the database that start left. Each is
#                                   run three times and every time is printed, with the median.
#
# The app is started with `dotnet <dll>` rather than `dotnet run`, which would add the SDK's own start to the figure.
# Settings (environment): STARTUP_PORT (5092), STARTUP_RUNS (3). Don't run it beside a build.
set -euo pipefail
cd "$(dirname "$0")/../.."

port="${STARTUP_PORT:-5092}"
runs="${STARTUP_RUNS:-3}"
base="http://localhost:${port}"
dir="$PWD/artifacts/startup"
db="$dir/connect2luton-startup.db"
mkdir -p "$dir"
command -v curl >/dev/null || { apt-get update -qq && apt-get install -y -qq curl; }

dotnet build -c Release src/Connect2Luton.Web -v quiet -nologo >/dev/null
dll=src/Connect2Luton.Web/bin/Release/net10.0/Connect2Luton.Web.dll

export ASPNETCORE_ENVIRONMENT=Development
export Database__Provider=Sqlite
export Database__ConnectionString="Data Source=${db}"
export Logging__LogLevel__Default=Warning
export ASPNETCORE_URLS="$base"
# The app finds rules/ and wwwroot from its content root, as `dotnet run` gives it.
export ASPNETCORE_CONTENTROOT="$PWD/src/Connect2Luton.Web"

# Milliseconds from starting the process to the first healthy answer from /health.
time_to_healthy() {
  local started pid
  started=$(date +%s%N)
  dotnet "$dll" >"$dir/app.log" 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/health" || true)" = "200" ]; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "the app stopped before it was healthy; see $dir/app.log" >&2; exit 1; fi
    sleep 0.02
  done
  echo $(( ($(date +%s%N) - started) / 1000000 ))
  kill "$pid"
  wait "$pid" 2>/dev/null || true
}

median() { tr ' ' '\n' | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

cold=(); warm=()
for _ in $(seq 1 "$runs"); do
  rm -f "$db" "$db-wal" "$db-shm"
  cold+=("$(time_to_healthy)")
  warm+=("$(time_to_healthy)")
done
echo "cold start (fresh database, migrated and seeded), ms: ${cold[*]}; median $(echo "${cold[*]}" | median)"
echo "warm start (the database already there), ms: ${warm[*]}; median $(echo "${warm[*]}" | median)"
