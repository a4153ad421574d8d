#!/usr/bin/env python3
"""Real-cards harness (issue 12): builds every card of ../shared/corpus-wild (26,363 Hub READMEs of 2022 plus the
recent cards of modern/) in one run and reports what a catalogue of real cards needs to know:

  exit code and internal errors; model pages per README (fake models, cards without a page);
  warnings and errors by kind; rowspan/colspan cells in the cards' HTML tables vs on the built pages.

    src/bench/corpus.py [--content DIR] [--sample N] [--seed S] [--keep]   (run from the project root)

Without --content it unpacks the corpus into target/corpus/content (unpack.py --modern). It builds
target/modelcards.jar first (mvn -q -DskipTests package) unless --no-package. Python 3 standard library only.
"""
import argparse, collections, html.parser, json, os, re, shutil, subprocess, sys, time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
CORPUS = os.environ.get("CORPUS_WILD", os.path.join(ROOT, "..", "shared", "corpus-wild"))


class Spans(html.parser.HTMLParser):
    """Counts td/th cells with rowspan or colspan > 1 inside <table> elements."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.rowspan = 0
        self.colspan = 0

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.depth += 1
        elif tag in ("td", "th") and self.depth > 0:
            for k, v in attrs:
                try:
                    n = int((v or "1").strip().strip('"').split(".")[0] or "1")
                except ValueError:
                    continue
                if k == "rowspan" and n > 1:
                    self.rowspan += 1
                if k == "colspan" and n > 1:
                    self.colspan += 1

    def handle_endtag(self, tag):
        if tag == "table" and self.depth > 0:
            self.depth -= 1


def spans(text):
    p = Spans()
    try:
        p.feed(text)
        p.close()
    except Exception:  # a card's broken markup is counted as far as it parses
        pass
    return p.rowspan, p.colspan


FENCE = re.compile(r"^ {0,3}(```|~~~)")


def source_spans(markdown):
    """Span cells of a card's raw HTML tables, outside fenced code (code shows tables, it does not make them)."""
    kept, fence = [], False
    for line in markdown.split("\n"):
        if FENCE.match(line):
            fence = not fence
            continue
        if not fence:
            kept.append(line)
    return spans("\n".join(kept))


