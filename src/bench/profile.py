#!/usr/bin/env python3
"""Where a build's CPU goes, from JFR's execution samples read with their whole stacks.

    src/bench/profile.py record CONTENT [OUT.jfr]    builds CONTENT with target/modelcards under JFR (2 ms samples)
    src/bench/profile.py show OUT.jfr [N]            the N (default 40) largest shares, inclusive and self
    src/bench/profile.py under OUT.jfr METHOD [N]    what METHOD's samples spend their time in, one call below it
    src/bench/profile.py alloc OUT.jfr [N]           where the build allocates: bytes by our innermost method, and
                                                     by allocation site (class and the three innermost frames)

`jfr print` cuts every stack to five frames unless given --stack-depth; read so, a stage's inclusive share is most of
its work missing (the thirty-sixth session found the sessions before it had read their profiles that way). This script
always asks for 128 frames (JFR itself records 64 by default; `record` asks for 128). Shares are of all samples:
inclusive counts a sample once for each method on its stack, self for the innermost frame of ours or of a library
(flexmark, jsoup, Thymeleaf, Jackson), so a library's own time shows as the library. Python 3 standard library only.
"""
import collections
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
LIBRARIES = ("com.vladsch.flexmark", "org.jsoup", "org.thymeleaf", "com.fasterxml")
SETTINGS = """<?xml version="1.0" encoding="UTF-8"?>
<configuration version="2.0">
  <event name="jdk.ExecutionSample"><setting name="enabled">true</setting><setting name="period">2 ms</setting></event>
  <event name="jdk.ObjectAllocationSample"><setting name="enabled">true</setting><setting name="throttle">300/s</setting><setting name="stackTrace">true</setting></event>
</configuration>
"""


def record(content, out):
    with tempfile.NamedTemporaryFile("w", suffix=".jfc", delete=False) as f:
        f.write(SETTINGS)
        jfc = f.name
    site = tempfile.mkdtemp(prefix="profile-site-")
    env = dict(os.environ)
    env["JAVA_OPTS"] = (env.get("JAVA_OPTS", "") + " -XX:FlightRecorderOptions=stackdepth=128"
                        + f" -XX:StartFlightRecording=settings={jfc},filename={os.path.abspath(out)}").strip()
    cmd = [os.path.join(ROOT, "target", "modelcards"), "build", "--quiet", "--timings", "--content", content,
           "--out", site, "--report", os.path.join(site, "report.json"), "--cache-dir", site + "-cache"]
    code = subprocess.call(cmd, env=env)
    subprocess.call(["rm", "-rf", site, site + "-cache", jfc])
    print(f"recorded {out} (build exit {code})")
    return code


def events(jfr, name):
    """Each `name` event of the recording: its fields before its stack (name = value, as jfr prints them), and the
    stack, innermost frame first, each frame without its line and bytecode index."""
    text = subprocess.run(["jfr", "print", "--stack-depth", "128", "--events", name, jfr],
                          check=True, capture_output=True, text=True).stdout
    out, fields, stack = [], None, None
    for line in text.splitlines():
        s = line.strip()
        if s.startswith(name):
            fields, stack = {}, None
        elif fields is None:
            continue
        elif stack is not None:
            if s.startswith("]"):
                out.append((fields, stack))
                fields, stack = None, None
            elif s != "...":
                stack.append(re.sub(r"\(.*", "", s))
        elif s.startswith("stackTrace = ["):
            stack = []
        elif " = " in s:
            key, value = s.split(" = ", 1)
            fields[key] = value
    return out


def samples(jfr):
    return [stack for _, stack in events(jfr, "jdk.ExecutionSample")]


def owner(stack):
    for frame in stack:
        if frame.startswith("io.modelcards"):
            return frame
        for lib in LIBRARIES:
            if frame.startswith(lib):
                return lib
    return "(the JDK only)"


def print_shares(counter, total, n):
    """The n largest of counter, each as a share of total."""
    for key, count in counter.most_common(n):
        print(f"{100 * count / total:6.2f} %  {key}")


def show(jfr, n):
    all_ = samples(jfr)
    total = len(all_)
    inclusive = collections.Counter()
    for stack in all_:
        for frame in set(f for f in stack if f.startswith("io.modelcards")):
            inclusive[frame] += 1
    self_ = collections.Counter(owner(s) for s in all_)
    print(f"{total} samples")
    print("\ninclusive (our methods):")
    print_shares(inclusive, total, n)
    print("\nself (innermost frame of ours, or the library):")
    print_shares(self_, total, n)


def under(jfr, method, n):
    all_ = samples(jfr)
    total = len(all_)
    below = collections.Counter()
    hits = 0
    for stack in all_:
        if method not in stack:
            continue
        hits += 1
        i = stack.index(method)  # the innermost call of it; frames before it are its callees
        below[stack[i - 1] if i > 0 else "(itself)"] += 1
    print(f"{method}: {100 * hits / total:.2f} % of {total} samples")
    print_shares(below, total, n)


UNITS = {"bytes": 1, "kB": 1e3, "MB": 1e6, "GB": 1e9}


def allocations(jfr):
    """(class, weight in bytes, stack) of each allocation sample: JFR weighs a sample by the bytes it stands for."""
    out = []
    for fields, stack in events(jfr, "jdk.ObjectAllocationSample"):
        value, _, unit = fields.get("weight", "0 bytes").partition(" ")
        out.append((fields.get("objectClass", "?").split(" ")[0],
                    float(value.replace(",", "")) * UNITS.get(unit.strip(), 1), stack))
    return out


def alloc(jfr, n):
    all_ = allocations(jfr)
    total = sum(w for _, w, _ in all_) or 1
    ours, sites = collections.Counter(), collections.Counter()
    for cls, weight, stack in all_:
        ours[next((f for f in stack if f.startswith("io.modelcards")), "(no method of ours)")] += weight
        sites[cls + " @ " + " < ".join(stack[:3])] += weight
    print(f"{total / 1e9:.1f} GB allocated (as {len(all_)} samples weigh it)")
    print("\nby our innermost method:")
    print_shares(ours, total, n)
    print("\nby site:")
    print_shares(sites, total, n)


def main(argv):
    if len(argv) >= 2 and argv[0] == "record":
        return record(argv[1], argv[2] if len(argv) > 2 else "build.jfr")
    if len(argv) >= 1 and argv[0] == "show" and len(argv) >= 2:
        show(argv[1], int(argv[2]) if len(argv) > 2 else 40)
        return 0
    if len(argv) >= 2 and argv[0] == "alloc":
        alloc(argv[1], int(argv[2]) if len(argv) > 2 else 30)
        return 0
    if len(argv) >= 3 and argv[0] == "under":
        under(argv[1], argv[2], int(argv[3]) if len(argv) > 3 else 25)
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
