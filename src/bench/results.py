#!/usr/bin/env python3
"""Result-extraction harness: how many of the results a real card prints in its body modelcards reads back, checked
against the card's own ground truth, and whether any value it reports is not printed where it says.

    src/bench/results.py [--content DIR] [--sample N] [--seed S] [--no-package] [--json FILE] [--keep]
                                                                              (run from the project root)

1. Cards: without --content, the cards of ../shared/corpus-wild whose front matter has a model-index
   (unpack.py --with-model-index [--sample N --seed S]) are unpacked into target/results-bench/original/.
2. A stripped copy, target/results-bench/stripped/: the same files byte for byte, except that in the first
   `---` ... `---` block of each .md file (after an optional BOM and blank lines, as the tool finds it) the
   `model-index:` key and its whole value are removed (the lines after it that are indented, blank, comments, or
   YAML list items `- ` at column 0, up to the next top-level key or the closing fence).
3. Both folders are built (target/modelcards, or java -jar target/modelcards.jar; exit code 1 = content errors:
   a build with errors writes nothing, so it is built again without the cards named by errors, and those cards
   are left out of the counts). Ground truth = the results of the ORIGINAL build that come from the model-index
   (origin kind "model-index"; in the older models.json format, source "front matter model-index"), as
   (metric, value) pairs per card. So the tool's own model-index reader is the parser of the ground truth: a
   model-index it cannot read (and warns about) gives no ground truth. The metric's model-index `type` and `name`
   are looked up in the card's YAML text and accepted as names of the metric too. A result the body also states
   carries the body's metric name: the ground truth's metric is the model-index origin's last header (the
   model-index metric name) and its value the model-index value as the YAML writes it, when found.
4. Printed pairs. The body is the card after the front matter. Number tokens of the body: `91.23`, `0.9123`,
   `.91`, `1,234.5`, with an optional `%` after; not glued to a letter, digit or dot before, nor to a letter,
   digit or `.digit` after (so `v1.2.3`, `F1`, `3e-5`, `300m` give none); the sign is ignored; a token needs at
   least 2 significant digits (after leading zeros: `0.91`, `10`, `1.0` have 2; `1`, `0.9`, `0.00` print
   nothing). A token t with d decimals prints a ground-truth value v when
     - t = v exactly (`30.0` prints 30);
     - else, when t has 2+ significant digits not counting trailing zeros (`1.0`, `90.0` and `0.50` have 1: they
       would print too much), |t - v| <= half a unit of t's last decimal (v printed to d decimals: `0.9123`,
       `0.912`, `0.91` print 0.91234),
     - or |t - 100v| <= that (a percentage: `91.23` for 0.9123) and t has 3+ such digits or a `%` after (`92%`
       prints 0.9215, `12.5` does not print 0.125),
     - or |t - v/100| <= that and t has 3+ such digits (a percentage in the model-index printed as a fraction in
       the body: model-index `Test WER: 36.81`, body `Wer: 0.3681`; `0.13` does not print 13.37);
     - an integer without `%` (`42`, `8000`: seeds, batch sizes, steps) prints v only when it equals v.
   Only printed pairs count for recall. (The rule can still be fooled by a coincidence in a card's numbers,
   e.g. an epoch `5.59` in a training log for a CER of 5.59; the missed list shows the line it chose.)
5. Recall: a printed pair is recovered when the STRIPPED build's results of the card hold one read from the
   body (an origin of kind table, list or prose) whose metric matches and whose value matches. Metrics are
   compared lower-case with non-alphanumerics removed (Cyrillic look-alikes read as Latin), a leading
   test/eval/evaluation/validation/valid/val/dev word dropped, and synonyms folded: acc = accuracy,
   f1 = f1 score = f1-score, wer = word error rate, cer = character error rate, em = exact match,
   bleu = bleu score, rouge1 = rouge-1, rouge2, rougeL, rougeLsum, loss; a known metric's name followed by a
   qualifier also goes by that name ("WER with LM", "Test WER (+LM)" = wer); the model-index metric's type
   (e.g. `wer` for `name: Test WER`) is accepted as well as its name.
   Values: |r - s*v| <= half a unit of r's last printed decimal, s in {1, 100, 1/100} (r's decimals are those
   of the value as serialized, or of its printed text if that has more, e.g. "91.20").
   Families: "trainer" = body contains "achieves the following results on the evaluation set"; "xlsr" = not
   trainer and the body matches (?i)test result or contains "WER" (XLSR / wav2vec2 fine-tunes reporting WER in
   prose); "tables" = every other card with a printed pair; "unprinted" = the rest (no printed pair).
6. Invented values: every result of the stripped build read from the body must be printed at its origins: the
   `printed` text, or failing that a number token with the value's digits (ignoring the decimal point, leading
   and trailing zeros: 0.3681 = 36.81%), must occur on the source line of each table/list/prose origin. Counted:
   results whose value is missing from such a line, and (of those) results whose value occurs nowhere in the
   whole card. The target for both is 0.
7. Up to 30 missed printed pairs (card, metric, value, the body line that prints it) and up to 20 invented values
   of each kind are printed; --json FILE writes all the numbers and the full lists.
8. A Markdown summary for README.

It builds target/modelcards.jar first (mvn -q -DskipTests package) unless --no-package. --keep keeps the built
sites (target/results-bench/site-original, site-stripped). Python 3 standard library only.
"""
import argparse, collections, json, os, re, shutil, subprocess, sys, time
from decimal import Decimal, InvalidOperation

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
CORPUS = os.environ.get("CORPUS_WILD", os.path.join(ROOT, "..", "shared", "corpus-wild"))

