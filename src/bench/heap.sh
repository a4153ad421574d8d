#!/usr/bin/env bash
# A large build in a small heap: builds N synthetic cards (default 100,000, about 1 GB of Markdown) with the launcher
# and a heap of HEAP (default 512m; "default": the launcher's own settings, no MODELCARDS_HEAP), and prints wall time,
# peak RSS and the exit status (0: the site was built).
#
#   src/bench/heap.sh [N] [HEAP]          (run from the project root; BENCH_DIR sets where corpus and site go)
#   src/bench/heap.sh 100000 default      (the launcher's defaults: peak RSS 471 MiB on 2026-12-04)
#
# Needs python3 and /usr/bin/time; builds target/modelcards.jar first (mvn package). About 10 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
BENCH=${BENCH_DIR:-$ROOT/target/bench}
SHARED=${SHARED_BENCH:-$ROOT/../shared/bench}
N=${1:-100000}
HEAP=${2:-512m}
[ -x /usr/bin/time ] || { echo "/usr/bin/time is missing: apt-get install -y time" >&2; exit 2; }
mvn -q -DskipTests package
mkdir -p "$BENCH"
corpus=$BENCH/corpus-$N
[ -d "$corpus" ] || python3 "$SHARED/gen_corpus.py" --cards "$N" --out "$corpus" >/dev/null
out=$BENCH/site-heap-$N
rm -rf "$out"
status=0
heap_env=(MODELCARDS_HEAP="$HEAP")
[ "$HEAP" = default ] && heap_env=()
env "${heap_env[@]}" /usr/bin/time -f "%e %M" -o "$BENCH/heap-$N.time" "$ROOT/target/modelcards" build --quiet --timings \
  --content "$corpus" --out "$out" --report "$BENCH/report-heap-$N.json" > "$BENCH/heap-$N.out" 2>&1 || status=$?
read -r wall rss < <(tail -1 "$BENCH/heap-$N.time")   # a failed run adds "Command exited..." above
pages=$( [ -d "$out" ] && find "$out" -name '*.html' | wc -l || echo 0)
printf 'heap %s, %s cards (%s MB of Markdown): exit %s, wall %s s, peak RSS %.0f MiB, %s pages\n' "$HEAP" "$N" \
  "$(du -sm "$corpus/" | cut -f1)" "$status" "$wall" "$(echo "$rss / 1024" | bc -l)" "$pages"
grep -o 'timings:.*' "$BENCH/heap-$N.out" || tail -3 "$BENCH/heap-$N.out"
exit "$status"
