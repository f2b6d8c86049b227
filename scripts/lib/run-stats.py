#!/usr/bin/env python3
"""run-stats.py OUT [--stdin-inherit | --first-output TEXT] COMMAND [ARGS...]:
runs COMMAND once (standard input from /dev/null unless --stdin-inherit,
output discarded) and appends "WALL_MS CPU_MS PEAK_MIB" to OUT: wall time,
the CPU time (user + system) of the process and its children, and its peak
resident memory. CPU time is what a run costs whatever else the machine is
doing; wall time is what the student waits, on a shared machine inflated by
other load. With --first-output TEXT, a fourth column: the time at which
TEXT first appeared on the command's standard output ("nan" if it never
did), for a command that goes on working after it has shown what the
student waits for."""
import os, subprocess, sys, time

out = sys.argv[1]
args = sys.argv[2:]
inherit = False
first_text = None
if args and args[0] == "--stdin-inherit":
    inherit, args = True, args[1:]
elif args and args[0] == "--first-output":
    first_text, args = args[1].encode(), args[2:]
start = time.perf_counter()
proc = subprocess.Popen(args, stdin=None if inherit else subprocess.DEVNULL,
                        stdout=None if inherit else (subprocess.PIPE if first_text else subprocess.DEVNULL),
                        stderr=None if inherit else subprocess.DEVNULL)
first = None
if first_text:
    seen = b""
    fd = proc.stdout.fileno()
    while True:
        chunk = os.read(fd, 65536)
        if not chunk:
            break
        if first is None:
            seen += chunk
            if first_text in seen:
                first = (time.perf_counter() - start) * 1000
            else:
                seen = seen[-len(first_text):]
_, _, usage = os.wait4(proc.pid, 0)
wall = (time.perf_counter() - start) * 1000
cpu = (usage.ru_utime + usage.ru_stime) * 1000
extra = "" if first_text is None else (f" {first:.2f}" if first is not None else " nan")
with open(out, "a") as fh:
    fh.write(f"{wall:.2f} {cpu:.2f} {usage.ru_maxrss / 1024:.1f}{extra}\n")
