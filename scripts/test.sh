#!/usr/bin/env bash
# Runs every test. The browser tests drive the system's Chromium (Playwright never downloads
# one here), and the state tests also run against PostgreSQL when its server is installed, so
# this installs Debian's chromium and postgresql first when they are missing and we can (root
# with apt-get); otherwise it says what to install. Without Chromium the browser tests fail and
# say so; without PostgreSQL those cases run on SQLite only and a test prints why.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
if [ -z "${MOODBOT_CHROMIUM:-}" ] && ! command -v chromium >/dev/null 2>&1; then
  missing+=(chromium)
fi
if ! command -v initdb >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  missing+=(postgresql)
fi

if [ ${#missing[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "Installing for the tests: ${missing[*]} (apt-get install)..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null \
      || echo "note: could not install ${missing[*]}; see above" >&2
  else
    echo "note: install ${missing[*]} for the full test run (apt-get install ${missing[*]}), or set MOODBOT_CHROMIUM" >&2
  fi
fi

# A test that hangs fails the run after 10 minutes with its name, instead of holding CI until its limit.
exec dotnet test MoodBot.sln --blame-hang-timeout 10m --blame-hang-dump-type none "$@"
