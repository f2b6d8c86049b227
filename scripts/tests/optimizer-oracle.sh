#!/usr/bin/env bash
# jatta's FSRS optimiser against fsrs-rs (fsrs-rs-python 0.9.3), small size:
#  1. `jatta optimize` on a real progress database written with a simulated
#     student's answers (evening reviews past midnight, an undone answer, quiz
#     practice that must not count): figures equal fsrs-rs's evaluate to 1e-4,
#     new parameters stored and used by the next run, --dry-run, --reset;
#  2. the fit compared with fsrs-rs's on the same training items, judged on
#     the same held-out items (scripts/oracle/optimizer_compare.py --check):
#     evaluation equal to 1e-4, held-out log loss within +0.5 % of fsrs-rs's
#     and below the defaults', RMSE(bins) within +0.005.
# The full comparison (10,000 and 100,000 reviews, three students) is
# scripts/bench-optimizer.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."

. scripts/lib/oracle-venv.sh
py="$ORACLE_PYTHON"

. scripts/lib/jatta-binary.sh

status=0
echo "optimizer-oracle: jatta optimize on a progress database"
"$py" scripts/oracle/optimize_db.py --jatta "$JATTA" --reviews 3000 || status=1
echo "optimizer-oracle: fit compared with fsrs-rs (3 students, 10,000 reviews)"
# At this size fsrs-rs's own weights are often no closer to the true ones
# than the defaults, so jatta's must beat the defaults or fsrs-rs's; the
# other goals are the full ones.
"$py" scripts/oracle/optimizer_compare.py --jatta "$JATTA" --users 3 --reviews 10000 --check \
    --weights-against either || status=1
if [ "$status" -ne 0 ]; then
    echo "optimizer-oracle: FAILED"
else
    echo "optimizer-oracle: passed"
fi
exit "$status"
