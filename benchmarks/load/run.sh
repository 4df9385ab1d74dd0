#!/usr/bin/env bash
# Load test: 100,000 placements and 50,000 workers, 10,000 open requisitions released to 500 agencies, 100,000
# weekly timesheets, in SQLite, the app in Release, 16 concurrent clients.
#
#   benchmarks/load/run.sh            seeds the volume database once (artifacts/perf), starts the app on it, signs in
#                                     as the demo recruiter and measures each council page with wrk for 20 s, then
#                                     as the demo agency user (a local supporting agency on the DPS that confirms the
#                                     DfE agency rules, so it sees the most) and measures the agency portal, and
#                                     as the demo hiring manager their queue of timesheets waiting approval, then
#                                     stops it. The timesheets are the placements' weeks going back from last week
#                                     until there are so many: mostly approved, last week's mostly waiting. Each page's first request after the start is reported apart (cold);
#                                     then every page twice: with nothing written, and with a save a second (a
#                                     worker changed or added, a requisition raised, a conversion prompt snoozed, a
#                                     timesheet approved),
#                                     which invalidates the cached answers as real use does.
#
# Settings (environment): PERF_DB (database file), PERF_PORT (5090), PERF_DURATION (20s), PERF_CONNECTIONS (16),
# PERF_PLACEMENTS (100000), PERF_WORKERS (50000), PERF_OPEN_REQUISITIONS (10000), PERF_AGENCIES (500),
# PERF_TIMESHEETS (as many as the placements), PERF_ONLY (a grep pattern: only the pages it matches, as
# "agency /Agency/Candidates", "Agency" or "Timesheets"). The target is a p95 within 100 ms on every page.
set -euo pipefail
cd "$(dirname "$0")/../.."

port="${PERF_PORT:-5090}"
duration="${PERF_DURATION:-20s}"
connections="${PERF_CONNECTIONS:-16}"
placements="${PERF_PLACEMENTS:-100000}"
workers="${PERF_WORKERS:-50000}"
open="${PERF_OPEN_REQUISITIONS:-10000}"
agencies="${PERF_AGENCIES:-500}"
timesheets="${PERF_TIMESHEETS:-$placements}"
# Named by what it holds, so a database seeded with other volumes (or before a part was added) is not reused.
volumes="$PWD/artifacts/perf/connect2luton-perf-${placements}-${workers}-${open}-${agencies}-with-prompts"
db="${PERF_DB:-${volumes}-${timesheets}-timesheets.db}"
base="http://localhost:${port}"
mkdir -p "$(dirname "$db")"

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
dotnet build -c Release src/Connect2Luton.Web -v quiet -nologo >/dev/null
dotnet build -c Release benchmarks/Connect2Luton.Load -v quiet -nologo >/dev/null

# Development gives the demo users; the log is kept quiet so it does not cost the measurement.
export ASPNETCORE_ENVIRONMENT=Development
export Database__Provider=Sqlite
export Database__ConnectionString="Data Source=${db}"
export Logging__LogLevel__Default=Warning
app=(dotnet run -c Release --no-build --no-launch-profile --project src/Connect2Luton.Web --)

if [ ! -f "$db" ]; then
  if [ -z "${PERF_DB:-}" ] && [ -f "${volumes}.db" ]; then
    # The same volumes seeded before timesheets were: a copy of it is given them, and it stays as it was.
    echo "Copying ${volumes}.db and seeding ${timesheets} timesheets into ${db} ..."
    cp "${volumes}.db" "$db"
    "${app[@]}" --seed-timesheets "$timesheets"
  else
    echo "Seeding ${placements} placements, ${workers} workers, ${open} open requisitions, ${agencies} agencies and ${timesheets} timesheets into ${db} ..."
    "${app[@]}" --seed-volume "$placements" --seed-workers "$workers" --seed-open-requisitions "$open" --seed-agencies "$agencies" --seed-timesheets "$timesheets"
  fi
fi

