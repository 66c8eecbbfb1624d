#!/usr/bin/env bash
# graph.sh: time pcaplint graph on one connection of about 1,000,000 data
# segments (bench/gen), beside tcptrace -G on the same capture.
#
#   bash bench/graph.sh            # best of 3 runs of each row
#   RUNS=5 bash bench/graph.sh     # best of 5
#
# Each row prints the best wall time of its runs, the CPU time (user +
# system) of that run and its peak RSS. The machine's load average is
# printed before and after: on a shared machine the wall time follows
# it, the CPU time much less.
#
# Needs go, GNU time (/usr/bin/time) and, for the comparison, tcptrace.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
out=bench/out
mkdir -p "$out"
go build -o "$out/pcaplint" ./cmd/pcaplint
go build -o "$out/gen" ./bench/gen
cap=$out/one-connection.pcap
# One connection at a time: the first carries 1,000,000 data segments
# (1.5 million packets with its ACKs), the next one starts the rest.
[ -f "$cap" ] || "$out/gen" -conns 1 -segments 1000000 -packets 1600000 >"$cap"
"$out/pcaplint" conns "$cap" | head -2
times=$(mktemp)
trap 'rm -f "$times"' EXIT
# row LABEL CMD... runs CMD $RUNS times and prints the best wall time,
# with the CPU time and peak RSS of that run.
row() {
	local label=$1 best="" line
	shift
	for _ in $(seq "$RUNS"); do
		/usr/bin/time -f "%e %U %S %M" -o "$times" "$@" >/dev/null
		line=$(tail -1 "$times")
		if [ -z "$best" ] || awk -v a="${line%% *}" -v b="${best%% *}" 'BEGIN { exit !(a < b) }'; then
			best=$line
		fi
	done
	echo "$best" | awk -v l="$label" '{ printf "%-44s %6.2f s  cpu %5.2f s  %4d MB\n", l, $1, $2 + $3, $4 / 1024 }'
}
echo "load before: $(uptime)"
echo "best of $RUNS runs"
for kind in tsg throughput rtt window; do
	row "pcaplint graph --kind $kind -o $kind.svg" "$out/pcaplint" graph "$cap" --conn 1 --kind "$kind" -o "$out/$kind.svg"
done
row "pcaplint graph -o tsg.png" "$out/pcaplint" graph "$cap" --conn 1 -o "$out/tsg.png"
row "pcaplint graph --kind rtt -o rtt.png" "$out/pcaplint" graph "$cap" --conn 1 --kind rtt -o "$out/rtt.png"
row "pcaplint lint (the read alone)" "$out/pcaplint" lint -q --fail-on never "$cap"
echo "load after: $(uptime)"
if command -v tcptrace >/dev/null; then
	dir=$(mktemp -d)
	(cd "$dir" && /usr/bin/time -f "tcptrace -G: %e s, %M KB" tcptrace -G "$OLDPWD/$cap" >/dev/null)
	du -sh "$dir" | sed 's/^/tcptrace -G wrote /'
	rm -rf "$dir"
fi