BOM = b"\xef\xbb\xbf"
PRINTED_KINDS = ("table", "list", "prose")
FENCE = re.compile(r"^ {0,3}(```|~~~)")
# a number token: 1,234.5 | 91.23 | 91 | .91, optionally followed by %; not glued to a letter/digit/dot before,
# nor to a letter/digit or ".digit" after
NUM = re.compile(r"(?<![A-Za-z0-9_.])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(?![A-Za-z0-9_]|\.\d)(\s?%)?")
NUMBER_TEXT = re.compile(r"^\s*[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*%?\s*$")
TRAINER = "achieves the following results on the evaluation set"
FAMILIES = ("trainer", "xlsr", "tables", "unprinted")


# ---------------------------------------------------------------------------------------------- front matter

def front_matter(data):
    """(yaml_start, yaml_end, body_start) byte offsets of the first --- ... --- (or ...) block, found as the tool
    finds it (after a BOM and blank lines); None when the file has none."""
    i = len(BOM) if data.startswith(BOM) else 0
    while True:  # blank lines before the opening fence
        eol = data.find(b"\n", i)
        line = data[i:] if eol < 0 else data[i:eol]
        if line.strip() or eol < 0:
            break
        i = eol + 1
    eol = data.find(b"\n", i)
    if not data.startswith(b"---", i) or eol < 0 or data[i:eol].strip() != b"---":
        return None
    start = pos = eol + 1
    while pos <= len(data):
        end = data.find(b"\n", pos)
        line = (data[pos:] if end < 0 else data[pos:end]).strip()
        if line in (b"---", b"..."):
            return start, pos, (len(data) if end < 0 else end + 1)
        if end < 0:
            break
        pos = end + 1
    return None


MI_KEY = re.compile(rb"^[\"']?model-index[\"']?[ \t]*:")


def strip_model_index(data):
    """The file without the model-index key and its value in its front matter; (new bytes, lines removed)."""
    fm = front_matter(data)
    if fm is None:
        return data, 0
    start, end, _ = fm
    lines = data[start:end].split(b"\n")  # the block ends with "\n" before the closing fence: last item is b""
    kept, removed, inside = [], 0, False
    for idx, line in enumerate(lines):
        last = idx == len(lines) - 1
        if inside and not last:
            s = line.rstrip(b"\r")
            if (not s.strip() or s[:1] in (b" ", b"\t", b"#")
                    or (s[:1] == b"-" and (len(s) == 1 or s[1:2] in (b" ", b"\t")))):
                removed += 1
                continue
            inside = False
        if not last and MI_KEY.match(line):
            inside = True
            removed += 1
            continue
        kept.append(line)
    if not removed:
        return data, 0
    return data[:start] + b"\n".join(kept) + data[end:], removed


def model_index_metrics(yaml_text):
    """[(name, type, value text)] of the metric items in a model-index block, by a small line scan (a helper for
    metric names only: the ground truth itself comes from the tool). Handles block and flow mappings."""
    out = []
    lines = yaml_text.split("\n")
    inside = False
    block = []
    for line in lines:
        if re.match(r"^[\"']?model-index[\"']?\s*:", line):
            inside = True
            continue
        if inside:
            if line.strip() and not line[:1] in (" ", "\t", "#", "-"):
                inside = False
                continue
            block.append(line)
    item = None
    item_indent = -1
    for line in block:
        for flow in re.findall(r"\{([^{}]*)\}", line):  # {type: wer, value: 36.81, name: Test WER}
            kv = dict((k.strip().strip("'\"").lower(), v.strip().strip("'\"")) for k, v in
                      (p.split(":", 1) for p in flow.split(",") if ":" in p))
            if "value" in kv:
                out.append((kv.get("name", ""), kv.get("type", ""), kv["value"]))
        m = re.match(r"^(\s*)(-\s+)?([\w-]+)\s*:\s*(.*?)\s*$", line)
        if not m:
            continue
        indent = len(m.group(1)) + (len(m.group(2)) if m.group(2) else 0)
        key, val = m.group(3).lower(), re.sub(r"\s+#.*$", "", m.group(4)).strip().strip("'\"")
        if m.group(2) or indent != item_indent:
            if item and "value" in item:
                out.append((item.get("name", ""), item.get("type", ""), item["value"]))
            item = {} if m.group(2) else None
            item_indent = indent if m.group(2) else -1
        if item is not None and key in ("name", "type", "value"):
            item[key] = val
    if item and "value" in item:
        out.append((item.get("name", ""), item.get("type", ""), item["value"]))
    return out


