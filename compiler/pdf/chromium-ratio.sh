#!/bin/sh
# chromium-ratio.sh: how many times faster disclose typesets one notice's
# PDF than Chromium prints the same notice's web page to PDF.
#
#   compiler/pdf/chromium-ratio.sh            # the European notice, 5 runs
#   NOTICE=global RUNS=9 compiler/pdf/chromium-ratio.sh
#   BASE=/path/to/other/checkout compiler/pdf/chromium-ratio.sh   # also its ratio
#
# It builds the sample site (disclose --sample build) into a temporary
# folder, serves it on 127.0.0.1 (python3 -m http.server, so the page's
# styles and fonts load as on the web) and times RUNS Chromium prints of
# /NOTICE/ (the whole process: launch, load, lay out, print; the median).
# The PDF side is BenchmarkNotice's ns/op: pdf.Render of the sample's
# European notice in a warm process (fonts parsed once per process), as
# the site build typesets one PDF after another. NOTICE other than eu
# changes only the Chromium side.
set -eu
cd "$(dirname "$0")/../.."
NOTICE=${NOTICE:-eu}
RUNS=${RUNS:-5}
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
tmp=$(mktemp -d)
server=
cleanup() {
	[ -z "$server" ] || kill "$server" 2>/dev/null || true
	rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

go run ./cmd/disclose --sample build --as-of 2026-11-23 --out "$tmp/public" >"$tmp/build.log" 2>&1 || {
	cat "$tmp/build.log" >&2
	exit 1
}
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$tmp/public" >/dev/null 2>&1 &
server=$!
url="http://127.0.0.1:$port/$NOTICE/"
i=0
until curl -sf -o /dev/null "$url"; do
	i=$((i + 1))
	[ "$i" -lt 50 ] || { echo "no server at $url" >&2; exit 1; }
	sleep 0.1
done

print() {
	"$CHROMIUM" --no-sandbox --headless --disable-gpu --disable-background-networking \
		--print-to-pdf="$tmp/chromium.pdf" "$url" >/dev/null 2>&1
}
print # warm-up: the disk cache, Chromium's first-run files
: >"$tmp/times"
for _ in $(seq "$RUNS"); do
	start=$(date +%s%N)
	print
	end=$(date +%s%N)
	echo $((end - start)) >>"$tmp/times"
done
chromium_ns=$(sort -n "$tmp/times" | sed -n "$(((RUNS + 1) / 2))p")

notice_ns() {
	(cd "$1" && go test -run '^$' -bench '^BenchmarkNotice$' -benchtime 20x ./compiler/pdf) |
		awk '$1 ~ /^BenchmarkNotice-/ {print $3}'
}
report() {
	awk -v c="$chromium_ns" -v p="$2" -v w="$1" 'BEGIN {
		printf "%s: pdf.Render of the notice %.1f ms, %.1fx faster than Chromium\n", w, p / 1e6, c / p
	}'
}
echo "Chromium printing /$NOTICE/ (median of $RUNS runs): $((chromium_ns / 1000000)) ms"
report "this checkout" "$(notice_ns .)"
if [ -n "${BASE:-}" ]; then
	report "$BASE" "$(notice_ns "$BASE")"
fi
