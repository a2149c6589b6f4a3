#!/usr/bin/env bash
# Load on POST /api/mood over loopback with wrk (apt-get install wrk), against a Release build of
# the host started here with its own state folder, plus start-to-ready time and idle memory.
# Usage: bench/load/run.sh [seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-20}
connections=${2:-32}
port=5099
state=$(mktemp -d)
command -v wrk >/dev/null || { echo "this needs wrk: apt-get install wrk" >&2; exit 1; }

dotnet build -c Release src/MoodBot -v quiet -nologo >/dev/null
start=$(date +%s%N)
dotnet src/MoodBot/bin/Release/net10.0/MoodBot.dll --Web:Urls=http://127.0.0.1:$port --State:Path="$state" \
  --Web:RequestsPerMinute=10000000 --Audio:PrerenderCatalogue=false --Logging:LogLevel:Default=Warning &
bot=$!
trap 'kill $bot 2>/dev/null; rm -rf "$state"' EXIT
until curl -sf -o /dev/null -X POST http://127.0.0.1:$port/api/mood -H 'content-type: application/json' -d '{"text":"hello, feeling fine"}'; do sleep 0.02; done
ready=$(( ($(date +%s%N) - start) / 1000000 ))
echo "start to first answered /api/mood: ${ready} ms"
sleep 5
echo "idle memory after start: $(( $(awk '/VmRSS/ {print $2}' /proc/$bot/status) / 1024 )) MB RSS"

wrk -t2 -c"$connections" -d"${seconds}s" --latency -s bench/load/mood.lua http://127.0.0.1:$port
echo "memory after the load: $(( $(awk '/VmRSS/ {print $2}' /proc/$bot/status) / 1024 )) MB RSS"