# ---------------------------------------------------------------------------------------------- numbers

def dec(x):
    """A Decimal from a JSON number or string ("91.3", "91.3%"); None when it is not a number."""
    if x is None or isinstance(x, bool):
        return None
    if isinstance(x, Decimal):
        return x
    s = str(x).strip().replace(",", "")
    if s.endswith("%"):
        s = s[:-1].strip()
    try:
        d = Decimal(s)
    except InvalidOperation:
        return None
    return d if d.is_finite() else None


def decimals(d):
    e = d.as_tuple().exponent
    return max(0, -e) if isinstance(e, int) else 0


def half_unit(places):
    return Decimal(5).scaleb(-(places + 1))


SCALES = (Decimal(1), Decimal(100), Decimal("0.01"))


def close(t, places, v, scales=SCALES):
    """t (with `places` decimals) is v to that precision (|t - s*v| <= half a unit of t's last decimal) for a scale
    s: v itself, as a percentage (100) or a percentage as a fraction (1/100)."""
    tol = half_unit(max(places, 0))
    return any(abs(t - s * v) <= tol for s in scales)


def prints(token, v):
    """A body number token prints the value v (>= 0): see the module's docstring, step 4."""
    t, places, sig, pct = token[0], token[1], token[5], token[6]
    if places < 0:  # an integer without %: a seed, a batch size, a step count... only v itself, exactly
        return t == v
    if t == v:  # exactly: "30.0" prints 30
        return True
    if sig < 2:  # "1.0" would print anything from 0.95 to 1.05, and 100 as a percentage
        return False
    if close(t, places, v, (1,)):
        return True
    if sig < 3 and not pct:  # "0.13" for 13.37, "12.5" for 0.125: too weak a coincidence
        return False
    return close(t, places, v, (Decimal(100),)) or sig >= 3 and close(t, places, v, (Decimal("0.01"),))


def digits_key(text_or_dec):
    """The significant digit string: 0.3681, 36.81 and 36.810 all give "3681"."""
    s = re.sub(r"[^0-9]", "", str(text_or_dec) if not isinstance(text_or_dec, Decimal)
               else format(text_or_dec, "f"))
    return s.strip("0")


def tokens(text, first_line=1):
    """[(value, decimals (-1: an integer without %), line number, in fenced code, token text, significant digits
    without trailing zeros, followed by %)] of the number tokens with >= 2 significant digits (trailing zeros
    counted)."""
    out = []
    fence = False
    for n, line in enumerate(text.split("\n"), first_line):
        if FENCE.match(line):
            fence = not fence
        for m in NUM.finditer(line):
            raw = m.group(1).replace(",", "")
            sig = raw.replace(".", "").lstrip("0")
            if len(sig) < 2:
                continue
            d = Decimal(raw)
            out.append((d, decimals(d) if "." in raw else -1 if not m.group(2) else 0, n, fence, m.group(0),
                        len(sig.rstrip("0")), bool(m.group(2))))
    return out


# ---------------------------------------------------------------------------------------------- metrics

SYNONYMS = {
    "acc": "accuracy", "accuracy": "accuracy",
    "f1": "f1", "f1score": "f1",
    "wer": "wer", "worderrorrate": "wer",
    "cer": "cer", "charactererrorrate": "cer",
    "em": "em", "exactmatch": "em",
    "bleu": "bleu", "bleuscore": "bleu",
    "rouge1": "rouge1", "rouge2": "rouge2", "rougel": "rougel", "rougelsum": "rougelsum",
    "loss": "loss",
}
KNOWN = set(SYNONYMS.values())
HOMOGLYPHS = str.maketrans("асеорхуі", "aceopxyi")  # Cyrillic letters in Latin metric names ("Test СER")
SPLIT_WORDS = {"test", "eval", "evaluation", "validation", "valid", "val", "dev"}


def metric_keys(name):
    """The names a metric goes by: its folded form, that form without a leading split word ("Test WER" -> wer), and
    a known metric's name followed by a qualifier, as that metric ("WER with LM", "Test WER (+LM)" -> wer)."""
    words = re.findall(r"[^\W_]+", (name or "").lower().translate(HOMOGLYPHS))
    if len(words) > 1 and words[0] in SPLIT_WORDS:
        words_rest = words[1:]
    else:
        words_rest = words
    forms = {"".join(words), "".join(words_rest)}
    if len(words_rest) > 1 and SYNONYMS.get(words_rest[0]) in KNOWN:
        forms.add(words_rest[0])
    return {SYNONYMS.get(f, f) for f in forms if f}


