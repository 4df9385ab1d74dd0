#!/usr/bin/env bash
# Start-up time: the Release build on the embedded default, from the process starting to /health answering healthy.
# The app is published as a council deploys it (README, "Going live": ReadyToRun, framework-dependent, linux-x64);
# STARTUP_PUBLISH=0 times the plain `dotnet build` output instead, which compiles everything as it starts.
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

if [ "${STARTUP_PUBLISH:-1}" = "1" ]; then
  out="$dir/app"
  rm -rf "$out"
  dotnet publish src/Connect2Luton.Web -c Release -r linux-x64 --self-contained false -o "$out" -v quiet -nologo >/dev/null
  dll="$out/Connect2Luton.Web.dll"
  contentroot="$out"
else
  dotnet build -c Release src/Connect2Luton.Web -v quiet -nologo >/dev/null
  dll=src/Connect2Luton.Web/bin/Release/net10.0/Connect2Luton.Web.dll
  # The app finds wwwroot from its content root, as `dotnet run` gives it.
  contentroot="$PWD/src/Connect2Luton.Web"
fi

export ASPNETCORE_ENVIRONMENT=Development
export Database__Provider=Sqlite
export Database__ConnectionString="Data Source=${db}"
export Logging__LogLevel__Default=Warning
export ASPNETCORE_URLS="$base"
export ASPNETCORE_CONTENTROOT="$contentroot"
export Rules__Directory="$PWD/rules"

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