def kind(message):
    """A diagnostic's kind: its message without quoted names, paths, URLs and numbers."""
    m = re.sub(r'"[^"]*"', '"…"', message)
    m = re.sub(r"\b(on|at) \S+", r"\1 …", m)
    m = re.sub(r"https?://\S+|\S+/\S+", "…", m)
    m = re.sub(r"\d+(\.\d+)?", "N", m)
    m = re.sub(r"<[^>]{0,40}>", "<…>", m)
    return m[:110]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--content", help="a folder of cards already unpacked")
    ap.add_argument("--sample", type=int, default=0)
    ap.add_argument("--seed", default="11")
    ap.add_argument("--no-package", action="store_true")
    ap.add_argument("--keep", action="store_true", help="keep the built site in target/corpus/site")
    ap.add_argument("--hugo", action="store_true", help="also build the cards without errors with Hugo (default and lean"
                    " sites of ../shared/bench/setup_sites.sh) and print wall time, peak RSS and size side by side")
    a = ap.parse_args()
    work = os.path.join(ROOT, "target", "corpus")
    os.makedirs(work, exist_ok=True)
    if not a.no_package:
        subprocess.run(["mvn", "-q", "-DskipTests", "package"], cwd=ROOT, check=True)
    content = a.content
    if not content:
        content = os.path.join(work, "content")
        shutil.rmtree(content, ignore_errors=True)
        cmd = [sys.executable, os.path.join(CORPUS, "unpack.py"), "--out", content, "--modern"]
        if a.sample:
            cmd += ["--sample", str(a.sample), "--seed", a.seed]
        subprocess.run(cmd, check=True)
    site = os.path.join(work, "site")
    report = os.path.join(work, "report.json")
    shutil.rmtree(site, ignore_errors=True)
    readmes = []
    for d, _, files in os.walk(content):
        for f in files:
            if f.endswith(".md"):
                readmes.append(os.path.join(d, f))
    readmes.sort()
    # the launcher when it exists (its JVM settings), else the jar
    launcher = os.path.join(ROOT, "target", "modelcards")
    cmd = [launcher] if os.access(launcher, os.X_OK) else ["java", "-jar", os.path.join(ROOT, "target", "modelcards.jar")]

    timed = os.path.join(work, "time.txt")
    has_time = os.access("/usr/bin/time", os.X_OK)

    def measured(command, **kw):
        """Runs command; returns (CompletedProcess, wall seconds, peak RSS in MiB or None)."""
        # each build starts after the file system has forgotten the files just deleted (src/bench/run.sh, settle)
        os.sync()
        time.sleep(float(os.environ.get("BENCH_SETTLE", "61")))
        began = time.time()
        prefix = ["/usr/bin/time", "-f", "%e %M", "-o", timed] if has_time else []
        done = subprocess.run(prefix + command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)
        wall, rss = time.time() - began, None
        if has_time and os.path.exists(timed):
            fields = open(timed).read().split()
            if len(fields) >= 2:
                wall, rss = float(fields[-2]), int(fields[-1]) / 1024
        return done, wall, rss

    def build(folder):
        done, wall, rss = measured(cmd + ["build", "--content", folder, "--out", site, "--report", report])
        build.rss = rss
        return done, wall, (json.load(open(report)) if os.path.exists(report) else {})

    run, wall, rep = build(content)
    internal = [l for l in run.stderr.splitlines() if "internal error" in l or "this is a bug in modelcards" in l]

    def texts(items):
        return [i.get("message", i.get("text", "")) if isinstance(i, dict) else str(i) for i in items]

    errors, warnings = texts(rep.get("errors", [])), texts(rep.get("warnings", []))
    # A build with errors writes nothing. To measure the pages, build again without the cards that have errors
    # (each error names its file), and say how many were left out.
    left_out = sorted({e["file"] for e in rep.get("errors", []) if isinstance(e, dict) and e.get("file")})
    if os.path.exists(report):
        shutil.copy(report, os.path.join(work, "report-first.json"))  # the whole build's report, kept
    second = None
    if run.returncode == 1 and left_out:
        rest = os.path.join(work, "content-without-errors")
        shutil.rmtree(rest, ignore_errors=True)
        shutil.copytree(content, rest, copy_function=os.link)
        for f in left_out:
            rel = os.path.relpath(os.path.abspath(f), os.path.abspath(content))
            if not rel.startswith(".."):
                os.remove(os.path.join(rest, rel))
        second = build(rest)
        internal += [l for l in second[0].stderr.splitlines() if "internal error" in l or "this is a bug" in l]
    # pages: written when the build has no errors
    written = os.path.isdir(os.path.join(site, "models"))
    pages = {}
    span_out = collections.Counter()
    if written:
        for slug in os.listdir(os.path.join(site, "models")):
            page = os.path.join(site, "models", slug, "index.html")
            if not os.path.isfile(page):
                continue
            text = open(page, encoding="utf-8").read()
            pages[slug] = page
            r, c = spans(text)
            span_out["rowspan"] += r
            span_out["colspan"] += c
    span_in = collections.Counter()
    cards_with_spans = 0
    skipped = {os.path.abspath(f) for f in left_out} if second is not None else set()
    for f in readmes:
        if os.path.abspath(f) in skipped:
            continue
        r, c = source_spans(open(f, encoding="utf-8", errors="replace").read())
        span_in["rowspan"] += r
        span_in["colspan"] += c
        cards_with_spans += 1 if r or c else 0
    by_kind = collections.Counter(kind(m) for m in warnings)
    err_kind = collections.Counter(kind(m) for m in errors)
    counts = rep.get("counts", {})
    out = []
    out.append("| measure | value |")
    out.append("|---|---|")
    out.append("| cards (README files) | %d |" % len(readmes))
    out.append("| exit code | %d |" % run.returncode)
    out.append("| internal errors | %d |" % len(internal))
    out.append("| wall time | %.1f s |" % wall)
    out.append("| models | %s |" % counts.get("models", "?"))
    if second is not None:
        out.append("| cards with errors, left out of a second build | %d |" % len(left_out))
        out.append("| second build: exit code, wall time | %d, %.1f s |" % (second[0].returncode, second[1]))
    out.append("| model pages written | %s |" % (len(pages) if written else "none (the build had errors)"))
    out.append("| errors | %d |" % len(errors))
    out.append("| warnings | %d |" % len(warnings))
    out.append("| cards with rowspan/colspan | %d |" % cards_with_spans)
    out.append("| rowspan cells in / out | %d / %s |" % (span_in["rowspan"], span_out["rowspan"] if written else "?"))
    out.append("| colspan cells in / out | %d / %s |" % (span_in["colspan"], span_out["colspan"] if written else "?"))
    out.append("")
    out.append("| errors by kind | count |")
    out.append("|---|---|")
    for k, n in err_kind.most_common(20):
        out.append("| %s | %d |" % (k.replace("|", "\\|"), n))
    out.append("")
    out.append("| warnings by kind | count |")
    out.append("|---|---|")
    for k, n in by_kind.most_common(25):
        out.append("| %s | %d |" % (k.replace("|", "\\|"), n))
    out.append("")
    out.append("Errors (file:line: message), all of them:")
    out.append("")
    for e in rep.get("errors", []):
        if isinstance(e, dict):
            f = os.path.relpath(e.get("file", ""), content) if e.get("file", "").startswith(content) else e.get("file", "")
            out.append("    %s:%s: %s" % (f, e.get("line", 0), e.get("message", "")[:160]))
    if a.hugo:
        out.append("")
        out.extend(hugo_table(second[0] if second else run, second[1] if second else wall, build.rss,
                              rest if second else content, site, work, measured))
    print("\n".join(out))
    for l in internal[:20]:
        print("internal:", l, file=sys.stderr)
    if not a.keep:
        shutil.rmtree(site, ignore_errors=True)
    return 0 if run.returncode in (0, 1) and not internal else 1


