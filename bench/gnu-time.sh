#!/usr/bin/env bash
# Installs GNU time (/usr/bin/time, for peak RSS) when it is missing; the
# benchmarks run it first.
set -euo pipefail
if [ ! -x /usr/bin/time ]; then
  echo "installing GNU time (for peak RSS)"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends time
fi
