#!/usr/bin/env bash
# The test command: installs what is missing, builds, and runs every test.
# Tests that need ../shared data (or $SCHEMATA_SHARED) skip with a reason
# when it is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-system.sh
swift build --build-tests
swift test --skip-build "$@"
