#!/usr/bin/env python3
"""Results of the recent large cards of ../shared/corpus-wild/modern: per card, how many results modelcards reads
(how many on a benchmark the vocabulary knows, how many of baselines the card compares with), then a spot check of
N results drawn at random (fixed seed) with the source line each one names, to compare by eye with the card.

    src/bench/modern_results.py [--sample 10] [--seed 1] [--no-package]      (run from the project root)

Python 3 standard library only. Builds target/modelcards.jar first unless --no-package.
"""
import argparse, collections, json, os, random, shutil, subprocess, sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
CORPUS = os.environ.get("CORPUS_WILD", os.path.join(ROOT, "..", "shared", "corpus-wild"))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sample", type=int, default=10)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--no-package", action="store_true")
    a = ap.parse_args()
    if not a.no_package:
        subprocess.run(["mvn", "-q", "-DskipTests", "package"], cwd=ROOT, check=True)
    work = os.path.join(ROOT, "target", "modern-results")
    shutil.rmtree(work, ignore_errors=True)
    content = os.path.join(work, "content")
    subprocess.run([sys.executable, os.path.join(CORPUS, "unpack.py"), "--out", content, "--only-modern"],
                   check=True, stdout=subprocess.DEVNULL)
    site = os.path.join(work, "site")
    subprocess.run(["java", "-jar", os.path.join(ROOT, "target", "modelcards.jar"), "build", "--model-json",
                    "--content", content, "--out", site], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    models = json.load(open(os.path.join(site, "models.json"), encoding="utf-8"))["models"]

    print("| card | results | on known benchmarks | of baselines | read from |")
    print("|---|---|---|---|---|")
    every = []
    for m in models:
        # models.json is an index: each model's results are in its own file (written with --model-json)
        rs = json.load(open(os.path.join(site, m["json"]), encoding="utf-8"))["results"]
        kinds = collections.Counter(r["origins"][0]["kind"] for r in rs)
        name = m["id"].split("/")[-1]
        print(f"| {name} | {len(rs)} | {sum(r['known'] for r in rs)} | {sum(r['baseline'] for r in rs)} | "
              f"{', '.join(f'{k} {n}' for k, n in sorted(kinds.items())) or '–'} |")
        every += [(m, r) for r in rs]

    rng = random.Random(a.seed)
    printed = [(m, r) for m, r in every if r["origins"][0]["kind"] in ("table", "list", "prose")]
    print(f"\nSpot check: {a.sample} of {len(printed)} results read from the cards' text (seed {a.seed})\n")
    for m, r in rng.sample(printed, min(a.sample, len(printed))):
        path, line = r["source"].rsplit(":", 1)
        file = os.path.join(content, os.path.relpath(path, "content") if not os.path.isabs(path) else path)
        if not os.path.exists(file):
            file = os.path.join(content, *path.split("/")[-3:])
        try:
            text = open(file, encoding="utf-8").read().split("\n")[int(line) - 1].strip()
        except (OSError, IndexError):
            text = "?"
        ok = r["printed"] in text
        who = (r["variant"] or m["name"]) + (" (baseline)" if r["baseline"] else "")
        print(f"- {m['id'].split('/')[-1]}:{line}: **{r['benchmark']}**{'' if r['known'] else ' (unknown)'} · "
              f"{r['metric'] or '–'} · {r['setting'] or '–'} · {who} = {r['printed']} "
              f"({'printed on the line' if ok else 'NOT on the line'}; headers: {' / '.join(r['origins'][0]['headers'])})")
        print(f"  `{text[:160]}`")


if __name__ == "__main__":
    main()
