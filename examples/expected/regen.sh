#!/usr/bin/env bash
# Regenerates the CPython outputs that tests/examples.rs compares gillab's against (timings are
# masked by the test, so only the shape of timing lines matters). Arguments keep runs short.
set -euo pipefail
cd "$(dirname "$0")/.."
while read -r name args; do
  [ -z "$name" ] && continue
  python3 "$name" $args > "expected/${name%.py}.txt"
done < expected/ARGS