def du_mib(folder):
    return int(subprocess.run(["du", "-sm", folder], stdout=subprocess.PIPE, text=True).stdout.split()[0])


def hugo_reads(text):
    """Whether Hugo can read a card as it is: not an HTML document, front matter closed and valid (checked with
    PyYAML when it is installed; Hugo's own check, run after, finds the rest one card per run)."""
    head = text.lstrip()
    if head.startswith("<") or head.startswith("{") or head.startswith("+++"):
        return False
    if not text.startswith("---"):
        return True
    end = re.search(r"^---[ \t]*$", text[3:], re.M)
    if not end:
        return False
    try:
        import yaml
    except ImportError:
        return True
    try:
        data = yaml.safe_load(text[3:3 + end.start()])
    except Exception:
        return False
    return data is None or isinstance(data, dict)


def hugo_table(mc_run, mc_wall, mc_rss, content, site, work, measured):
    """modelcards' build of the cards without errors next to Hugo's default and lean sites of the same files."""
    rows = ["| run | wall s | peak RSS MiB | output MiB | ratio (modelcards / this) |", "|---|---:|---:|---:|---:|"]
    mc_size = du_mib(site) if os.path.isdir(site) else 0
    rows.append("| modelcards (exit %d) | %.1f | %s | %d | |" % (mc_run.returncode, mc_wall,
                "%.0f" % mc_rss if mc_rss else "?", mc_size))
    sites = os.path.join(work, "hugo-sites")
    setup = os.path.join(ROOT, "..", "shared", "bench", "setup_sites.sh")
    # the script also makes MkDocs and Jekyll sites, whose Jekyll part expects a flat folder of cards: only the Hugo
    # sites are used here, and they are made first
    subprocess.run(["bash", setup, content, sites, "real"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # Hugo stops at the first card it cannot read (a file that starts with HTML, front matter that is not valid
    # YAML): such cards are taken out of both Hugo sites, one by one, and counted; modelcards builds them all
    refused = []
    default_site = os.path.join(sites, "hugo-real")
    for d, _, files in os.walk(os.path.join(default_site, "content")):
        for f in files:
            path = os.path.join(d, f)
            if f.endswith(".md") and not hugo_reads(open(path, encoding="utf-8", errors="replace").read()):
                refused.append(os.path.relpath(path, default_site))
                os.remove(path)
    for _ in range(2000):
        done = subprocess.run(["hugo", "--quiet", "-s", default_site, "-d", os.path.join(work, "hugo-probe")],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        bad = re.search(r'"(/[^"]+\.md):\d+:\d+"', done.stderr)
        if done.returncode == 0 or not bad:
            break
        refused.append(os.path.relpath(bad.group(1), default_site))
        os.remove(bad.group(1))
    shutil.rmtree(os.path.join(work, "hugo-probe"), ignore_errors=True)
    for r in refused:
        lean = os.path.join(sites, "hugo-lean-real", r)
        if os.path.exists(lean):
            os.remove(lean)
    for name in ("hugo", "hugo-lean"):
        d = os.path.join(sites, name + "-real")
        shutil.rmtree(os.path.join(d, "public"), ignore_errors=True)
        done, wall, rss = measured(["hugo", "--quiet", "-s", d])
        if done.returncode != 0:
            rows.append("| Hugo %s | failed (exit %d): %s | | | |" % ("default" if name == "hugo" else "lean",
                        done.returncode, done.stderr.strip().splitlines()[-1][:200] if done.stderr.strip() else ""))
            continue
        rows.append("| Hugo %s (without the %d cards it refuses) | %.1f | %s | %d | %.2f × |" % (
                    "default" if name == "hugo" else "lean", len(refused), wall, "%.0f" % rss if rss else "?",
                    du_mib(os.path.join(d, "public")), mc_wall / wall))
    return rows


if __name__ == "__main__":
    sys.exit(main())