"${app[@]}" --urls "$base" >artifacts/perf/app.log 2>&1 &
pid=$!
trap 'kill $pid ${writer:-} 2>/dev/null' EXIT
for _ in $(seq 1 120); do
  curl -fs -o /dev/null "$base/health" && break
  sleep 1
done

# Signs in as a demo user and prints the cookie header value.
sign_in() {
  local jar token
  jar="$(mktemp)"
  token=$(curl -s -c "$jar" -b "$jar" "$base/Account/SignIn" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
  curl -s -c "$jar" -b "$jar" -o /dev/null -X POST "$base/Account/SignIn" \
    --data-urlencode "Input.Email=$1" --data-urlencode "Input.Password=Connect2Luton-demo!" \
    --data-urlencode "__RequestVerificationToken=${token}"
  awk '!/^#/ || /^#HttpOnly_/ { sub(/^#HttpOnly_/, ""); if (NF >= 7) printf "%s=%s; ", $6, $7 }' "$jar"
  rm -f "$jar"
}
recruiter=$(sign_in recruiter@connect2luton.local)
agency=$(sign_in agency@connect2luton.local)
manager=$(sign_in manager@connect2luton.local)

# The shortlist of the open children's social work requisition with the most candidates (the largest job family).
shortlist=$(curl -s -H "Cookie: ${recruiter}" "$base/Requisitions?status=Open&family=SocialCare" | grep -o 'href="/Requisitions/[0-9]*"' | head -1 | sed 's/href="//;s/"$//')/Shortlist
# A vacancy the agency sees, and the page of its list half way down.
vacancy=$(curl -s -H "Cookie: ${agency}" "$base/Agency" | grep -o 'href="/Agency/Vacancies/[0-9]*"' | head -1 | sed 's/href="//;s/"$//')
vacancies=$(curl -s -H "Cookie: ${agency}" "$base/Agency" | grep -o '[0-9,]* vacanc' | head -1 | tr -dc '0-9')
middle=$(( (${vacancies:-0} / 20 + 1) / 2 + 1 ))
# Half way down the longest lists (in post; the whole pool), where a page counted to from either end costs the most.
placements_middle=$(( $(curl -s -H "Cookie: ${recruiter}" "$base/Placements" | grep -o 'result-count">[0-9,]*' | head -1 | tr -dc '0-9') / 50 + 1 ))
workers_middle=$(( $(curl -s -H "Cookie: ${recruiter}" "$base/Workers" | grep -o 'result-count">[0-9,]*' | head -1 | tr -dc '0-9') / 50 + 1 ))
# The week before last (the list's hint names last week), and the timesheets list five pages back by its own "Older" links.
last_week=$(curl -s -H "Cookie: ${recruiter}" "$base/Timesheets" | grep -o 'A Monday, like [0-9-]*' | head -1 | grep -o '[0-9-]*$')
week_before=$(date -d "${last_week:-today} - 7 days" +%F)
timesheets_older=/Timesheets
for _ in 1 2 3 4 5; do
  timesheets_older=$(curl -s -H "Cookie: ${recruiter}" "$base$timesheets_older" | grep -o 'href="[^"]*" rel="next" id="older"' | head -1 | sed 's/^href="//;s/" rel.*//;s/&amp;/\&/g')
done

# Each page with the cookie of the user who uses it.
pages=(
  "recruiter /"
  "recruiter /Requisitions"
  "recruiter /Requisitions?status=Open&family=SocialCare"
  "recruiter /Workers"
  "recruiter /Workers?name=smith"
  "recruiter /Workers?postcode=LU2&compliance=NeedsAttention"
  "recruiter /Placements"
  "recruiter /Placements?show=All&family=SocialCare&page=40"
  "recruiter /Placements?page=${placements_middle}"
  "recruiter /Workers?page=${workers_middle}"
  "recruiter ${shortlist}"
  "recruiter ${shortlist}?page=3"
  "agency /Agency"
  "agency /Agency?page=${middle}"
  "agency ${vacancy}"
  "agency /Agency/Submissions"
  "agency /Agency/Candidates"
  "recruiter /Timesheets"
  "recruiter /Timesheets?status=Submitted"
  "recruiter /Timesheets?week=${week_before}"
  "recruiter ${timesheets_older:-/Timesheets}"
  "manager /Timesheets"
)
if [ -n "${PERF_ONLY:-}" ]; then
  mapfile -t pages < <(printf '%s\n' "${pages[@]}" | grep -E -- "$PERF_ONLY")
fi
cookie_of() { case "$1" in agency) echo "$agency" ;; manager) echo "$manager" ;; *) echo "$recruiter" ;; esac; }

