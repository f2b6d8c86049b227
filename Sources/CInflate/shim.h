// The system's zlib (Debian zlib1g-dev), for inflating the entries of an
// Anki package within their compressed size (scripts/lib/deps.sh installs
// it). Not named CZlib: that is ZIPFoundation's own module.
#include <zlib.h>
