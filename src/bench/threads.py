#!/usr/bin/env python3
"""Where a command's CPU goes, by kind of thread: the JIT compilers, the garbage collector, the rest (the work).

    python3 src/bench/threads.py [--every S] [--timeline] -- CMD [ARG...]

Runs CMD, reads the CPU time of each thread of the JVM it starts (or of CMD itself when it is not a JVM, such as
Hugo) from /proc every S seconds (default 0.25), and prints the wall time, the core-seconds of each kind and the
user and system CPU of the whole run (getrusage of the children, which counts every thread, even one that ended
between two reads). A JVM's threads are told apart by their names: "C1 CompilerThre…" and "C2 CompilerThre…" are
the compilers, "GC Thread#…", G1's "G1 …" threads and "VM Thread" (which runs the collections' safepoints) the
collector, anything else the work. A thread's CPU is its last reading, so one that ends less than S seconds after its last reading
loses that part: the totals by kind are a little under the rusage total.

    python3 src/bench/threads.py -- target/modelcards build --quiet --content DIR --out SITE
    python3 src/bench/threads.py -- hugo --quiet --source SITE_DIR

Linux only (it reads /proc); Python 3 standard library only.
"""
import os
import resource
import subprocess
import sys
import time

HZ = os.sysconf("SC_CLK_TCK")


def kind(name):
    """A thread's kind by its name as /proc gives it, cut to 15 characters ("C2 CompilerThre", "GC Thread#0")."""
    if "CompilerThre" in name:
        return "compiling"
    if "GC" in name or name.startswith("G1 ") or name == "VM Thread":
        return "collecting"
    return "work"


def java_of(pid):
    """The JVM's process: CMD itself, or the first java among its descendants (a launcher script execs or spawns it)."""
    try:
        if os.readlink(f"/proc/{pid}/exe").endswith("/java"):
            return pid
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            for child in f.read().split():
                found = java_of(int(child))
                if found:
                    return found
    except OSError:
        pass
    return None


def read_threads(pid, seen):
    """Updates seen[(pid, tid)] = (kind, CPU ticks of user and system time) for each live thread of pid."""
    try:
        tids = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return
    for tid in tids:
        try:
            with open(f"/proc/{pid}/task/{tid}/comm") as f:
                name = f.read().strip()
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        seen[(pid, tid)] = (kind(name), int(fields[11]) + int(fields[12]))


def main(argv):
    every, timeline = 0.25, False
    while argv and argv[0] != "--":
        if argv[0] == "--every":
            every = float(argv[1])
            argv = argv[2:]
        elif argv[0] == "--timeline":
            timeline = True
            argv = argv[1:]
        else:
            print(__doc__, file=sys.stderr)
            return 2
    cmd = argv[1:]
    if not cmd:
        print(__doc__, file=sys.stderr)
        return 2
    start = time.time()
    proc = subprocess.Popen(cmd)
    seen, jvm, last, next_line = {}, None, {}, start + 1.0
    while proc.poll() is None:
        jvm = jvm or java_of(proc.pid)
        read_threads(jvm or proc.pid, seen)
        if timeline and time.time() >= next_line:
            now = totals(seen)
            step = {k: (now[k] - last.get(k, 0.0)) for k in now}
            print(f"{time.time() - start:7.1f} s  " + "  ".join(f"{k} {v:5.2f}" for k, v in sorted(step.items())),
                  file=sys.stderr)
            last, next_line = now, next_line + 1.0
        time.sleep(every)
    wall = time.time() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    by_kind = totals(seen)
    print(f"exit {proc.returncode}, wall {wall:.2f} s, user {usage.ru_utime:.1f} s, system {usage.ru_stime:.1f} s, "
          f"CPU {usage.ru_utime + usage.ru_stime:.1f} core-s")
    print("by thread (core-s): " + ", ".join(f"{k} {by_kind.get(k, 0.0):.1f}"
                                             for k in ("compiling", "collecting", "work")))
    return proc.returncode


def totals(seen):
    out = {}
    for k, ticks in seen.values():
        out[k] = out.get(k, 0.0) + ticks / HZ
    return out


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