def origins_of(r):
    """[(kind, source, text, headers)] of a result, in the new format or the older one ({..., source, origin})."""
    if isinstance(r.get("origins"), list):
        return [(o.get("kind", ""), o.get("source", ""), o.get("text", ""), o.get("headers") or [])
                for o in r["origins"] if isinstance(o, dict)]
    src = str(r.get("source", ""))
    kind = ("model-index" if "model-index" in src else "eval-results" if "eval" in src
            else "curated" if "curated" in src else src or "table")
    return [(kind, r.get("origin", ""), "", [])]


class Resolver:
    """Maps a "path:line" (absolute, relative to the project root, the working folder or the content folder's
    parent, or just ending in <org>/<name>/README.md) to a card's path relative to the content folder."""

    def __init__(self, roots, cards):
        self.roots = [os.path.abspath(r) for r in roots]
        self.cards = cards  # set of relative paths with "/"
        self.cache = {}

    def __call__(self, where):
        path, _, line = str(where).rpartition(":")
        if not path or not line.strip().isdigit():
            path, line = str(where), "0"
        if path not in self.cache:
            self.cache[path] = self.find(path)
        return self.cache[path], int(line)

    def find(self, path):
        cands = [path] if os.path.isabs(path) else [os.path.join(b, path) for b in
                                                     [ROOT, os.getcwd()] + [os.path.dirname(r) for r in self.roots]
                                                     + self.roots]
        for c in cands:
            c = os.path.abspath(c)
            for r in self.roots:
                rel = os.path.relpath(c, r)
                if not rel.startswith("..") and rel.replace(os.sep, "/") in self.cards:
                    return rel.replace(os.sep, "/")
        parts = path.replace("\\", "/").split("/")
        for k in range(len(parts), 0, -1):
            tail = "/".join(parts[-k:])
            if tail in self.cards:
                return tail
        return None


def expand(model, r):
    """A result of a model's compact model.json as the schema says to read it (what ModelJsonReferencesTest checks):
    defaults for what is absent, a table origin's value, text, line and headers from its cell, row and column."""
    tables = {}
    for block in model.get("blocks") or []:
        t = block.get("table") if isinstance(block, dict) else None
        if isinstance(t, dict):
            tables.setdefault(t.get("id"), t)
    path = str(model.get("origin", "")).rsplit(":", 1)[0]

    def position(p):
        return f"{path}:{p}" if isinstance(p, int) else str(p)

    def row_of(o):
        t = tables.get(o.get("table"))
        for row in (t or {}).get("rows") or []:
            if row.get("id") == o.get("row"):
                return t, row
        return t, None

    def cell_text(cell):
        return str(cell.get("text", cell.get("source", ""))) if isinstance(cell, dict) else ""

    origins = []
    first_row = first_table = None
    for i, o in enumerate(r.get("origins") or []):
        if "kind" in o:
            origins.append({"kind": o["kind"], "source": position(o.get("source", "")), "text": o.get("text", ""),
                            "headers": o.get("headers") or []})
            continue
        t, row = row_of(o)
        if i == 0:
            first_table, first_row = t, row
        c = o.get("column", -1)
        cells = (row or {}).get("cells") or []
        text = o["text"] if "text" in o else (cell_text(cells[c]).strip() if 0 <= c < len(cells) else "")
        origins.append({"kind": "table", "source": position(o.get("source", (row or {}).get("origin", ""))),
                        "text": text, "headers": o.get("headers") or []})
    row_defaults = (first_row or {}).get("resultDefaults") or {}
    column_defaults = {}
    value = r.get("value")
    if first_row is not None:
        c = r["origins"][0].get("column", -1)
        columns = (first_table or {}).get("columns") or []
        if 0 <= c < len(columns):
            column_defaults = columns[c].get("resultDefaults") or {}
        cells = first_row.get("cells") or []
        if value is None and 0 <= c < len(cells):
            cv = cells[c].get("value")
            value = cv.get("value") if isinstance(cv, dict) else cv
    benchmark = r.get("benchmark", column_defaults.get("benchmark", ""))
    out = {"benchmark": benchmark, "metric": r.get("metric", column_defaults.get("metric", "")), "value": value,
           "setting": r.get("setting", row_defaults.get("setting", "")),
           "variant": r.get("variant", row_defaults.get("variant", "")),
           "baseline": r.get("baseline", row_defaults.get("baseline", False)), "known": r.get("known", True),
           "origins": origins}
    out["printed"] = r.get("printed", "" if value is None else (format(value, "f") if isinstance(value, Decimal)
                                                                 else str(value)))
    return out


