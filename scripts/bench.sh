#!/usr/bin/env bash
# Release-mode benchmarks, printing ratios against the peers measured in the
# same run.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-system.sh
swift build -c release --product schemata-bench
.build/release/schemata-bench "$@"
