#!/usr/bin/env bash
# Mixed load: the app on the embedded default (a fresh SQLite database, migrated and seeded with the demo data on
# first start), 50 signed-in clients, 10 agency staff and 10 workers (given their sign-in by the load's setup) reading
# and writing for 60 s, timesheets sent and approved among the rest, then the database reconciled with what they were
# told was saved and approved.
#
#   benchmarks/load/mixed.sh        exits non-zero on any error or anything that does not reconcile.
#
#   LOAD_RATE=300 benchmarks/load/mixed.sh   the same, open loop: 300 things to do arrive a second, whatever the answers.
#
# Settings (environment): LOAD_PORT (5091), LOAD_CLIENTS (50), LOAD_SECONDS (60), LOAD_RATE (0: closed loop). Don't run it beside a build:
# the machine has two cores and the figures would measure the compiler.
set -euo pipefail
cd "$(dirname "$0")/../.."

port="${LOAD_PORT:-5091}"
base="http://localhost:${port}"
dir="$PWD/artifacts/load"
db="$dir/connect2luton-load.db"
mkdir -p "$dir"
command -v curl >/dev/null || { apt-get update -qq && apt-get install -y -qq curl; }
rm -f "$db" "$db-wal" "$db-shm"

dotnet build -c Release src/Connect2Luton.Web -v quiet -nologo >/dev/null
dotnet build -c Release benchmarks/Connect2Luton.Load -v quiet -nologo >/dev/null

# Development gives the demo users and data; the log is kept to warnings so it does not cost the measurement.
export ASPNETCORE_ENVIRONMENT=Development
export Database__Provider=Sqlite
export Database__ConnectionString="Data Source=${db}"
export Logging__LogLevel__Default=Warning
dotnet run -c Release --no-build --no-launch-profile --project src/Connect2Luton.Web -- --urls "$base" >"$dir/app.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fs -o /dev/null "$base/health" && break
  sleep 1
done

status=0
dotnet run -c Release --no-build --project benchmarks/Connect2Luton.Load -- \
  --app "$base" --database "$db" --clients "${LOAD_CLIENTS:-50}" --seconds "${LOAD_SECONDS:-60}" --rate "${LOAD_RATE:-0}" || status=$?
# The app's own log says whether anything failed on its side.
if grep -qE "fail:|crit:" "$dir/app.log"; then
  echo "The app logged failures under load (artifacts/load/app.log):"
  grep -E -A3 "fail:|crit:" "$dir/app.log" | head -40
  status=1
fi
exit "$status"
