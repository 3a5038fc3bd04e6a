#!/usr/bin/env bash
# Fuzz reading + parsing + every rule for a bounded time:  fuzz/run.sh [SECONDS] [extra libFuzzer flags]
# Needs atheris (pip install atheris). Crash inputs land in fuzz/artifacts/; copy each one to
# tests/fixtures/crashers/ once fixed, so that tests/test_hostile.py keeps replaying it.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
duration="${1:-60}"
shift || true
corpus="${FUZZ_CORPUS:-$here/corpus}"
seeds="$here/seeds"
mkdir -p "$corpus" "$seeds" "$here/artifacts"
# Seeds: the golden fixtures and any known crashers; each seed starts with a byte that picks the suffix.
i=0
for f in "$root"/tests/fixtures/*/*/input.* "$root"/tests/fixtures/crashers/*; do
  [ -f "$f" ] || continue
  i=$((i + 1))
  { printf '\0'; cat "$f"; } > "$seeds/seed$i"
done
cd "$root"
exec python "$here/fuzz_lint.py" "$corpus" "$seeds" \
  -dict="$here/markers.dict" -max_total_time="$duration" -timeout=10 -rss_limit_mb=2048 \
  -max_len=16384 -artifact_prefix="$here/artifacts/" -print_final_stats=1 "$@"
