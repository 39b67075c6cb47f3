#!/usr/bin/env bash
# Developer tool: start the desktop app in a real window under Xvfb and save a screenshot.
# usage: src/tools/screenshot.sh OUT.png [SECONDS] [-- APP ARGS...]
# Needs: apt-get install xvfb libgtk-3-0 imagemagick; target/orthomeasure.jar built.
set -euo pipefail
out=${1:?usage: screenshot.sh OUT.png [SECONDS] [-- APP ARGS...]}
shift
wait_s=8
if [[ $# -gt 0 && $1 != -- ]]; then wait_s=$1; shift; fi
[[ ${1:-} == -- ]] && shift
cd "$(dirname "$0")/../.."
xvfb-run -a -s "-screen 0 1600x1000x24" bash -c '
  java -Dprism.order=sw -jar target/orthomeasure.jar "$@" & pid=$!
  sleep '"$wait_s"'
  import -window root "'"$(realpath -m "$out")"'"
  kill $pid' _ "$@"
echo "screenshot: $out"