# Cold: each page's first request since the start, one at a time (the JIT, an empty cache, SQLite's page cache as the
# operating system left it). Then a warm-up pass, so the JIT, the connection pool, SQLite's page cache and the cached
# answers are what a running service has; only the pass after it is reported as warm.
printf "%-62s %9s\n" "page (cold: first request after start)" "ms"
for entry in "${pages[@]}"; do
  read -r user page <<<"$entry"
  printf "%-62s %9.1f\n" "$user $page" "$(curl -s -o /dev/null -w '%{time_total}' -H "Cookie: $(cookie_of "$user")" "$base$page" | awk '{ print $1 * 1000 }')"
done
for entry in "${pages[@]}"; do
  read -r user page <<<"$entry"
  wrk -t1 -c"$connections" -d3s "$base$page" -H "Cookie: $(cookie_of "$user")" >/dev/null
done

measure() {
  printf "%-62s %9s %8s %8s %8s %7s\n" "page ($1, ${connections} clients)" "req/s" "p50 ms" "p95 ms" "p99 ms" "errors"
  for entry in "${pages[@]}"; do
    read -r user page <<<"$entry"
    cookie=$(cookie_of "$user")
    status=$(curl -s -o /dev/null -w "%{http_code}" -H "Cookie: ${cookie}" "$base$page")
    if [ "$status" != "200" ]; then echo "$user $page answered $status, not 200: not measured"; continue; fi
    line=$(wrk -t1 -c"$connections" -d"$duration" -s benchmarks/load/p95.lua -H "Cookie: ${cookie}" "$base$page" | grep '^RESULT')
    eval "$(echo "$line" | sed 's/^RESULT //')"
    printf "%-62s %9s %8s %8s %8s %7s\n" "$user $page" "$rps" "$p50" "$p95" "$p99" "$errors"
  done
}

# While measuring the second time, a steady writer saves about once a second, taking turns: a recruiter changes a
# worker's phone number; a booking (the demo hiring manager raises and submits a requisition, the admin approves and
# opens it, a recruiter shortlists a worker and books them); a recruiter adds a worker; a recruiter snoozes a
# conversion prompt; the demo hiring manager approves the first week on their queue. Every save moves its kind's
# change counter, so each cached answer that reads workers, requisitions, placements, prompts or timesheets (the
# dashboard, the lists, the shortlist's ranked pool, an agency's vacancies) is worked out again, or brought up to
# date, at the next request after it.
writer_dll=benchmarks/Connect2Luton.Load/bin/Release/net10.0/Connect2Luton.Load.dll

measure "warm, nothing written"
dotnet "$writer_dll" --app "$base" --database "$db" --writer steady --seconds 100000 >artifacts/perf/writer.log 2>&1 &
writer=$!
measure "a save a second: a worker changed or added, a placement booked, a prompt snoozed, a week approved"
kill "$writer" 2>/dev/null
wait "$writer" 2>/dev/null || true
echo "Saved while measuring: $(grep -c 'edited a worker' artifacts/perf/writer.log) worker edits, $(grep -c 'booked a placement' artifacts/perf/writer.log) placements booked, $(grep -c 'added a worker' artifacts/perf/writer.log) workers added, $(grep -c 'snoozed a conversion prompt' artifacts/perf/writer.log) prompts snoozed, $(grep -c 'approved a timesheet' artifacts/perf/writer.log) timesheets approved."
grep -v -e 'edited a worker' -e 'booked a placement' -e 'added a worker' -e 'snoozed a conversion prompt' -e 'approved a timesheet' artifacts/perf/writer.log | head -5 || true
