#!/usr/bin/env bash
# The main job: builds the `schemata` CLI, checks the example chat completion
# against the CompileLabs response schema, and validates the structured
# output it carries against its JSON Schema (format assertion on).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-system.sh
swift build -c release --product schemata
bin=.build/release/schemata
"$bin" --version
"$bin" validate Schemas/compilelabs/chat-completion-response.schema.json Schemas/examples/weather-response.json
"$bin" validate --format-assertion Schemas/examples/weather-schema.json Schemas/examples/weather-report.json
"$bin" validate-response --schema Schemas/examples/weather-schema.json Schemas/examples/weather-response.json
"$bin" locate Schemas/examples/weather-response.json /choices/0/message/content /usage/total_tokens
