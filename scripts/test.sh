#!/usr/bin/env bash
# Runs every test. The browser tests drive the system's Chromium (Playwright never downloads
# one here), so this installs Debian's chromium first when it is missing and we can; otherwise
# it says what to install, and those tests fail with the same message.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${MOODBOT_CHROMIUM:-}" ] && ! command -v chromium >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "Installing Chromium for the browser tests (apt-get install chromium)..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "note: the browser tests need Chromium: apt-get install chromium, or set MOODBOT_CHROMIUM" >&2
  fi
fi

exec dotnet test MoodBot.sln "$@"
