#!/usr/bin/env bash
# The mixed load (mixed.sh) against two nodes behind a load balancer, with one of them killed under it: both nodes
# started at once on one fresh SQLite file (node A runs the scheduled jobs, node B does not: Scheduling:RunJobs=false),
# each with its own copy of rules/, the round-robin proxy (benchmarks/Connect2Luton.Proxy) in front, and the load
# client against the proxy. About 25 s into the measured run node A is killed (SIGKILL: nothing flushed), left down
# for 10 s and started again, while the load goes on. Requests in flight when it dies are answered by the proxy
# (502, saying whether anything may have been saved) or cut: the client counts them as lost in flight, not as
# errors, and the reconciliation allows each lost save to be stored once or not at all, while everything reported
# saved must be stored exactly once, as in mixed.sh.
#
#   benchmarks/load/cluster.sh                   two nodes through the proxy, node A killed and restarted.
#   LOAD_NODES=1 benchmarks/load/cluster.sh      the comparison: the same load straight at one node, nothing killed.
#
# Settings (environment): LOAD_CLIENTS (50), LOAD_SECONDS (60), LOAD_KILL_AFTER (25: seconds into the measured run),
# LOAD_DOWN_FOR (10), LOAD_KILL (1; 0 runs two nodes without killing either), LOAD_PORT (5095: the proxy; the nodes
# take the next two). Exits non-zero on any error or anything that does not reconcile. Don't run it beside a build.
set -euo pipefail
cd "$(dirname "$0")/../.."

nodes="${LOAD_NODES:-2}"
clients="${LOAD_CLIENTS:-50}"
seconds="${LOAD_SECONDS:-60}"
kill_after="${LOAD_KILL_AFTER:-25}"
down_for="${LOAD_DOWN_FOR:-10}"
kill_node="${LOAD_KILL:-1}"
port="${LOAD_PORT:-5095}"
proxy="http://127.0.0.1:${port}"
node_a="http://127.0.0.1:$((port + 1))"
node_b="http://127.0.0.1:$((port + 2))"
dir="$PWD/artifacts/load-cluster"
db="$dir/connect2luton-cluster.db"
mkdir -p "$dir"
command -v curl >/dev/null || { apt-get update -qq && apt-get install -y -qq curl; }
rm -f "$db" "$db-wal" "$db-shm" "$db.starting" "$dir"/*.log
# Each node its own copy of rules/, as each server of a council's has its own disk.
rm -rf "$dir/rules-a" "$dir/rules-b"
cp -r rules "$dir/rules-a"
cp -r rules "$dir/rules-b"

dotnet build -c Release src/Connect2Luton.Web -v quiet -nologo >/dev/null
dotnet build -c Release benchmarks/Connect2Luton.Load -v quiet -nologo >/dev/null
dotnet build -c Release benchmarks/Connect2Luton.Proxy -v quiet -nologo >/dev/null
web_dll="$PWD/src/Connect2Luton.Web/bin/Release/net10.0/Connect2Luton.Web.dll"

# Development gives the demo users and data; the log is kept to warnings so it does not cost the measurement.
export ASPNETCORE_ENVIRONMENT=Development
export Database__Provider=Sqlite
export Database__ConnectionString="Data Source=${db}"
export Logging__LogLevel__Default=Warning

pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT

# start_node NAME ADDRESS RUN_JOBS RULES: prints the node's pid (the app's own, so SIGKILL reaches it).
start_node() {
  (cd src/Connect2Luton.Web && Cluster__NodeName="$1" Rules__Directory="$4" Scheduling__RunJobs="$3" exec dotnet "$web_dll" --urls "$2" >>"$dir/$1.log" 2>&1) &
  echo $!
}

wait_healthy() {
  for _ in $(seq 1 240); do
    curl -fs -o /dev/null "$1/health" && return 0
    sleep 0.5
  done
  echo "$1 did not answer /health healthy in 2 minutes"
  return 1
}

# Both at once, as a deployment starts them: one migrates and seeds the new file, the other waits for it.
pid_a=$(start_node node-a "$node_a" true "$dir/rules-a")
pids+=("$pid_a")
if [ "$nodes" = 1 ]; then
  wait_healthy "$node_a"
  app="$node_a"
  echo "One node at $app, the load straight at it."
else
  pid_b=$(start_node node-b "$node_b" false "$dir/rules-b")
  pids+=("$pid_b")
  wait_healthy "$node_a"
  wait_healthy "$node_b"
  dotnet benchmarks/Connect2Luton.Proxy/bin/Release/net10.0/Connect2Luton.Proxy.dll --urls "$proxy" --nodes "$node_a,$node_b" \
    --Logging:LogLevel:Default Warning --Logging:LogLevel:Connect2Luton.Proxy Information >"$dir/proxy.log" 2>&1 &
  pids+=($!)
  wait_healthy "$proxy"
  app="$proxy"
  echo "Two nodes, A at $node_a (runs the jobs) and B at $node_b (does not), behind the proxy at $proxy."
fi

dotnet benchmarks/Connect2Luton.Load/bin/Release/net10.0/Connect2Luton.Load.dll \
  --app "$app" --database "$db" --clients "$clients" --seconds "$seconds" --nodes-may-go-down "$([ "$nodes" = 2 ] && [ "$kill_node" = 1 ] && echo true || echo false)" \
  >"$dir/load.log" 2>&1 &
load=$!
pids+=("$load")

if [ "$nodes" = 2 ] && [ "$kill_node" = 1 ]; then
  # Timed from the measured run: the load's own line says when its 5 s warm-up begins.
  until grep -qs "warming up" "$dir/load.log"; do
    kill -0 "$load" 2>/dev/null || break
    sleep 0.2
  done
  sleep $((5 + kill_after))
  kill -9 "$pid_a"
  killed=$(date +%s.%N)
  echo "Node A killed (SIGKILL) ${kill_after} s into the measured run; down for ${down_for} s."
  sleep "$down_for"
  pid_a=$(start_node node-a "$node_a" true "$dir/rules-a")
  pids+=("$pid_a")
  wait_healthy "$node_a"
  echo "Node A started again and healthy $(awk "BEGIN { printf \"%.1f\", $(date +%s.%N) - $killed }") s after it was killed."
fi

status=0
wait "$load" || status=$?
cat "$dir/load.log"
# The nodes' own logs say whether anything failed on their side (a killed node logs nothing of its death).
for log in "$dir"/node-*.log; do
  if grep -qE "fail:|crit:" "$log"; then
    echo "$(basename "$log") logged failures under load:"
    grep -E -A3 "fail:|crit:" "$log" | head -40
    status=1
  fi
done
if [ -f "$dir/proxy.log" ]; then
  echo "The proxy: $(grep -c 'not answered' "$dir/proxy.log" || true) requests answered for a node that went down, $(grep -c 'sent to another node' "$dir/proxy.log" || true) reads sent to the other node."
fi
exit "$status"
