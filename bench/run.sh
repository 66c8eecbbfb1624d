#!/usr/bin/env bash
# bench/run.sh times pcaplint against cat, tcpdump and tshark on the same
# inputs in the same run, and prints ratios rather than absolute times,
# then streams synthetic captures of growing size through pcaplint lint to
# show that its peak memory stays flat.
#
#   bash bench/run.sh            # best of 3 runs of each row
#   RUNS=5 bash bench/run.sh     # best of 5
#   bash bench/run.sh --10g      # also stream 10 GB through lint
#
# The main input is a real loopback capture of 60,000 short HTTP-like
# connections (bench/httpish), recorded with tcpdump on lo. Recording needs
# root; without it the script says so and uses a synthetic capture of
# short connections from bench/gen instead.
set -euo pipefail

RUNS=${RUNS:-3}
TEN_G=false
for a in "$@"; do
	case $a in
	--10g) TEN_G=true ;;
	*) echo "usage: bash bench/run.sh [--10g]" >&2; exit 2 ;;
	esac
done

root=$(cd "$(dirname "$0")/.." && pwd)
work=${BENCH_DIR:-$root/bench/out}
mkdir -p "$work"
cd "$root"

echo "building pcaplint, bench/gen and bench/httpish into $work"
go build -o "$work/pcaplint" ./cmd/pcaplint
go build -o "$work/gen" ./bench/gen
go build -o "$work/httpish" ./bench/httpish

need() { command -v "$1" >/dev/null || { echo "bench: $1 is not installed" >&2; exit 2; }; }
need tcpdump
need tshark
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is missing (apt-get install time)" >&2; exit 2; }

# record makes $work/loopback.pcap: tcpdump on lo while httpish makes its
# connections. It fails without root.
record() {
	local port pid
	# A port nobody listens on, so that the filter sees only httpish.
	for port in $(shuf -i 20000-29999 -n 20); do
		ss -Htln "sport = :$port" | grep -q . || break
	done
	tcpdump -i lo -n -B 16384 -w "$work/loopback.pcap.part" "tcp port $port" 2>"$work/tcpdump.log" &
	pid=$!
	sleep 1
	if ! kill -0 "$pid" 2>/dev/null; then
		cat "$work/tcpdump.log" >&2
		return 1
	fi
	"$work/httpish" -conns 60000 -parallel 4 -port "$port"
	sleep 1
	kill -INT "$pid"
	wait "$pid" || true
	grep -q "^0 packets dropped by kernel" "$work/tcpdump.log" || { cat "$work/tcpdump.log" >&2; return 1; }
	mv "$work/loopback.pcap.part" "$work/loopback.pcap"
}

capture=$work/loopback.pcap
if [ ! -s "$capture" ]; then
	if [ "$(id -u)" -eq 0 ] && record; then
		echo "recorded $capture"
	else
		echo "bench: could not record on lo (recording needs root and tcpdump); using a synthetic capture of short connections from bench/gen instead"
		capture=$work/synthetic.pcap
		"$work/gen" -packets 600000 -segments 3 -payload 100 -conns 200 >"$capture"
	fi
fi
text=${capture%.pcap}.txt
[ -s "$text" ] || tcpdump -n -r "$capture" >"$text" 2>/dev/null
packets=$(wc -l <"$text")
echo "input: $capture, $packets packets, $(du -h "$capture" | cut -f1); text rendering $(du -h "$text" | cut -f1)"
echo

# best NAME CMD... runs CMD $RUNS times and records the best wall time (in
# seconds) and the highest peak RSS (in MB) in BEST_S and BEST_MB.
best() {
	local t0 t1 s rss
	BEST_S= BEST_MB=0
	for _ in $(seq "$RUNS"); do
		t0=$EPOCHREALTIME
		/usr/bin/time -f %M -o "$work/rss" "$@" >/dev/null 2>"$work/stderr" || true
		t1=$EPOCHREALTIME
		s=$(echo "$t1 - $t0" | bc -l)
		rss=$(tail -1 "$work/rss")
		if [ -z "$BEST_S" ] || [ "$(echo "$s < $BEST_S" | bc -l)" = 1 ]; then BEST_S=$s; fi
		if [ "$rss" -gt "$BEST_MB" ]; then BEST_MB=$rss; fi
	done
	BEST_MB=$((BEST_MB / 1024))
}

names=() secs=() mbs=()
row() {
	local name=$1
	shift
	best "$@"
	names+=("$name") secs+=("$BEST_S") mbs+=("$BEST_MB")
}

row "cat" cat "$capture"
row "tcpdump -nr" tcpdump -nr "$capture"
row "tshark -q -z expert" tshark -r "$capture" -q -z expert
row "pcaplint conns" "$work/pcaplint" conns "$capture"
row "pcaplint lint (pcap)" "$work/pcaplint" lint --fail-on never "$capture"
row "pcaplint lint (text)" "$work/pcaplint" lint --fail-on never "$text"

lint=${secs[4]}
echo "best of $RUNS runs; time is relative to pcaplint lint on the capture ($(printf %.3f "$lint") s here)"
printf '| %-22s | %14s | %12s |\n' "command" "time / lint" "peak RSS"
printf '|%s|%s|%s|\n' "------------------------" "----------------" "--------------"
for i in "${!names[@]}"; do
	printf '| %-22s | %13.2f× | %9d MB |\n' "${names[$i]}" "$(echo "${secs[$i]} / $lint" | bc -l)" "${mbs[$i]}"
done
echo
printf 'goals: tshark / lint = %.1f (≥ 20), lint / cat = %.1f (≤ 10), text / pcap = %.2f (≤ 2), %d lines/s of text\n' \
	"$(echo "${secs[2]} / $lint" | bc -l)" "$(echo "$lint / ${secs[0]}" | bc -l)" \
	"$(echo "${secs[5]} / $lint" | bc -l)" "$(echo "$packets / ${secs[5]}" | bc -l | cut -d. -f1)"
echo

sizes=(10M 1G)
$TEN_G && sizes+=(10G)
echo "streaming synthetic captures through stdin: bench/gen -bytes SIZE | pcaplint lint --fail-on never -"
printf '| %-6s | %9s | %10s |\n' "size" "peak RSS" "time"
printf '|%s|%s|%s|\n' "--------" "-----------" "------------"
for size in "${sizes[@]}"; do
	t0=$EPOCHREALTIME
	"$work/gen" -bytes "$size" | /usr/bin/time -f %M -o "$work/rss" "$work/pcaplint" lint --fail-on never - >/dev/null
	t1=$EPOCHREALTIME
	printf '| %-6s | %6d MB | %8.1f s |\n' "$size" "$(($(tail -1 "$work/rss") / 1024))" "$(echo "$t1 - $t0" | bc -l)"
done
