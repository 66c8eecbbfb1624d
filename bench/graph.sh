#!/usr/bin/env bash
# graph.sh: time pcaplint graph on one connection of about 1,000,000 data
# segments (bench/gen), beside tcptrace -G on the same capture.
#
#   bash bench/graph.sh
#
# Needs go, GNU time (/usr/bin/time) and, for the comparison, tcptrace.
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/out
mkdir -p "$out"
go build -o "$out/pcaplint" ./cmd/pcaplint
go build -o "$out/gen" ./bench/gen
cap=$out/one-connection.pcap
# One connection at a time: the first carries 1,000,000 data segments
# (1.5 million packets with its ACKs), the next one starts the rest.
[ -f "$cap" ] || "$out/gen" -conns 1 -segments 1000000 -packets 1600000 >"$cap"
"$out/pcaplint" conns "$cap" | head -2
for kind in tsg throughput rtt window; do
  /usr/bin/time -f "pcaplint graph --kind $kind -o svg: %e s, %M KB" "$out/pcaplint" graph "$cap" --conn 1 --kind "$kind" -o "$out/$kind.svg"
done
/usr/bin/time -f "pcaplint graph -o png: %e s, %M KB" "$out/pcaplint" graph "$cap" --conn 1 -o "$out/tsg.png"
/usr/bin/time -f "pcaplint lint (the read alone): %e s, %M KB" "$out/pcaplint" lint -q --fail-on never "$cap" >/dev/null
if command -v tcptrace >/dev/null; then
  dir=$(mktemp -d)
  (cd "$dir" && /usr/bin/time -f "tcptrace -G: %e s, %M KB" tcptrace -G "$OLDPWD/$cap" >/dev/null)
  du -sh "$dir" | sed 's/^/tcptrace -G wrote /'
  rm -rf "$dir"
fi
