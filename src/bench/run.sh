#!/usr/bin/env bash
# Benchmark harness: builds synthetic catalogues of 1,000 and 10,000 model cards with modelcards and with
# Hugo (Debian's package; default and lean sites from shared/bench/setup_sites.sh), and prints wall time,
# pages per second, peak RSS, output size and search-index size, plus the ratios modelcards / Hugo of one run.
#
#   src/bench/run.sh [N ...]          (default: 1000 10000; run from the project root)
#
# Needs python3, /usr/bin/time and hugo (apt-get install -y hugo time); builds target/modelcards.jar first (mvn package).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
BENCH=${BENCH_DIR:-$ROOT/target/bench}
SHARED=${SHARED_BENCH:-$ROOT/../shared/bench}
SIZES=("$@"); [ ${#SIZES[@]} -eq 0 ] && SIZES=(1000 10000)
# MODELCARDS_HEAP, when set, is the launcher's heap (default 3g, see src/main/launcher/modelcards)

command -v hugo >/dev/null || { echo "hugo is missing: apt-get install -y hugo" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time is missing: apt-get install -y time" >&2; exit 2; }
mvn -q -DskipTests package   # always measure the code as it is now (jar, launcher, class-data archive)
mkdir -p "$BENCH"
MC=$ROOT/target/modelcards   # the launcher (src/main/launcher/modelcards)
mvn -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$BENCH/test-classpath.txt" >/dev/null
TEST_CP="$(cat "$BENCH/test-classpath.txt"):$ROOT/target/classes:$ROOT/target/test-classes"

# settle: lets the file system forget the files just deleted before a clean build is timed. ext4 without a journal
# (this project's machines) skips, when it hands out inodes, those deleted in the last 60 s (360 s while their inode
# table block is dirty), scanning past each one: a 10,000-card site built right after the previous one was deleted
# spent 20-22 s of kernel CPU in ext4_create and ext4_mkdir (recently_deleted, perf), 4-10 s when built a minute
# later. Each build compared (modelcards and both Hugo sites) starts this way; BENCH_SETTLE=0 leaves it out.
settle() {
  sync
  sleep "${BENCH_SETTLE:-61}"
}

# run LABEL CMD... : prints "LABEL wall_s rss_kib" after running CMD under /usr/bin/time
measure() {
  local label=$1; shift
  local log=$BENCH/$label.time
  /usr/bin/time -f "%e %M" -o "$log" "$@" > "$BENCH/$label.out" 2>&1 || { echo "$label failed:"; tail -20 "$BENCH/$label.out"; exit 1; }
  read -r wall rss < "$log"
  echo "$wall $rss"
}

# the seed site (content/), JVM start included: the median of five builds into a fresh folder
seed_walls=()
for i in 1 2 3 4 5; do
  rm -rf "$BENCH/site-seed"
  read -r w _ < <(measure "modelcards-seed" "$MC" build --quiet --content content --out "$BENCH/site-seed" --report "$BENCH/report-seed.json")
  seed_walls+=("$w")
done
seed_median=$(printf '%s\n' "${seed_walls[@]}" | sort -n | sed -n 3p)
echo "seed site (6 models): median wall ${seed_median} s of 5 builds (${seed_walls[*]}), launcher target/modelcards"

printf '%-22s %7s %9s %9s %10s %10s %10s\n' "run" "cards" "wall_s" "pages/s" "rss_MiB" "out_MiB" "index_KiB"
for n in "${SIZES[@]}"; do
  corpus=$BENCH/corpus-$n
  [ -d "$corpus" ] || python3 "$SHARED/gen_corpus.py" --cards "$n" --out "$corpus" >/dev/null
  bash "$SHARED/setup_sites.sh" "$corpus" "$BENCH/sites" "$n" >/dev/null

  out=$BENCH/site-$n
  rm -rf "$out"
  settle
  read -r mc_wall mc_rss < <(measure "modelcards-$n" "$MC" build --quiet --timings --content "$corpus" --out "$out" --report "$BENCH/report-$n.json")
  pages=$(find "$out" -name '*.html' | wc -l)
  size=$(du -sm "$out" | cut -f1)
  index=$(( $(stat -c %s "$out/search-index.js") / 1024 ))
  printf '%-22s %7s %9s %9.0f %10.0f %10s %10s\n' "modelcards" "$n" "$mc_wall" "$(echo "$pages / $mc_wall" | bc -l)" "$(echo "$mc_rss / 1024" | bc -l)" "$size" "$index"

  grep -o 'timings:.*' "$BENCH/modelcards-$n.out" | sed "s/^/  $n cards stage /" || true

  # search in Chromium over this site's index (skipped when Chromium is missing)
  if command -v chromium >/dev/null 2>&1; then
    mvn -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.modelcards.browser.SearchTiming \
      -Dexec.args="$out" 2>/dev/null | grep -o 'search:.*' | sed "s/^/  $n cards /" || true
  fi

  # serve: one changed card rebuilt and published (IncrementalBuilder + PreviewServer), in a JVM set up as the
  # launcher sets up serve's (its default 3 GB heap, both compilers, string deduplication): ten edits of each kind,
  # a sentence in the prose (lines stay), a paragraph added (every line below moves), a table value changed
  # (BENCH_SERVE=0 leaves them out)
  for kind in prose line value; do
    [ "${BENCH_SERVE:-1}" = 1 ] || break
    java -Xmx"${SERVE_HEAP:-${MODELCARDS_HEAP:-3g}}" -XX:+UseStringDeduplication -cp "$TEST_CP" io.modelcards.bench.ServeRebuildTiming "$corpus" 10 "$kind" \
      2>/dev/null | grep -o 'serve.*' | sed "s/^/  $n cards /" || true
  done

  # rebuild over the previous output: nothing changed, so nothing may be rewritten (the build replays itself)
  before=$(find "$out" -type f -newer "$BENCH/modelcards-$n.time" | wc -l)
  read -r re_wall re_rss < <(measure "rebuild-$n" "$MC" build --quiet --content "$corpus" --out "$out" --report "$BENCH/report-$n.json")
  rewritten=$(find "$out" -type f -newer "$BENCH/modelcards-$n.time" | wc -l)
  printf '%-22s %7s %9s %9s %10.0f %10s %10s\n' "modelcards-rebuild" "$n" "$re_wall" "-" "$(echo "$re_rss / 1024" | bc -l)" "$((rewritten - before)) rewritten" ""

  for h in hugo hugo-lean; do
    site=$BENCH/sites/$h-$n
    rm -rf "$site/public"
    settle
    read -r h_wall h_rss < <(measure "$h-$n" hugo --quiet -s "$site")
    hpages=$(find "$site/public" -name '*.html' | wc -l)
    hsize=$(du -sm "$site/public" | cut -f1)
    printf '%-22s %7s %9s %9.0f %10.0f %10s %10s\n' "$h" "$n" "$h_wall" "$(echo "$hpages / $h_wall" | bc -l)" "$(echo "$h_rss / 1024" | bc -l)" "$hsize" "-"
    eval "${h//-/_}_wall=$h_wall; ${h//-/_}_rss=$h_rss"
  done
  printf 'ratios at %s cards: wall modelcards/hugo-lean %.2f, modelcards/hugo %.2f; rebuild/clean %.2f; RSS modelcards/hugo %.2f\n' \
    "$n" "$(echo "$mc_wall / $hugo_lean_wall" | bc -l)" "$(echo "$mc_wall / $hugo_wall" | bc -l)" \
    "$(echo "$re_wall / $mc_wall" | bc -l)" "$(echo "$mc_rss / $hugo_rss" | bc -l)"
done
grep -q '"highlighted"' "$BENCH/report-${SIZES[0]}.json" 2>/dev/null && echo "code highlighted at build time: see report" || echo "code highlighting at build time: no (highlighting runs in the browser, see README)"
echo "launcher: target/modelcards (heap ${MODELCARDS_HEAP:-3g, or 3 x the content (at least 256 MB) for a build of 50 MB or more}; under 50 MB of content C1 only and G1 with string deduplication, else both JIT compilers, with the parallel collector (the serial one from 200 MB); AppCDS archive target/modelcards.jsa)"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
