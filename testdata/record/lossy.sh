#!/usr/bin/env bash
# lossy.sh: record a bulk download through a router that drops some of the
# server's data segments, capturing on both sides of the drop, into
# testdata/captures/real/lossy-*; and one captured on the sending host with
# segmentation offload on, into testdata/captures/real/offload.*.
#
#   sudo bash testdata/record/lossy.sh
#
# Three network namespaces, client - router - server, joined by veth pairs
# with TSO, GSO and GRO off (MSS-sized segments, as on a wire). The router's
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

size=$((512 << 10)) # 512 KiB: about 360 data segments
port=9120
cli=pl-lossy-c rtr=pl-lossy-r srv=pl-lossy-s
pids=()
teardown() {
  local p
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  pids=()
  ip netns del "$cli" 2>/dev/null || true
  ip netns del "$rtr" 2>/dev/null || true
  ip netns del "$srv" 2>/dev/null || true
}
trap 'teardown; rm -rf "$work"' EXIT

# topology TIMESTAMPS [OFFLOAD]: the three namespaces, addresses, routes,
# offloads (OFFLOAD offload: TSO and GSO on on the server's veth;
# offload-gro: GRO on on the client's).
topology() {
  local ts=$1 offload=${2:-}
  teardown
  ip netns add "$cli"; ip netns add "$rtr"; ip netns add "$srv"
  ip link add lc0 netns "$cli" type veth peer name lr-c netns "$rtr"
  ip link add ls0 netns "$srv" type veth peer name lr-s netns "$rtr"
  ip -n "$cli" addr add 10.79.1.1/24 dev lc0
  ip -n "$rtr" addr add 10.79.1.2/24 dev lr-c
  ip -n "$rtr" addr add 10.79.2.2/24 dev lr-s
  ip -n "$srv" addr add 10.79.2.1/24 dev ls0
  local ns dev
  for ns_dev in "$cli:lc0" "$rtr:lr-c" "$rtr:lr-s" "$srv:ls0"; do
    ns=${ns_dev%:*} dev=${ns_dev#*:}
    ip netns exec "$ns" ethtool -K "$dev" tso off gso off gro off >/dev/null
    ip -n "$ns" link set "$dev" up
    ip -n "$ns" link set lo up
  done
  case $offload in
    offload) ip netns exec "$srv" ethtool -K ls0 tso on gso on >/dev/null ;;
    offload-gro) ip netns exec "$cli" ethtool -K lc0 gro on >/dev/null ;;
  esac
  ip -n "$cli" route add default via 10.79.1.2
  ip -n "$srv" route add default via 10.79.2.2
  ip netns exec "$rtr" sysctl -qw net.ipv4.ip_forward=1
  for ns in "$cli" "$srv"; do ip netns exec "$ns" sysctl -qw net.ipv4.tcp_timestamps="$ts"; done
}

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

# capture NAME IFACE [NETNS]: tcpdump in the router (or NETNS) on IFACE,
# snaplen 128 (headers and the first payload bytes: the checks need no
# more).
capture() {
  local name=$1 dev=$2 ns=${3:-$rtr} err=$work/$1.err
  ip netns exec "$ns" tcpdump -i "$dev" --immediate-mode -U -Z root -s 128 -w "$out/$name" "tcp port $port" 2>"$err" &
  pids+=($!)
  local n=0
  until grep -q '^tcpdump: listening' "$err"; do
    sleep 0.05; n=$((n + 1))
    [ $n -lt 200 ] || { echo "lossy.sh: capture $name did not start:" >&2; cat "$err" >&2; exit 1; }
  done
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
  ip netns exec "$srv" "$work/peer" -serve 10.79.2.1:$port -size "$size" >"$work/serve.out" &
  local server=$!
  until grep -q listening "$work/serve.out"; do sleep 0.05; done
  ip netns exec "$cli" "$work/peer" -fetch 10.79.2.1:$port -size "$size"
  wait "$server"
  sleep 0.3
  local p
  for p in "${pids[@]}"; do kill -INT "$p"; wait "$p" || true; done
  pids=()
  for f in "$work/$name".*.err; do
    grep -q '^0 packets dropped by kernel' "$f" || { echo "lossy.sh: $f:" >&2; cat "$f" >&2; exit 1; }
  done
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
