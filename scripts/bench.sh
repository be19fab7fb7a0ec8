#!/usr/bin/env bash
# Release-mode benchmarks, printing ratios against the peers measured in the
# same run: the JSON core beside Foundation, and the validator beside Blaze
# and jsonschema-rs (installed into .venv from PyPI when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-system.sh
swift build -c release --product schemata-bench
swift build -c release --product schemata
.build/release/schemata-bench "$@"
echo
[ -x .venv/bin/jsonschema ] && .venv/bin/python -c "import jsonschema_rs, json_repair" 2>/dev/null || bash scripts/setup-peers.sh
.venv/bin/python Benchmarks/validators.py
.venv/bin/python Benchmarks/lint_and_responses.py
.venv/bin/python Benchmarks/repair.py
