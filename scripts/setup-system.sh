#!/usr/bin/env bash
# Installs the system packages Schemata needs (yajl and pkg-config), only
# when they are missing. Uses sudo only when not running as root.
set -euo pipefail

need=()
if ! { command -v pkg-config >/dev/null 2>&1 && pkg-config --exists yajl; } && [ ! -f /usr/include/yajl/yajl_parse.h ]; then
  need+=(libyajl-dev)
fi
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
[ ${#need[@]} -eq 0 ] && exit 0

if [ "$(uname -s)" = "Darwin" ]; then
  brew install yajl pkg-config
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup: please install ${need[*]} (yajl development files) with your package manager" >&2
  exit 1
fi
sudo_cmd=()
[ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
echo "setup: installing ${need[*]}" >&2
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${need[@]}" >/dev/null