def load_models(site, resolver):
    """{card: [result dict]} and the model count of a built site's models.json."""
    path = os.path.join(site, "models.json")
    with open(path, encoding="utf-8") as fh:
        doc = json.load(fh, parse_float=Decimal)
    models = doc.get("models", doc) if isinstance(doc, dict) else doc
    by_card = collections.defaultdict(list)
    unplaced = 0
    for m in models:
        card, _ = resolver(m.get("origin", ""))
        if card is None and m.get("id"):
            card = resolver.find(str(m["id"]) + "/README.md")
        if card is None:
            unplaced += 1
            continue
        results = m.get("results")
        if not isinstance(results, list) and m.get("json"):
            # models.json is an index since the site split it: each model's results are in its own file
            # (written with --model-json)
            with open(os.path.join(site, m["json"]), encoding="utf-8") as fh:
                full = json.load(fh, parse_float=Decimal)
            results = [expand(full, r) for r in full.get("results") or [] if isinstance(r, dict)]
        by_card[card].extend(r for r in (results or []) if isinstance(r, dict))
    return by_card, len(models), unplaced


# ---------------------------------------------------------------------------------------------- builds

def tool():
    launcher = os.path.join(ROOT, "target", "modelcards")
    return [launcher] if os.access(launcher, os.X_OK) else ["java", "-jar", os.path.join(ROOT, "target",
                                                                                          "modelcards.jar")]


def build_all(jobs):
    """Builds [(label, content, site, report)] side by side; {label: (returncode, seconds, report, stderr)}."""
    procs = {}
    for label, content, site, report in jobs:
        shutil.rmtree(site, ignore_errors=True)
        if os.path.exists(report):
            os.remove(report)
        err = open(report + ".stderr", "w")
        procs[label] = (subprocess.Popen(tool() + ["build", "--model-json", "--content", content, "--out", site, "--report", report],
                                         stdout=subprocess.DEVNULL, stderr=err), time.time(), report, err)
    out = {}
    for label, (p, began, report, err) in procs.items():
        rc = p.wait()
        took = time.time() - began
        err.close()
        rep = {}
        if os.path.exists(report):
            with open(report, encoding="utf-8") as fh:
                rep = json.load(fh)
        with open(report + ".stderr", encoding="utf-8", errors="replace") as fh:
            stderr = fh.read()
        out[label] = (rc, took, rep, stderr)
    return out


def relcard(path, content):
    rel = os.path.relpath(os.path.abspath(path), os.path.abspath(content))
    return None if rel.startswith("..") else rel.replace(os.sep, "/")


