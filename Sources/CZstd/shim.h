// The system's zstd (Debian libzstd-dev), for reading the compressed
// collection of an Anki package (scripts/lib/deps.sh installs it).
#include <zstd.h>
