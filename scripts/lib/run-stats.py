#!/usr/bin/env python3
"""run-stats.py OUT COMMAND [ARGS...]: runs COMMAND once (standard input from
/dev/null unless OUT is followed by --stdin-inherit, output discarded) and
appends "WALL_MS CPU_MS PEAK_MIB" to OUT: wall time, the CPU time (user +
system) of the process and its children, and its peak resident memory.
CPU time is what a run costs whatever else the machine is doing; wall time
is what the student waits, on a shared machine inflated by other load."""
import os, subprocess, sys, time

out = sys.argv[1]
args = sys.argv[2:]
inherit = False
if args and args[0] == "--stdin-inherit":
    inherit, args = True, args[1:]
start = time.perf_counter()
proc = subprocess.Popen(args, stdin=None if inherit else subprocess.DEVNULL,
                        stdout=None if inherit else subprocess.DEVNULL,
                        stderr=None if inherit else subprocess.DEVNULL)
_, _, usage = os.wait4(proc.pid, 0)
wall = (time.perf_counter() - start) * 1000
cpu = (usage.ru_utime + usage.ru_stime) * 1000
with open(out, "a") as fh:
    fh.write(f"{wall:.2f} {cpu:.2f} {usage.ru_maxrss / 1024:.1f}\n")
