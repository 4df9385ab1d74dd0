#!/usr/bin/env bash
# Load test: 100,000 placements and 50,000 workers in SQLite, the app in Release, 16 concurrent clients.
#
#   benchmarks/load/run.sh            seeds the volume database once (artifacts/perf), starts the app on it, signs in
#                                     as the demo recruiter and measures each page with wrk for 20 s, then stops it.
#
# Settings (environment): PERF_DB (database file), PERF_PORT (5090), PERF_DURATION (20s), PERF_CONNECTIONS (16),
# PERF_PLACEMENTS (100000), PERF_WORKERS (50000). The target is a p95 within 100 ms on every page.
set -euo pipefail
cd "$(dirname "$0")/../.."

db="${PERF_DB:-$PWD/artifacts/perf/connect2luton-perf.db}"
port="${PERF_PORT:-5090}"
duration="${PERF_DURATION:-20s}"
connections="${PERF_CONNECTIONS:-16}"
placements="${PERF_PLACEMENTS:-100000}"
workers="${PERF_WORKERS:-50000}"
base="http://localhost:${port}"
jar="$(mktemp)"
mkdir -p "$(dirname "$db")"

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
dotnet build -c Release src/Connect2Luton.Web -v quiet -nologo >/dev/null

# Development gives the demo users; the log is kept quiet so it does not cost the measurement.
export ASPNETCORE_ENVIRONMENT=Development
export Database__Provider=Sqlite
export Database__ConnectionString="Data Source=${db}"
export Logging__LogLevel__Default=Warning
app=(dotnet run -c Release --no-build --no-launch-profile --project src/Connect2Luton.Web --)

if [ ! -f "$db" ]; then
  echo "Seeding ${placements} placements and ${workers} workers into ${db} ..."
  "${app[@]}" --seed-volume "$placements" --seed-workers "$workers"
fi

"${app[@]}" --urls "$base" >artifacts/perf/app.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -f "$jar"' EXIT
for _ in $(seq 1 120); do
  curl -fs -o /dev/null "$base/health" && break
  sleep 1
done

token=$(curl -s -c "$jar" -b "$jar" "$base/Account/SignIn" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
curl -s -c "$jar" -b "$jar" -o /dev/null -X POST "$base/Account/SignIn" \
  --data-urlencode "Input.Email=recruiter@connect2luton.local" --data-urlencode "Input.Password=Connect2Luton-demo!" \
  --data-urlencode "__RequestVerificationToken=${token}"
cookie=$(awk '!/^#/ || /^#HttpOnly_/ { sub(/^#HttpOnly_/, ""); if (NF >= 7) printf "%s=%s; ", $6, $7 }' "$jar")

# The shortlist of the open children's social work requisition with the most candidates (the largest job family).
shortlist=$(curl -s -H "Cookie: ${cookie}" "$base/Requisitions?status=Open&family=SocialCare" | grep -o 'href="/Requisitions/[0-9]*"' | head -1 | sed 's/href="//;s/"$//')/Shortlist

pages=(
  "/"
  "/Requisitions"
  "/Requisitions?status=Open&family=SocialCare"
  "/Workers"
  "/Workers?name=smith"
  "/Workers?postcode=LU2&compliance=NeedsAttention"
  "/Placements"
  "/Placements?show=All&family=SocialCare&page=40"
  "${shortlist}"
  "${shortlist}?page=3"
)

# A warm-up pass first, so the JIT, the connection pool, SQLite's page cache and the ranked shortlist are what a
# running service has; only the second pass is reported.
for page in "${pages[@]}"; do
  wrk -t1 -c"$connections" -d3s "$base$page" -H "Cookie: ${cookie}" >/dev/null
done

printf "%-52s %9s %8s %8s %8s %7s\n" "page" "req/s" "p50 ms" "p95 ms" "p99 ms" "errors"
for page in "${pages[@]}"; do
  status=$(curl -s -o /dev/null -w "%{http_code}" -H "Cookie: ${cookie}" "$base$page")
  if [ "$status" != "200" ]; then echo "$page answered $status, not 200: not measured"; continue; fi
  line=$(wrk -t1 -c"$connections" -d"$duration" -s benchmarks/load/p95.lua -H "Cookie: ${cookie}" "$base$page" | grep '^RESULT')
  eval "$(echo "$line" | sed 's/^RESULT //')"
  printf "%-52s %9s %8s %8s %8s %7s\n" "$page" "$rps" "$p50" "$p95" "$p99" "$errors"
done
