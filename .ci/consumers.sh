#!/usr/bin/env bash
# Proves the checked-in JSON Schemas with real consumers: Python jsonschema
# (PyPI) and ajv with ajv-formats (npm) validate the Bắc Giang sample and its
# findings and reject the bad documents of tests/consumers/ (the same
# documents that tests/schemas.rs runs through the library).
#
# Needs python3 with pip, and node with npm. Installs into target/consumers/
# (Python, with pip --target: no venv, no system site-packages touched) and
# tests/consumers/node_modules (npm ci from the committed lock file).
set -euo pipefail
cd "$(dirname "$0")/.."

consumers=tests/consumers
python_deps=target/consumers/python
status=0

echo "== consumers: Python jsonschema"
if [ ! -f "$python_deps/.requirements" ] || ! cmp -s "$consumers/requirements.txt" "$python_deps/.requirements"; then
    rm -rf "$python_deps"
    mkdir -p "$python_deps"
    PIP_ROOT_USER_ACTION=ignore python3 -m pip install --quiet --disable-pip-version-check \
        --target "$python_deps" -r "$consumers/requirements.txt"
    cp "$consumers/requirements.txt" "$python_deps/.requirements"
fi
PYTHONPATH="$python_deps${PYTHONPATH:+:$PYTHONPATH}" python3 "$consumers/validate.py" || status=1

echo "== consumers: ajv (node $(node --version))"
(cd "$consumers" && npm ci --no-audit --no-fund --loglevel=error)
node "$consumers/validate.js" || status=1

if [ "$status" -eq 0 ]; then
    echo "consumers: PASS (Python jsonschema and ajv agree with the library)"
else
    echo "consumers: FAIL (see the FAIL lines above)"
fi
exit "$status"
