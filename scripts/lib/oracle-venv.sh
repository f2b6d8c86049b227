# Sourced from the repository root by the scripts that run the reference
# implementations: makes the venv .venv-oracle with the pinned versions of
# scripts/oracle/requirements.txt (py-fsrs, fsrs-rs-python) and sets
# ORACLE_PYTHON to its interpreter.
if [ ! -x .venv-oracle/bin/python ]; then
    python3 -m venv .venv-oracle
fi
.venv-oracle/bin/pip install --quiet --disable-pip-version-check -r scripts/oracle/requirements.txt
ORACLE_PYTHON=.venv-oracle/bin/python
