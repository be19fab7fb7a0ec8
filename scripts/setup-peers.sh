#!/usr/bin/env bash
# Installs the peers the benchmarks compare against into .venv (PyPI only).
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/pip install --quiet --upgrade pip
.venv/bin/pip install --quiet \
  "jsonschema-rs==0.60.3" \
  "sourcemeta-jsonschema==17.3.0" \
  "json-repair==0.64.4"
echo "peers installed in .venv"
