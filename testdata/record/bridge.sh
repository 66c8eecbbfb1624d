#!/usr/bin/env bash
# Records testdata/captures/real/bridge-any.pcap: three HTTP exchanges
# between two network namespaces joined by a Linux bridge, captured with
# "tcpdump -i any" in the root namespace, where every packet shows twice
# (once entering the bridge from one veth, once leaving by the other). It
# needs root, iproute2, tcpdump, curl and python3; it cleans up after itself.
set -euo pipefail
[ "$(id -u)" = 0 ] || { echo "bridge.sh: needs root (network namespaces, tcpdump)" >&2; exit 1; }
out=$(cd "$(dirname "$0")/../captures/real" && pwd)
teardown() {
  pkill -f "http.server 8000 --bind 10.77.0.2" 2>/dev/null || true
  ip netns del pl-a 2>/dev/null || true
  ip netns del pl-b 2>/dev/null || true
  ip link del pl-br 2>/dev/null || true
}
teardown
tmp=$(mktemp -d)
trap 'teardown; rm -rf "$tmp"' EXIT
ip netns add pl-a
ip netns add pl-b
ip link add pl-br type bridge
ip link add pl-va type veth peer name pl-va-br
ip link add pl-vb type veth peer name pl-vb-br
ip link set pl-va netns pl-a
ip link set pl-vb netns pl-b
for l in pl-va-br pl-vb-br; do ip link set "$l" master pl-br; ip link set "$l" up; done
ip link set pl-br up
ip -n pl-a addr add 10.77.0.1/24 dev pl-va
ip -n pl-b addr add 10.77.0.2/24 dev pl-vb
ip -n pl-a link set pl-va up
ip -n pl-b link set pl-vb up
(cd "$tmp" && ip netns exec pl-b python3 -m http.server 8000 --bind 10.77.0.2 >/dev/null 2>&1 &)
sleep 1
tcpdump -i any -B 65536 -w "$tmp/bridge-any.pcap" 'tcp port 8000' 2>"$tmp/tcpdump.err" &
pid=$!
sleep 1
for _ in 1 2 3; do ip netns exec pl-a curl -s -o /dev/null http://10.77.0.2:8000/; done
sleep 1
kill -INT "$pid"
wait "$pid" || true
grep -q "^0 packets dropped by kernel" "$tmp/tcpdump.err" || { cat "$tmp/tcpdump.err" >&2; exit 1; }
cp "$tmp/bridge-any.pcap" "$out/bridge-any.pcap"
TZ=UTC tcpdump -n -r "$out/bridge-any.pcap" > "$out/bridge-any.txt" 2>/dev/null
echo "wrote $out/bridge-any.pcap and .txt"
