#!/usr/bin/env bash
# bench/outputs.sh writes what pcaplint prints for every capture and
# tcpdump rendering in testdata (and the inputs named after OUTDIR, such
# as the benchmark capture) into a directory, so that two commits can be
# compared byte for byte after a refactoring:
#
#   git stash; bash bench/outputs.sh /tmp/before; git stash pop
#   bash bench/outputs.sh /tmp/after bench/out/httpish.pcap
#   diff -r /tmp/before /tmp/after && echo identical
#
# For each input it keeps lint's text and JSON reports, conns, the
# merged SVG diagram of its first four connections, and explain's
# reading, each with its standard error and exit status.
set -uo pipefail

out=${1:?usage: bash bench/outputs.sh OUTDIR [INPUT...]}
shift
root=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$out"
out=$(cd "$out" && pwd)
bin=$out/.pcaplint
(cd "$root" && go build -o "$bin" ./cmd/pcaplint) || exit 2

# run NAME ARGS... keeps standard output, standard error and the exit
# status of one pcaplint run under $out/$input/NAME.
run() {
	local name=$1
	shift
	"$bin" "$@" >"$dir/$name.out" 2>"$dir/$name.err"
	echo $? >"$dir/$name.rc"
}

cd "$root"
inputs=$(find testdata -type f \( -name '*.pcap' -o -name '*.pcapng' -o -name '*.txt' -o -name '*.gz' \) \
	-not -path 'testdata/oracle/*' -not -name 'expect.txt' -not -name 'README*' | sort)
for input in $inputs "$@"; do
	dir=$out/$input
	mkdir -p "$dir"
	run lint lint --fail-on never "$input"
	run json lint --fail-on never --format json "$input"
	run conns conns "$input"
	run diagram diagram --conn 1,2,3,4 --merged -o - --format svg "$input"
	run explain explain "$input"
done
rm -f "$bin"
echo "wrote $(find "$out" -type f | wc -l) files for $(echo $inputs "$@" | wc -w) inputs into $out"
