#!/usr/bin/env bash
# reorder.sh: record bulk downloads through a router whose queue towards the
# client reorders some of the server's data segments (and, in one run, also
# drops some), capturing on the sending host and on the receiving host,
# into rules/checks/testdata/reorder/.
#
#   sudo bash testdata/record/reorder.sh [NAME]      (default: every run)
#
# The namespaces are netns.sh's: client - router - server. netem, which
# would reorder with `delay ... reorder`, is not on every kernel (not on
# the one these were recorded on: no sch_netem), so the reordering is a
# queue's, as in a router with priority queues: the router's interface
# towards the client has an HTB qdisc of RATE with three classes, normal
# 1:10 (the default, priority 1), express 1:20 (priority 0) and slow 1:30
# (priority 2, 8 bit/s of its own, borrowing up to RATE). The router's
# nftables postrouting hook puts PCT % of the server's data segments, at
# random (numgen), into the express class and PCT % into the slow one
# (meta priority, which HTB takes as the class). While the sender's
# flight is queued at the bottleneck, an express segment overtakes the
# queue (it opens a gap, and the queued segments sent before it arrive
# late), and a slow one waits until the normal class is empty (the
# segments sent after it overtake it). Nothing is lost in the reorder
# runs (the queue holds a thousand packets); reorder-lossy also drops
# DROP % of the data segments in the forward hook. Linux takes some late
# arrivals for losses and retransmits (RACK, RFC 8985), as it would on a
# real path.
#
# tcpdump in the server's namespace (ls0) sees the segments in the order
# they were sent (RUN.sender.pcap.gz); tcpdump in the client's (lc0) in
# the order they arrived (RUN.receiver.pcap.gz). The two say which arrival
# is a late original and which a retransmission:
# rules/checks/reorder_test.go does. Each capture has its tcpdump -n and
# -n -v text beside it (.txt.gz, .n-v.txt.gz: only -v prints the IP ID);
# all are gzipped, which pcaplint reads as they are.
# Runs: reorder-ts with TCP timestamps, reorder-nots without
# (net.ipv4.tcp_timestamps=0 in both hosts: only the IP ID orders the
# segments), reorder-lossy with both reordering and loss. Afterwards,
# bash testdata/oracle/record.sh records what tshark flags in them, and
# go test ./rules/checks -run '^TestAgreementWithTshark$' -update rewrites
# their figures in docs/agreement.md. Needs root, iproute2 (tc with
# HTB), nft, ethtool, tcpdump, gzip and go; it cleans up after itself.
set -euo pipefail
[ "$(id -u)" = 0 ] || { echo "reorder.sh: needs root (network namespaces, nft, tc, tcpdump)" >&2; exit 1; }
for tool in ip nft tc ethtool tcpdump gzip go; do
  command -v "$tool" >/dev/null || { echo "reorder.sh: $tool not found" >&2; exit 1; }
done
here=$(cd "$(dirname "$0")" && pwd)
out=$(mkdir -p "$here/../../rules/checks/testdata/reorder" && cd "$here/../../rules/checks/testdata/reorder" && pwd)
work=$(mktemp -d)
(cd "$here/peer" && go build -o "$work/peer" .)
# shellcheck source=netns.sh
. "$here/netns.sh"

size=$((256 << 10)) # 256 KiB: about 180 data segments
port=9130
rate=100mbit
cli=pl-reorder-c rtr=pl-reorder-r srv=pl-reorder-s
pids=()
trap 'teardown; rm -rf "$work"' EXIT

# reorderer PCT DROP: the HTB classes on the router's lr-c, the rules that
# send PCT % of the data segments to the express class and PCT % to the
# slow one and drop DROP %, and a datagram that spends the slow class's own
# tokens (its bucket starts full: its first packet would go at once).
reorderer() {
  local q="ip netns exec $rtr tc" slow=$(($1 * 2))
  $q qdisc add dev lr-c root handle 1: htb default 10 r2q 1000
  $q class add dev lr-c parent 1: classid 1:1 htb rate $rate ceil $rate
  $q class add dev lr-c parent 1:1 classid 1:10 htb rate $rate ceil $rate prio 1
  $q class add dev lr-c parent 1:1 classid 1:20 htb rate $rate ceil $rate prio 0
  $q class add dev lr-c parent 1:1 classid 1:30 htb rate 8bit ceil $rate prio 2
  ip netns exec "$rtr" nft -f - <<NFT
table inet reorder {
  chain forward {
    type filter hook forward priority 0;
    iifname "lr-s" tcp sport $port ip length > 100 numgen random mod 100 < $2 drop
  }
  chain postrouting {
    type filter hook postrouting priority 0;
    oifname "lr-c" udp dport 9 meta priority set 1:30
    oifname "lr-c" tcp sport $port ip length > 100 meta mark set numgen random mod 100
    oifname "lr-c" tcp sport $port ip length > 100 meta mark < $1 meta priority set 1:20
    oifname "lr-c" tcp sport $port ip length > 100 meta mark >= $1 meta mark < $slow meta priority set 1:30
  }
}
NFT
  ip netns exec "$rtr" bash -c "head -c 1400 /dev/zero >/dev/udp/10.79.1.1/9"
}

# run NAME PCT DROP TIMESTAMPS: one recording, both hosts, and its text.
run() {
  local name=$1 pct=$2 drop=$3 ts=$4
  if [ -n "$only" ] && [ "$only" != "$name" ]; then return; fi
  echo "recording $name: $pct % of the server's data segments reordered, $drop % dropped, tcp_timestamps=$ts"
  topology "$ts"
  reorderer "$pct" "$drop"
  capture "$name.sender.pcap" ls0 "$srv"
  capture "$name.receiver.pcap" lc0 "$cli"
  download "$size"
  stop_captures "$name"
  local side
  for side in sender receiver; do
    (cd "$out" && TZ=UTC tcpdump -n -r "$name.$side.pcap" >"$name.$side.txt" 2>/dev/null &&
      TZ=UTC tcpdump -n -v -r "$name.$side.pcap" >"$name.$side.n-v.txt" 2>/dev/null &&
      gzip -nf "$name.$side.pcap" "$name.$side.txt" "$name.$side.n-v.txt")
  done
  ip netns exec "$rtr" tc -s class show dev lr-c | grep -A1 -e 'class htb 1:[23]0' | grep -o -e 'class htb 1:[23]0' -e 'Sent.*pkt' | paste - - | sed 's/^/  /'
}

only=${1:-}
run reorder-ts 3 0 1
run reorder-nots 3 0 0
run reorder-lossy 3 1 1
chmod 644 "$out"/reorder-*
echo "done: $out/reorder-*"
