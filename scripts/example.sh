#!/usr/bin/env bash
# The main job: builds the `schemata` CLI and checks the example model
# response in Schemas/examples/ (well-formedness and positions; schema
# validation arrives with the validator).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-system.sh
swift build -c release --product schemata
bin=.build/release/schemata
"$bin" --version
"$bin" parse Schemas/examples/weather-response.json Schemas/examples/weather-schema.json
"$bin" parse --lines Schemas/examples/responses.jsonl
"$bin" locate Schemas/examples/weather-response.json /choices/0/message/content /usage/total_tokens
