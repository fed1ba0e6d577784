#!/bin/sh
# scale.sh times `disclose check` and `disclose build` on data sets in the
# sample's style of 50, 500 and 5,000 processors (a fifth as many purposes
# and categories, at least the sample's), each measured once with
# /usr/bin/time -v in the same run, and prints a scaling table: wall time,
# processor time and peak memory (maximum resident set size) of each
# command, and how each grew from the size before.
#
#   scripts/scale.sh                 # 50, 500, 5000 processors, 500 a file
#   SIZES="5000" scripts/scale.sh    # one size
#   PER_FILE=0 scripts/scale.sh      # each section in one file
#   RELEASES=10 scripts/scale.sh     # 10 released versions first
#   BUILD=0 scripts/scale.sh         # check only
#
# The data sets, binaries and /usr/bin/time reports stay in $SCALE_DIR
# (default: a new temporary folder, printed). Hugo is the project's pinned
# one (tools/hugo), unless DISCLOSE_HUGO names another.
set -eu
cd "$(dirname "$0")/.."
sizes=${SIZES:-50 500 5000}
per_file=${PER_FILE:-500}
releases=${RELEASES:-0}
build=${BUILD:-1}
as_of=${AS_OF:-2027-01-04}
work=${SCALE_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/disclose-scale.XXXXXX")}
mkdir -p "$work"
echo "scale: working in $work" >&2

go build -o "$work/disclose" ./cmd/disclose
go build -o "$work/scaledata" ./internal/scaledata/cmd/scaledata
if [ "$build" = 1 ] && [ -z "${DISCLOSE_HUGO:-}" ]; then
	(cd tools/hugo && go build -o "$work/hugo" github.com/gohugoio/hugo)
	DISCLOSE_HUGO="$work/hugo"
	export DISCLOSE_HUGO
fi

# measure NAME DIR CMD...: runs CMD in DIR under /usr/bin/time -v and
# prints "wall cpu peakMB exit" from its report.
measure() {
	name=$1 dir=$2
	shift 2
	set +e
	(cd "$dir" && /usr/bin/time -v -o "$dir/$name.time" "$@" >"$dir/$name.out" 2>&1)
	code=$?
	set -e
	awk -v code="$code" '
		/Elapsed \(wall clock\)/ { n = split($NF, t, ":"); wall = 0; for (i = 1; i <= n; i++) wall = wall * 60 + t[i] }
		/User time/ { user = $NF }
		/System time/ { sys = $NF }
		/Maximum resident set size/ { rss = $NF / 1024 }
		END { printf "%.2f %.2f %.0f %d\n", wall, user + sys, rss, code }' "$dir/$name.time"
}

# ratio NEW OLD: NEW/OLD to one decimal, or "-".
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1fx", a / b; else printf "-" }'; }

printf '%-10s %-9s %-7s | %-8s %-8s %-7s %-6s' processors purposes yaml-MB check-s cpu-s peak-MB growth
[ "$build" = 1 ] && printf ' | %-8s %-8s %-7s %-6s' build-s cpu-s peak-MB growth
printf '\n'
prev_n=0 prev_check=0 prev_build=0
for n in $sizes; do
	m=$((n / 5))
	[ "$m" -lt 19 ] && m=19 # the sample's purposes
	k=$((n / 5))
	[ "$k" -lt 11 ] && k=11 # the sample's categories
	dir="$work/p$n"
	rm -rf "$dir"
	mkdir -p "$dir"
	"$work/scaledata" -processors "$n" -purposes "$m" -categories "$k" -per-file "$per_file" "$dir"
	r=1
	while [ "$r" -le "$releases" ]; do
		"$work/scaledata" -processors "$n" -purposes "$m" -categories "$k" -per-file "$per_file" -revision "$r" "$dir"
		day=$(date -u -d "$as_of - $(((releases - r + 1) * 7)) days" +%F) # weekly, up to AS_OF
		(cd "$dir" && "$work/disclose" release --effective "$day" --released "$day" --summary "Revision $r." >/dev/null) ||
			echo "scale: release $r of $n processors failed" >&2
		r=$((r + 1))
	done
	bytes=$(cat "$dir"/data/*.yaml "$dir"/data/*/*.yaml 2>/dev/null | wc -c)
	set -- $(measure check "$dir" "$work/disclose" check --as-of "$as_of")
	check_wall=$1 check_cpu=$2 check_rss=$3 check_code=$4
	growth=$( [ "$prev_n" -gt 0 ] && ratio "$check_wall" "$prev_check" || echo -)
	[ "$check_code" -ne 0 ] && growth="$growth(exit $check_code)"
	printf '%-10s %-9s %-7s | %-8s %-8s %-7s %-6s' "$n" "$m" "$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }')" \
		"$check_wall" "$check_cpu" "$check_rss" "$growth"
	if [ "$build" = 1 ]; then
		set -- $(measure build "$dir" "$work/disclose" build --as-of "$as_of")
		growth=$( [ "$prev_n" -gt 0 ] && ratio "$1" "$prev_build" || echo -)
		[ "$4" -ne 0 ] && growth="$growth(exit $4)"
		printf ' | %-8s %-8s %-7s %-6s' "$1" "$2" "$3" "$growth"
		prev_build=$1
	fi
	printf '\n'
	prev_n=$n prev_check=$check_wall
done
echo "scale: growth is each command's wall time over the size before's (10x the data: linear is 10x)" >&2
