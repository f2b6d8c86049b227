"""Builds the review history of a jatta progress database in Anki (the
`anki` package from PyPI) and compares Anki's own statistics with
`jatta stats --json`, day for day: the Future Due counts (next 30 days
and the backlog) and the True Retention table (`col._backend.graphs`).

usage: stats_anki.py DB STATS_JSON
The collection is built by scripts/lib/anki_collection.py (how jatta's
history is written in Anki's terms is said there). Run with TZ set: both
programs cut days at 4 a.m. in that zone.
"""
import json
import os
import sys
import tempfile
from datetime import datetime

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from anki.collection import Collection  # noqa: E402
from anki_collection import build  # noqa: E402

db_path, stats_path = sys.argv[1], sys.argv[2]
stats = json.load(open(stats_path))["statistics"]
now_ms = int(datetime.fromisoformat(stats["now"].replace("Z", "+00:00")).timestamp() * 1000)
path = os.path.join(tempfile.mkdtemp(prefix="jatta-anki-"), "collection.anki2")
revlog_rows = build(db_path, path, stats["today"], now_ms)

col = Collection(path)
graphs = col._backend.graphs(search="", days=365)
# `days` also limits the revlog the graphs read, so Anki's "all time" row
# covers all time only when asked for every day (days=0).
whole = col._backend.graphs(search="", days=0).true_retention
failures = []
tr = graphs.true_retention
for row, name in zip(stats["trueRetention"], ["today", "yesterday", "week", "month", "year", "all_time"]):
    anki = getattr(whole if name == "all_time" else tr, name)
    for field, anki_field in [("youngPassed", "young_passed"), ("youngFailed", "young_failed"),
                              ("maturePassed", "mature_passed"), ("matureFailed", "mature_failed")]:
        if row[field] != getattr(anki, anki_field):
            failures.append(f"true retention {name} {field}: jatta {row[field]}, Anki {getattr(anki, anki_field)}")
due = dict(graphs.future_due.future_due)
for d in range(30):
    if stats["futureDue"]["days"][d] != due.get(d, 0):
        failures.append(f"future due day {d}: jatta {stats['futureDue']['days'][d]}, Anki {due.get(d, 0)}")
backlog = sum(v for d, v in due.items() if d < 0)
if stats["futureDue"]["backlog"] != backlog:
    failures.append(f"backlog: jatta {stats['futureDue']['backlog']}, Anki {backlog}")
col.close()
if failures:
    print("\n".join(failures[:40]))
    sys.exit(1)
all_time = whole.all_time
print(f"ok: {revlog_rows} revlog rows; True Retention all time young {all_time.young_passed}/{all_time.young_failed}, "
      f"mature {all_time.mature_passed}/{all_time.mature_failed}; future due {sum(stats['futureDue']['days'])} in 30 days, "
      f"backlog {backlog} — equal in Anki")
