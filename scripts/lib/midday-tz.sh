# Sourced by tests that count "today": sets TZ to a fixed-offset zone in
# which it is now about noon, so the 4 a.m. day rollover never falls inside
# a test run (a card answered at 03:55 and due ten minutes later belongs to
# the next scheduler day, which would change the counts a test expects).
utc_hour=$(date -u +%-H)
offset=$(( (12 - utc_hour + 24) % 24 ))
[ "$offset" -gt 12 ] && offset=$((offset - 24))
# POSIX Etc/GMT zones carry the inverted sign: UTC+5 is Etc/GMT-5.
if [ "$offset" -ge 0 ]; then export TZ="Etc/GMT-$offset"; else export TZ="Etc/GMT+$((-offset))"; fi
unset utc_hour offset
