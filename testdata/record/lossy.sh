#!/usr/bin/env bash
# lossy.sh: record a bulk download through a router that drops some of the
# server's data segments, capturing on both sides of the drop, into
# testdata/captures/real/lossy-*; and one captured on the sending host with
# segmentation offload on, into testdata/captures/real/offload.*.
#
#   sudo bash testdata/record/lossy.sh
#
# Three network namespaces, client - router - server (netns.sh), joined by
# veth pairs with TSO, GSO and GRO off (MSS-sized segments, as on a wire). The router's
# nftables forward hook drops PCT % of the server's data segments at random
# (numgen random; no netem). tcpdump on the router's interface towards the
# server sees every segment the server sent (the sender's vantage point,
# before the drop); on its interface towards the client, only what survived
# (the receiver's vantage point, after the drop). Comparing the two says
# exactly which segments the receiver sees are retransmissions: the test in
# rules/checks does.
#
# Runs: lossy-1pct and lossy-3pct with TCP timestamps, lossy-3pct-nots with
# net.ipv4.tcp_timestamps=0 in both hosts, so that only the IP ID tells a
# retransmission from a reordered segment. shaped-20mbit drops nothing on
# purpose: a token bucket (tc tbf, 20 Mbit/s, a 150 KB queue) on the
# router's interface towards the client is the bottleneck, so the
# kernel's slow start fills the queue, loses the segments that overflow it
# and recovers with SACK, as on a real path (netem, which would add delay,
# is not available on every kernel; the queue makes the delay).
# offload drops nothing either: TSO and GSO are on on the server's veth,
# and tcpdump runs in the server's namespace (the sending host), so the
# capture holds the segments of up to 64 KB the kernel hands the veth
# before they are cut to the MSS (the router's interface towards the client
# has TSO and GSO off: the kernel cuts them there, as a NIC does on the
# wire, and the client's ACKs fall inside them). offload-gro is the
# receiving host's view: TSO and GSO off everywhere, GRO on on the
# client's veth, tcpdump in the client's namespace, which sees the
# MSS-sized segments of the wire joined again into large ones. `sudo bash
# testdata/record/lossy.sh NAME` records one run only (shaped-20mbit,
# say). Its sender-side capture and text go to render/graph/testdata,
# where the graph tests draw them (outside testdata/, whose every capture
# the tshark and tcpdump comparisons also read). testdata/record/peer plays the
# server and the client (-serve, -fetch). Needs root, iproute2, nft,
# ethtool, tcpdump and go; it cleans up after itself.
set -euo pipefail
[ "$(id -u)" = 0 ] || { echo "lossy.sh: needs root (network namespaces, nft, tcpdump)" >&2; exit 1; }
for tool in ip nft tc ethtool tcpdump go; do
  command -v "$tool" >/dev/null || { echo "lossy.sh: $tool not found" >&2; exit 1; }
done
here=$(cd "$(dirname "$0")" && pwd)
out=$(cd "$here/../captures/real" && pwd)
graphs=$(cd "$here/../../render/graph" && mkdir -p testdata && cd testdata && pwd)
work=$(mktemp -d)
(cd "$here/peer" && go build -o "$work/peer" .)

# shellcheck source=netns.sh
. "$here/netns.sh"

size=$((512 << 10)) # 512 KiB: about 360 data segments
port=9120
cli=pl-lossy-c rtr=pl-lossy-r srv=pl-lossy-s
pids=()
trap 'teardown; rm -rf "$work"' EXIT

# dropper PCT: drop PCT % of the server's data segments (IP length over
# 100: not a pure ACK, SYN or FIN) in the router's forward hook.
dropper() {
  ip netns exec "$rtr" nft -f - <<NFT
table inet lossy {
  chain forward {
    type filter hook forward priority 0;
    iifname "lr-s" tcp sport $port ip length > 100 numgen random mod 100 < $1 drop
  }
}
NFT
}

# run NAME PCT TIMESTAMPS [RATE]: one recording, both sides, and their
# text; with RATE, no drops but a token bucket of RATE towards the client;
# with RATE offload (offload-gro), no drops, and one capture on the
# sending (receiving) host.
run() {
  local name=$1 pct=$2 ts=$3 rate=${4:-} out=$out sides="sender receiver" size=$size
  if [ -n "$only" ] && [ "$only" != "$name" ]; then return; fi
  case $rate in
    offload) sides=sender size=$((256 << 10)) ;;
    offload-gro) sides=receiver size=$((256 << 10)) ;;
    ?*) out=$graphs sides=sender ;;
  esac
  echo "recording $name: $pct % of the server's data segments dropped, tcp_timestamps=$ts${rate:+, $rate}"
  topology "$ts" "$rate"
  if [ "$rate" = offload ]; then
    capture "$name.sender.pcap" ls0 "$srv"
  elif [ "$rate" = offload-gro ]; then
    capture "$name.receiver.pcap" lc0 "$cli"
  else
    if [ -n "$rate" ]; then
      ip netns exec "$rtr" tc qdisc add dev lr-c root tbf rate "$rate" burst 16kb limit 150kb
    else
      dropper "$pct"
    fi
    capture "$name.sender.pcap" lr-s
    capture "$name.receiver.pcap" lr-c
  fi
  download "$size"
  stop_captures "$name"
  local side
  for side in $sides; do
    (cd "$out" && TZ=UTC tcpdump -n -r "$name.$side.pcap" >"$name.$side.txt" 2>/dev/null)
    [ "$out" = "$graphs" ] || (cd "$out" && TZ=UTC tcpdump -n -v -r "$name.$side.pcap" >"$name.$side.n-v.txt" 2>/dev/null)
  done
  [ "$sides" = sender ] && rm -f "$out/$name.receiver.pcap"
  return 0
}

only=${1:-}
run lossy-1pct 1 1
run lossy-3pct 3 1
run lossy-3pct-nots 3 0
run shaped-20mbit 0 1 20mbit
run offload 0 1 offload
run offload-gro 0 1 offload-gro
chmod 644 "$out"/lossy-* "$out"/offload.* "$graphs"/shaped-* 2>/dev/null || true
echo "done: $out/lossy-*, $out/offload.*, $graphs/shaped-*"
