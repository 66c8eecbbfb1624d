#!/usr/bin/env bash
# bench/memory.sh measures the peak RSS (GNU time's "Maximum resident set
# size") and wall time of every command and output format on two inputs
# that grow with the input rather than with live connections: a SYN flood
# (bench/synflood: every SYN its own connection, none answered) and a
# directory of tiny captures. It prints a Markdown table for
# bench/README.md.
#
#   bash bench/memory.sh                       # 2,000,000 SYNs, 100,000 files
#   SYNS=300000 FILES=20000 bash bench/memory.sh
#
# The inputs are made once in bench/out/ and reused.
set -euo pipefail

SYNS=${SYNS:-2000000}
FILES=${FILES:-100000}
root=$(cd "$(dirname "$0")/.." && pwd)
work=${BENCH_DIR:-$root/bench/out}
mkdir -p "$work"
cd "$root"
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is missing (apt-get install time)" >&2; exit 2; }

go build -o "$work/pcaplint" ./cmd/pcaplint
go build -o "$work/synflood" ./bench/synflood

flood=$work/flood-$SYNS.pcap
[ -s "$flood" ] || "$work/synflood" -n "$SYNS" >"$flood"
tiny=$work/tiny-$FILES
if [ ! -d "$tiny" ]; then
	# Copies of a 184-byte capture (a SYN answered by RST), 1,000 a
	# directory: one made file by file, the others copied whole.
	mkdir -p "$tiny.part/000"
	for ((i = 0; i < 1000 && i < FILES; i++)); do
		cp testdata/captures/real/refused.pcap "$tiny.part/000/c$(printf %03d "$i").pcap"
	done
	for ((d = 1; d < FILES / 1000; d++)); do
		cp -r "$tiny.part/000" "$tiny.part/$(printf %03d "$d")"
	done
	mv "$tiny.part" "$tiny"
fi

# measure CMD... prints "RSS MB | seconds" of one run, or "n/a" when the
# command does not take the input.
measure() {
	local t0 t1
	t0=$EPOCHREALTIME
	if ! /usr/bin/time -f %M -o "$work/rss" "$@" >/dev/null 2>"$work/stderr"; then
		# Exit 1 is findings; 2 is an error, whose message goes in the cell.
		if [ "$(sed -n 's/^Command exited with non-zero status //p' "$work/rss")" = 2 ]; then
			echo "error: $(head -c 60 "$work/stderr")"
			return
		fi
	fi
	t1=$EPOCHREALTIME
	printf '%d MB, %.1f s' "$(($(tail -1 "$work/rss") / 1024))" "$(echo "$t1 - $t0" | bc -l)"
}

p=$work/pcaplint
echo "inputs: $flood ($SYNS SYNs), $tiny ($FILES files)"
echo
echo "| command | $SYNS SYNs | $FILES files |"
echo "|---|---|---|"
for f in text json sarif junit github markdown; do
	echo "| lint -f $f | $(measure "$p" lint -f "$f" "$flood") | $(measure "$p" lint -f "$f" "$tiny") |"
done
echo "| conns | $(measure "$p" conns "$flood") | n/a (one file) |"
echo "| conns -f json | $(measure "$p" conns -f json "$flood") | n/a (one file) |"
echo "| explain | $(measure "$p" explain "$flood") | n/a (one file) |"
