# netns.sh: the three namespaces client - router - server that lossy.sh
# and reorder.sh record through, and their captures. Sourced, not run:
# the caller sets cli, rtr, srv (namespace names), port (the server's),
# out and work (directories), and pids=() before calling these.
#
# Addresses: client 10.79.1.1 (lc0) - router 10.79.1.2 (lr-c) and
# 10.79.2.2 (lr-s) - server 10.79.2.1 (ls0). Every veth has TSO, GSO and
# GRO off, so that the captures hold MSS-sized segments, as on a wire.

# teardown: stop the captures and delete the namespaces.
teardown() {
  local p
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  pids=()
  ip netns del "$cli" 2>/dev/null || true
  ip netns del "$rtr" 2>/dev/null || true
  ip netns del "$srv" 2>/dev/null || true
}

# topology TIMESTAMPS [OFFLOAD]: the three namespaces, addresses, routes,
# offloads (OFFLOAD offload: TSO and GSO on on the server's veth;
# offload-gro: GRO on on the client's), net.ipv4.tcp_timestamps in both
# hosts.
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

# capture NAME IFACE [NETNS]: tcpdump in the router (or NETNS) on IFACE
# into $out/NAME, snaplen 128 (headers and the first payload bytes: the
# checks need no more); returns once tcpdump listens.
capture() {
  local name=$1 dev=$2 ns=${3:-$rtr} err=$work/$1.err
  ip netns exec "$ns" tcpdump -i "$dev" --immediate-mode -U -Z root -s 128 -w "$out/$name" "tcp port $port" 2>"$err" &
  pids+=($!)
  local n=0
  until grep -q '^tcpdump: listening' "$err"; do
    sleep 0.05; n=$((n + 1))
    [ $n -lt 200 ] || { echo "$0: capture $name did not start:" >&2; cat "$err" >&2; exit 1; }
  done
}

# download SIZE: the server sends SIZE bytes to the client, once.
download() {
  ip netns exec "$srv" "$work/peer" -serve 10.79.2.1:$port -size "$1" >"$work/serve.out" &
  local server=$!
  until grep -q listening "$work/serve.out"; do sleep 0.05; done
  ip netns exec "$cli" "$work/peer" -fetch 10.79.2.1:$port -size "$1"
  wait "$server"
}

# stop_captures NAME: stop the captures with SIGINT, so that they write
# their last packets, and fail if the kernel dropped any of NAME's (a
# recording with holes would lie).
stop_captures() {
  local p f
  sleep 0.3
  for p in "${pids[@]}"; do kill -INT "$p"; wait "$p" || true; done
  pids=()
  for f in "$work/$1".*.err; do
    grep -q '^0 packets dropped by kernel' "$f" || { echo "$0: $f:" >&2; cat "$f" >&2; exit 1; }
  done
}
