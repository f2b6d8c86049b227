# Sourced by scripts/jatta and scripts/test: makes sure the system libraries
# jatta links against are present, installing them where we may.
#
# jatta needs ncursesw (the terminal interface), SQLite (progress), zstd and zlib
# (Anki packages) as
# Debian/Ubuntu -dev packages; the tests also drive the real binary in tmux.
# On a machine without them we install with apt-get when running as root or
# when sudo works without a password, and otherwise stop with the exact
# command to run.

jatta_missing_packages() {
    local missing=()
    pkg-config --exists ncursesw 2>/dev/null || missing+=(libncursesw5-dev)
    { [ -e /usr/include/sqlite3.h ] || pkg-config --exists sqlite3 2>/dev/null; } || missing+=(libsqlite3-dev)
    # zstd: the compressed collection of an Anki package (Interchange).
    { [ -e /usr/include/zstd.h ] || pkg-config --exists libzstd 2>/dev/null; } || missing+=(libzstd-dev)
    # zlib: inflating an Anki package's entries (Interchange).
    { [ -e /usr/include/zlib.h ] || pkg-config --exists zlib 2>/dev/null; } || missing+=(zlib1g-dev)
    command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
    # libpq's header only: the class commands open libpq itself at run time.
    [ -e /usr/include/postgresql/libpq-fe.h ] || missing+=(libpq-dev)
    for extra in "$@"; do
        case "$extra" in
            tmux) command -v tmux >/dev/null 2>&1 || missing+=(tmux) ;;
            sqlite3) command -v sqlite3 >/dev/null 2>&1 || missing+=(sqlite3) ;;
            zstd) command -v zstd >/dev/null 2>&1 || missing+=(zstd) ;;
            python3) command -v python3 >/dev/null 2>&1 || missing+=(python3) ;;
            vim-tiny) command -v vim.tiny >/dev/null 2>&1 || missing+=(vim-tiny) ;;
            python3-venv) python3 -c 'import ensurepip, venv' >/dev/null 2>&1 || missing+=(python3-venv) ;;
            time) [ -x /usr/bin/time ] || missing+=(time) ;;
            # Tests that move a run's clock to another study day.
            faketime) command -v faketime >/dev/null 2>&1 || missing+=(faketime) ;;
            # The deck index test watches which files a start reads.
            inotifywait) command -v inotifywait >/dev/null 2>&1 || missing+=(inotify-tools) ;;
            # The class tests run a throw-away server and check the HTML report.
            postgresql) ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql) ;;
            chromium) command -v chromium >/dev/null 2>&1 || missing+=(chromium) ;;
            # The install tests load the completions and render the man pages.
            zsh|fish|groff|man-db|make) command -v "${extra%-db}" >/dev/null 2>&1 || missing+=("$extra") ;;
        esac
    done
    printf '%s\n' "${missing[@]}"
}

# jatta_ensure_packages [tmux] [sqlite3] [zstd] [vim-tiny] [python3] [python3-venv] [time] [faketime] [inotifywait] [postgresql] [chromium] [zsh] [fish] [groff] [man-db] [make]
jatta_ensure_packages() {
    local missing
    missing=$(jatta_missing_packages "$@" | sort -u | tr '\n' ' ')
    missing=${missing% }
    [ -z "$missing" ] && return 0
    local cmd="apt-get update && apt-get install -y --no-install-recommends $missing"
    if [ "$(id -u)" = 0 ]; then
        echo "jatta: installing $missing" >&2
        DEBIAN_FRONTEND=noninteractive sh -c "$cmd" >&2 || { echo "jatta: could not install: $missing" >&2; return 1; }
    elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        echo "jatta: installing $missing (sudo)" >&2
        sudo DEBIAN_FRONTEND=noninteractive sh -c "$cmd" >&2 || { echo "jatta: could not install: $missing" >&2; return 1; }
    else
        echo "jatta: these packages are missing: $missing" >&2
        echo "jatta: install them with:  sudo sh -c '$cmd'" >&2
        return 1
    fi
}
