"""Anki's own time for the statistics jatta shows, on a collection rebuilt
from a jatta store (scripts/lib/anki_collection.py).

usage: anki_stats_time.py build DB STATS_JSON COLLECTION
       anki_stats_time.py once COLLECTION       (open, one graphs call: for timing the whole process)
       anki_stats_time.py repeat COLLECTION RUNS
`graphs(search="", days=365)` is what Anki's statistics screen asks its
Rust backend for: future due, reviews per day, card counts,
retrievability, True Retention and its other graphs, in one call; `days=0`
is the same over all time. `repeat` prints the median of RUNS calls of
each, in the same process, after opening the collection once.
"""
import json
import os
import statistics
import sys
import time
from datetime import datetime

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from anki.collection import Collection  # noqa: E402

mode = sys.argv[1]
if mode == "build":
    from anki_collection import build  # noqa: E402
    db_path, stats_path, path = sys.argv[2], sys.argv[3], sys.argv[4]
    stats = json.load(open(stats_path))["statistics"]
    now_ms = int(datetime.fromisoformat(stats["now"].replace("Z", "+00:00")).timestamp() * 1000)
    rows = build(db_path, path, stats["today"], now_ms)
    print(f"Anki collection: {rows} revlog rows")
elif mode == "once":
    col = Collection(sys.argv[2])
    col._backend.graphs(search="", days=365)
    col.close()
elif mode == "repeat":
    path, runs = sys.argv[2], int(sys.argv[3])
    start = time.perf_counter()
    col = Collection(path)
    opened = time.perf_counter() - start
    for days in (365, 0):
        times = []
        for _ in range(runs):
            t = time.perf_counter()
            col._backend.graphs(search="", days=days)
            times.append(time.perf_counter() - t)
        print(f"{'Anki graphs(days=%d)' % days:<28} median {statistics.median(times) * 1000:7.1f} ms of {runs}, "
              f"in process (collection opened once, in {opened * 1000:.0f} ms)")
    col.close()
