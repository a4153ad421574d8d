#!/usr/bin/env bash
# Scaling check: builds two synthetic catalogues (default 10,000 and 100,000 cards) with the launcher's defaults and
# prints each stage's time per card at both sizes and their ratio. A stage whose time per card grows by more than
# LIMIT (default 2.0) from the small to the large catalogue is named: work that grows faster than the catalogue
# (the twenty-ninth session's linking, 168 s at 100,000 cards against 1.8 s at 10,000, went unnoticed for a session
# because only the large build shows it). Exit 0 when no stage grows past LIMIT, 1 when one does, 2 when a build fails.
#
#   src/bench/scale.sh [SMALL LARGE]       (run from the project root; BENCH_DIR sets where corpora and sites go)
#   LIMIT=1.5 src/bench/scale.sh 2000 20000
#
# Needs python3 and /usr/bin/time; builds target/modelcards.jar first (mvn package). About 10 minutes at the defaults.
# The two sizes run with the launcher's settings for their sizes, which differ (100,000 cards: C1 only and the
# serial collector in a heap of 378 MB), so a ratio up to about 2 is the settings, not the code.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
BENCH=${BENCH_DIR:-$ROOT/target/bench}
SHARED=${SHARED_BENCH:-$ROOT/../shared/bench}
SMALL=${1:-10000}
LARGE=${2:-100000}
LIMIT=${LIMIT:-2.0}
[ -x /usr/bin/time ] || { echo "/usr/bin/time is missing: apt-get install -y time" >&2; exit 2; }
mvn -q -DskipTests package
mkdir -p "$BENCH"
for n in "$SMALL" "$LARGE"; do
  corpus=$BENCH/corpus-$n
  [ -d "$corpus" ] || python3 "$SHARED/gen_corpus.py" --cards "$n" --out "$corpus" >/dev/null
  out=$BENCH/site-scale-$n
  rm -rf "$out"
  if ! /usr/bin/time -f "%e %M" -o "$BENCH/scale-$n.time" "$ROOT/target/modelcards" build --quiet --timings \
      --content "$corpus" --out "$out" --report "$BENCH/report-scale-$n.json" > "$BENCH/scale-$n.out" 2>&1; then
    echo "the build of $n cards failed:" >&2; tail -3 "$BENCH/scale-$n.out" >&2; exit 2
  fi
  rm -rf "$out"
done
python3 - "$SMALL" "$LARGE" "$LIMIT" "$BENCH" <<'EOF'
import re, sys
small, large, limit, bench = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
def stages(n):
    text = open(f"{bench}/scale-{n}.out").read()
    line = re.search(r"timings: (.*)", text).group(1)
    return {name: int(ms) for name, ms in re.findall(r"(\w+) (\d+) ms", line)}
a, b = stages(small), stages(large)
grown = []
print(f"{'stage':8} {'ms/card at ' + format(small, ','):>18} {'ms/card at ' + format(large, ','):>18} {'ratio':>7}")
for name in a:
    if name not in b:
        continue
    x, y = a[name] / small, b[name] / large
    ratio = y / x if x > 0 else float("inf") if y > 0 else 1.0
    flag = ""
    # stages under 0.05 ms a card at both sizes are noise, not growth
    if ratio > limit and max(x, y) >= 0.05:
        grown.append(name)
        flag = "  <- grows faster than the catalogue"
    print(f"{name:8} {x:18.3f} {y:18.3f} {ratio:7.2f}{flag}")
print("grown past %.1f x: %s" % (limit, ", ".join(grown) if grown else "none"))
sys.exit(1 if grown else 0)
EOF
