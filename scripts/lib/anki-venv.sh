# Sourced from the repository root by the scripts that run Anki's own
# library: makes sure .venv-oracle holds anki 26.9.3 from PyPI and sets
# ANKI_PYTHON to its interpreter. Returns non-zero when it cannot.
if ! .venv-oracle/bin/python -c 'import anki, sys; sys.exit(anki.version.version != "26.9.3")' 2>/dev/null; then
    python3 -m venv .venv-oracle && .venv-oracle/bin/pip install -q anki==26.9.3 \
        || { echo "FAIL: could not install anki==26.9.3 from PyPI" >&2; false; }
fi && ANKI_PYTHON=.venv-oracle/bin/python