# ---------------------------------------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--content", help="a folder of cards already unpacked (default: the model-index cards of "
                                      "corpus-wild)")
    ap.add_argument("--sample", type=int, default=0, help="take N cards of the corpus (with model-index)")
    ap.add_argument("--seed", default="11")
    ap.add_argument("--no-package", action="store_true", help="use target/modelcards.jar as it is")
    ap.add_argument("--json", help="write all numbers and the missed and invented lists to this file")
    ap.add_argument("--keep", action="store_true", help="keep the built sites in target/results-bench/")
    a = ap.parse_args()
    t0 = time.time()
    work = os.path.join(ROOT, "target", "results-bench")
    os.makedirs(work, exist_ok=True)
    if not a.no_package:
        subprocess.run(["mvn", "-q", "-DskipTests", "package"], cwd=ROOT, check=True)

    # 1. the cards
    original = os.path.abspath(a.content) if a.content else os.path.join(work, "original")
    if not a.content:
        shutil.rmtree(original, ignore_errors=True)
        cmd = [sys.executable, os.path.join(CORPUS, "unpack.py"), "--out", original, "--with-model-index"]
        if a.sample:
            cmd += ["--sample", str(a.sample), "--seed", a.seed]
        subprocess.run(cmd, check=True)
    files = []
    for d, _, fs in os.walk(original):
        for f in fs:
            files.append(os.path.relpath(os.path.join(d, f), original).replace(os.sep, "/"))
    files.sort()
    cards = [f for f in files if f.endswith(".md")]

    # 2. the stripped copy
    stripped = os.path.join(work, "stripped")
    shutil.rmtree(stripped, ignore_errors=True)
    raw, strip_lines, not_stripped = {}, {}, []
    for f in files:
        src, dst = os.path.join(original, f), os.path.join(stripped, f)
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        if not f.endswith(".md"):
            shutil.copyfile(src, dst)
            continue
        with open(src, "rb") as fh:
            data = fh.read()
        raw[f] = data
        new, n = strip_model_index(data)
        strip_lines[f] = n
        fm = front_matter(data)
        if fm and not n and b"model-index" in data[fm[0]:fm[1]]:
            not_stripped.append(f)
        with open(dst, "wb") as fh:
            fh.write(new)
    stripped_raw = {}

    # 3. build the original, then the stripped copy without the cards that had errors (a build with errors writes
    # nothing: a failed build is repeated without the cards its errors name; those cards are left out of the counts)
    sites = {"original": os.path.join(work, "site-original"), "stripped": os.path.join(work, "site-stripped")}
    bases = {"original": original, "stripped": stripped}
    folders = dict(bases)
    left_out = set()
    times = collections.defaultdict(float)
    first_rc = {}
    internal = []
    for k in sites:
        shutil.rmtree(sites[k], ignore_errors=True)
    pending = ["original"]
    for _ in range(6):
        for k in pending:  # the folder to build: the cards without those known to have errors (hard links: cheap)
            folders[k] = bases[k]
            if left_out:
                folders[k] = os.path.join(work, k + "-without-errors")
                shutil.rmtree(folders[k], ignore_errors=True)
                shutil.copytree(bases[k], folders[k], copy_function=os.link)
                for c in left_out:
                    if os.path.exists(os.path.join(folders[k], c)):
                        os.remove(os.path.join(folders[k], c))
        done = build_all([(k, folders[k], sites[k], os.path.join(work, "report-%s.json" % k)) for k in pending])
        for k, (rc, took, rep, stderr) in done.items():
            times[k] += took
            first_rc.setdefault(k, rc)
            internal += [l for l in stderr.splitlines() if "internal error" in l or "this is a bug" in l]
            if rc not in (0, 1):
                sys.stderr.write(stderr[-3000:])
                sys.exit("the %s build failed with exit code %d" % (k, rc))
            for e in rep.get("errors", []):
                if isinstance(e, dict) and e.get("file"):
                    c = relcard(e["file"], folders[k]) or relcard(e["file"], bases[k])
                    if c:
                        left_out.add(c)
        pending = [k for k in sites if not os.path.exists(os.path.join(sites[k], "models.json"))]
        if not pending:
            break
    for k in sites:
        if not os.path.exists(os.path.join(sites[k], "models.json")):
            sys.exit("the %s build wrote no models.json (see %s)" % (k, os.path.join(work, "report-%s.json" % k)))

    card_set = set(cards)
    res_orig = Resolver([folders["original"], original], card_set)
    res_strip = Resolver([folders["stripped"], stripped], card_set)
    orig_by_card, n_models_o, unplaced_o = load_models(sites["original"], res_orig)
    strip_by_card, n_models_s, unplaced_s = load_models(sites["stripped"], res_strip)

    # card texts
    text_cache = {}

    def card_text(kind, c):
        key = (kind, c)
        if key not in text_cache:
            if kind == "original":
                data = raw[c]
            else:
                with open(os.path.join(stripped, c), "rb") as fh:
                    data = fh.read()
            text_cache[key] = data.decode("utf-8", errors="replace")
        return text_cache[key]

    def body_of(c):
        data = raw[c]
        fm = front_matter(data)
        start = fm[2] if fm else (len(BOM) if data.startswith(BOM) else 0)
        return data[start:].decode("utf-8", errors="replace"), data[:start].count(b"\n") + 1, fm

    # 4./5. ground truth, printed pairs, recall
    fam_stats = {f: collections.Counter() for f in FAMILIES}
    missed, recovered_list = [], []
    value_only = 0
    only_in_code = 0
    mi_in_stripped = 0
    for c in cards:
        if c in left_out:
            continue
        gt_results = [r for r in orig_by_card.get(c, []) if any(k == "model-index" for k, _, _, _ in origins_of(r))]
        mi_in_stripped += sum(1 for r in strip_by_card.get(c, [])
                              if any(k == "model-index" for k, _, _, _ in origins_of(r)))
        body, body_line, fm = body_of(c)
        if TRAINER in body.lower():
            family = "trainer"
        elif re.search(r"(?i)test result", body) or "WER" in body:
            family = "xlsr"
        else:
            family = None
        yaml_metrics = []
        if fm and gt_results:
            yaml_metrics = model_index_metrics(raw[c][fm[0]:fm[1]].decode("utf-8", errors="replace"))
        pairs = {}  # (metric key tuple, value) -> (metric, value, names)
        for r in gt_results:
            # the model-index's metric name: the last header of the model-index origin (task, dataset, metric); a
            # result the body also states carries the body's metric name and printed value
            metric = str(r.get("metric", ""))
            v = dec(r.get("value"))
            for k, _, text, headers in origins_of(r):
                if k == "model-index":
                    if headers and isinstance(headers[-1], str) and headers[-1].strip():
                        metric = headers[-1].strip()
                    if text and NUMBER_TEXT.match(text):
                        v = dec(text.strip().rstrip("%"))
            if v is None:
                continue
            names = {metric}
            same = []
            for name, typ, val in yaml_metrics:  # the metric's model-index name and type, and value as written
                dv = dec(val)
                if dv is not None and metric in (name, typ) and (float(dv) == float(v) or close(
                        dv, decimals(dv), v, (1,)) or close(v, decimals(v), dv, (1,))):
                    names.update(x for x in (name, typ) if x)
                    same.append(dv)
            if len(set(same)) == 1:
                v = same[0]
            keys = set()
            for n in names:
                keys |= metric_keys(n)
            pid = (tuple(sorted(keys)), v.normalize())
            if pid not in pairs:
                pairs[pid] = (metric, v, keys, names)
        toks = tokens(body, body_line) if pairs else []
        body_lines = body.split("\n")
        printed_pairs = []
        for metric, v, keys, names in pairs.values():
            hits = [t for t in toks if prints(t, abs(v))]
            if hits:
                printed_pairs.append((metric, v, keys, names, hits))
        if family is None:
            family = "tables" if printed_pairs else "unprinted"
        st = fam_stats[family]
        st["cards"] += 1
        st["cards with ground truth"] += 1 if pairs else 0
        st["ground-truth pairs"] += len(pairs)
        st["printed pairs"] += len(printed_pairs)
        st["cards with a printed pair"] += 1 if printed_pairs else 0
        body_results = []
        for r in strip_by_card.get(c, []):
            if not any(k in PRINTED_KINDS for k, _, _, _ in origins_of(r)):
                continue
            rv = dec(r.get("value"))
            if rv is None:
                continue
            places = decimals(rv)
            pv = dec(re.sub(r"[^0-9.%-]", "", str(r.get("printed", ""))) or None)
            if pv is not None and pv == rv:  # "91.20": two decimals, though the value may be 91.2
                places = max(places, decimals(pv))
            elif pv is not None and pv == rv * 100:  # "91.20%" read as 0.912
                places = max(places, decimals(pv) + 2)
            body_results.append((metric_keys(str(r.get("metric", ""))), rv, places, r))
        for metric, v, keys, names, hits in printed_pairs:
            if all(h[3] for h in hits):
                only_in_code += 1
            found = [br for br in body_results if br[0] & keys and close(br[1], br[2], v)]
            if found:
                st["recovered"] += 1
                recovered_list.append(c)
                continue
            other = [br for br in body_results if close(br[1], br[2], v)]
            if other:
                value_only += 1
                st["value under another metric"] += 1
            # the line to show: outside code, naming the metric, most decimals, first
            low = [n.lower() for n in names if n]
            h = min(hits, key=lambda h: (h[3], not any(n in body_lines[h[2] - body_line].lower() for n in low),
                                         -h[1], h[2]))
            line_text = card_text("original", c).split("\n")[h[2] - 1] if h[2] >= 1 else ""
            missed.append({"card": c, "family": family, "metric": metric, "names": sorted(names - {metric}),
                           "value": str(v), "line": h[2], "text": line_text.strip()[:200], "token": h[4],
                           "in code": h[3],
                           "value under another metric": [
                               {"metric": br[3].get("metric", ""), "value": str(br[1]),
                                "printed": br[3].get("printed", "")} for br in other[:3]]})

    # 6. invented values: every body result's value printed on its origin's line
    not_on_line, not_in_card = [], []
    n_body_results = 0
    for c, results in sorted(strip_by_card.items()):
        for r in results:
            origins = [o for o in origins_of(r) if o[0] in PRINTED_KINDS]
            if not origins:
                continue
            rv = dec(r.get("value"))
            n_body_results += 1
            printed = str(r.get("printed", "") or "").strip()
            key = digits_key(rv) if rv is not None else digits_key(printed)
            bad_line = None
            for kind, source, _, _ in origins:
                card, line = res_strip(source)
                card = card or c
                if card not in card_set:
                    bad_line = (source, "", kind)
                    break
                lines = card_text("stripped", card).split("\n")
                text = lines[line - 1] if 1 <= line <= len(lines) else ""
                if not ((printed and printed in text) or any(digits_key(m.group(1)) == key for m in
                                                            NUM.finditer(text))):
                    bad_line = ("%s:%d" % (card, line), text.strip()[:200], kind)
                    break
            if bad_line is None:
                continue
            whole = card_text("stripped", c)
            example = {"source": bad_line[0], "kind": bad_line[2], "printed": printed,
                       "value": str(r.get("value")), "metric": r.get("metric", ""),
                       "benchmark": r.get("benchmark", ""), "line text": bad_line[1]}
            not_on_line.append(example)
            if not ((printed and printed in whole) or any(digits_key(m.group(1)) == key for m in
                                                          NUM.finditer(whole))):
                not_in_card.append(example)

    # 7./8. report
    total = collections.Counter()
    for f in FAMILIES:
        total.update(fam_stats[f])

    def pct(n, d):
        return "%.1f%%" % (100.0 * n / d) if d else "–"

    out = []
    out.append("## Result extraction against the cards' model-index (%d cards%s)" % (
        len(cards), ", sample %d seed %s" % (a.sample, a.seed) if a.sample and not a.content else ""))
    out.append("")
    out.append("| family | cards | with ground truth | ground-truth pairs | printed in body | recovered | recall |")
    out.append("|---|---|---|---|---|---|---|")
    for f in FAMILIES + ("all",):
        s = total if f == "all" else fam_stats[f]
        out.append("| %s | %d | %d | %d | %d | %d | %s |" % (
            "**all**" if f == "all" else f, s["cards"], s["cards with ground truth"], s["ground-truth pairs"],
            s["printed pairs"], s["recovered"], pct(s["recovered"], s["printed pairs"])))
    out.append("")
    out.append("| measure | value |")
    out.append("|---|---|")
    out.append("| results read from the bodies (stripped build: table, list, prose) | %d |" % n_body_results)
    out.append("| of them with a value not on their source line | %d |" % len(not_on_line))
    out.append("| of them with a value nowhere in the card | %d |" % len(not_in_card))
    out.append("| missed printed pairs whose value the card's results hold under another metric | %d |" % value_only)
    out.append("| printed pairs printed only inside fenced code | %d |" % only_in_code)
    out.append("| model-index results left in the stripped build (should be 0) | %d |" % mi_in_stripped)
    out.append("| cards whose model-index could not be stripped | %d |" % len(not_stripped))
    out.append("| cards left out (content errors in a build) | %d |" % len(left_out))
    out.append("| models (original / stripped build) | %d / %d |" % (n_models_o, n_models_s))
    out.append("| build wall time (original / stripped, s) | %.1f / %.1f |" % (times["original"], times["stripped"]))
    out.append("| internal errors | %d |" % len(internal))
    print("\n".join(out))
    print()
    # missed examples, round-robin over the families
    print("Missed printed pairs (card:line, metric, value: the body line), %d in all, up to 30:" % len(missed))
    queues = collections.OrderedDict((f, [m for m in missed if m["family"] == f]) for f in FAMILIES)
    shown = 0
    while shown < 30 and any(queues.values()):
        for f, q in queues.items():
            if q and shown < 30:
                m = q.pop(0)
                extra = " [also %s]" % ", ".join(m["names"]) if m["names"] else ""
                other = (" (read as %s)" % ", ".join("%s=%s" % (o["metric"], o["printed"])
                                                      for o in m["value under another metric"])
                         if m["value under another metric"] else "")
                print("  %s  %s:%d  %s%s = %s%s\n      %s" % (f, m["card"], m["line"], m["metric"], extra, m["value"],
                                                             other, m["text"]))
                shown += 1
    for title, items in (("not on their source line", not_on_line), ("nowhere in the card", not_in_card)):
        print()
        print("Body results with a value %s, %d in all, up to 20:" % (title, len(items)))
        for e in items[:20]:
            print("  %s  (%s) printed=%r value=%s metric=%r\n      %s" % (e["source"], e["kind"], e["printed"],
                                                                        e["value"], e["metric"], e["line text"]))
    for l in internal[:20]:
        print("internal:", l, file=sys.stderr)
    if a.json:
        doc = {"cards": len(cards), "sample": a.sample, "seed": a.seed, "content": a.content or original,
               "families": {f: dict(fam_stats[f]) for f in FAMILIES}, "all": dict(total),
               "recall": (total["recovered"] / total["printed pairs"]) if total["printed pairs"] else None,
               "body results": n_body_results, "not on line": not_on_line, "not in card": not_in_card,
               "missed": missed, "value under another metric": value_only, "printed only in code": only_in_code,
               "model-index results in stripped build": mi_in_stripped, "not stripped": not_stripped,
               "left out": sorted(left_out), "models": {"original": n_models_o, "stripped": n_models_s},
               "unplaced models": {"original": unplaced_o, "stripped": unplaced_s},
               "build seconds": dict(times), "exit codes": first_rc, "internal errors": internal,
               "seconds": round(time.time() - t0, 1)}
        with open(a.json, "w", encoding="utf-8") as fh:
            json.dump(doc, fh, indent=1, ensure_ascii=False, default=str)
    if not a.keep:
        for k in sites:
            shutil.rmtree(sites[k], ignore_errors=True)
        for k in ("original", "stripped"):
            shutil.rmtree(os.path.join(work, k + "-without-errors"), ignore_errors=True)
    print("\n(%.0f s in all)" % (time.time() - t0), file=sys.stderr)
    return 0 if not internal else 1


if __name__ == "__main__":
    sys.exit(main())
