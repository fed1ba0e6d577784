#!/usr/bin/env bash
# bench-build: disclose build of the sample against bare Hugo on exactly the
# pages disclose gave it (build --keep-hugo-source), as whole processes,
# in turn (disclose, Hugo, disclose, Hugo ...), so the ratio is taken pair
# by pair in one run on the same machine. Prints the medians and the ratio,
# warm (.cache kept: PDFs, history, the Hugo project and the replaced site)
# and cold (all of it cleared before each build but the Hugo binary go tool
# resolved, hugo/). Bare Hugo builds into one folder again and again, as
# hugo does by default, from the kept project, which has the PDFs in
# static/: its output is disclose's, PDFs included. Usage:
# scripts/bench-build.sh [RUNS] (default 7).
set -euo pipefail
runs=${1:-7}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/disclose" "$root/cmd/disclose"
proj=$work/project
mkdir -p "$proj/tools"
cp -r "$root/data" "$root/releases" "$proj/"
cp -r "$root/tools/hugo" "$proj/tools/"
day=2027-01-04
"$work/disclose" -C "$proj" build --as-of $day --keep-hugo-source "$work/src" 2> /dev/null
hugo=$(cat "$proj"/.cache/hugo/*)

now() { date +%s%N; }
# median of the numbers on stdin
median() { sort -n | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

bench() { # $1: warm or cold
	local d h
	: > "$work/d" ; : > "$work/h" ; : > "$work/r"
	for _ in $(seq "$runs"); do
		if [ "$1" = cold ]; then rm -rf "$proj/.cache/pdf" "$proj/.cache/history" "$proj/.cache/site"; fi
		d=$(now); "$work/disclose" -C "$proj" build --as-of $day 2> /dev/null; d=$(( $(now) - d ))
		h=$(now); "$hugo" --source "$work/src" --destination "$work/bare" --cacheDir "$work/hugo-cache" \
			--environment production --noBuildLock --logLevel warn > /dev/null; h=$(( $(now) - h ))
		echo "$d" >> "$work/d"; echo "$h" >> "$work/h"
		awk -v d="$d" -v h="$h" 'BEGIN {print d / h}' >> "$work/r"
	done
	printf '%-5s disclose build %6.3f s   bare Hugo %6.3f s   ratio %5.2fx (median of %d pairs)\n' "$1" \
		"$(median < "$work/d" | awk '{print $1/1e9}')" "$(median < "$work/h" | awk '{print $1/1e9}')" "$(median < "$work/r")" "$runs"
}
echo "sample site, $(nproc) cores, $(date -u +%F)"
bench warm
bench cold
