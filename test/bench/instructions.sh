#!/usr/bin/env bash
# Instruction counts (valgrind callgrind, single-threaded V8) of markdown-it's parse and of a check of the same
# ~1 MB plan; the warm cost of each is (count at 7 runs - count at 1 run) / 6. Needs Debian's valgrind. An argument
# names one of `npm run bench`'s shapes (mixed by default): `npm run bench:instructions -- by-phase`.
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v valgrind >/dev/null || { echo "valgrind is missing: apt-get install -y valgrind" >&2; exit 2; }
shape="${1:-mixed}"
count() { valgrind --tool=callgrind --callgrind-out-file=/dev/null node --single-threaded out/test/bench/one-side.js "$1" "$2" "$shape" 2>&1 | sed -n 's/.*Collected : //p'; }
declare -A warm
for side in parse check; do
  one=$(count "$side" 1)
  seven=$(count "$side" 7)
  warm[$side]=$(( (seven - one) / 6 ))
  echo "$side: $(( warm[$side] / 1000000 )) M instructions per warm run"
done
awk -v c="${warm[check]}" -v p="${warm[parse]}" -v s="$shape" 'BEGIN { printf "%s: ratio check / parse (instructions): %.2f (target <= 1.5)\n", s, c / p }'
