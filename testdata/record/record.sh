#!/usr/bin/env bash
# record.sh: record every scenario of ./peer on loopback with tcpdump and
# render each recording to text with tcpdump, into testdata/captures/real/.
#
#   sudo bash testdata/record/record.sh [SCENARIO...]     (default: all)
#
# Needs root (tcpdump on lo, and for `loss`: tc or nft, ethtool), tcpdump,
# and go. Optional: dumpcap (one real pcapng), ethtool (MSS-sized segments
# for bulk and loss instead of loopback's 64 KiB GSO super-segments), tc
# with sch_netem or nft (packet loss for `loss`; skipped with a message when
# neither works).
set -euo pipefail

if [ "$(id -u)" -ne 0 ]; then
  echo "record.sh: must run as root: tcpdump needs CAP_NET_RAW to capture on lo," >&2
  echo "and the loss scenario changes lo's queueing discipline or firewall." >&2
  exit 1
fi
for tool in tcpdump go ss; do
  command -v "$tool" >/dev/null || { echo "record.sh: $tool not found" >&2; exit 1; }
done

here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$here/../captures/real"
out=$(cd "$here/../captures/real" && pwd)
work=$(mktemp -d)
peer=$work/peer
(cd "$here/peer" && go build -o "$peer" .)

cleanups=() pids=() errs=()
cleanup() {
  local i
  for ((i = ${#cleanups[@]} - 1; i >= 0; i--)); do eval "${cleanups[i]}" || true; done
  cleanups=()
}
trap 'for p in "${pids[@]}"; do kill -INT "$p" 2>/dev/null; done; cleanup; rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

# wait_time_wait PORT: the peer binds fixed client ports; a 4-tuple still in
# TIME_WAIT from an earlier recording would be reused by the kernel with an
# ISN and SYN options derived from the old connection. Wait it out.
wait_time_wait() {
  local port=$1 n=0
  while [ -n "$(ss -Htan state time-wait "( sport = :$port or dport = :$port )")" ]; do
    if [ $n -eq 0 ]; then echo "  waiting for TIME_WAIT on port $port to expire (up to 60 s)"; fi
    if [ $n -gt 70 ]; then echo "record.sh: TIME_WAIT on port $port did not expire" >&2; exit 1; fi
    n=$((n + 1)); sleep 1
  done
}

# start_capture NAME ARGS...: start a capture writing $out/NAME, wait until it
# listens, and remember its pid and stderr for stop_captures.
start_capture() {
  local name=$1; shift
  local err=$work/$name.err
  "$@" 2>"$err" &
  pids+=($!) errs+=("$err")
  local n=0
  until grep -q -e '^tcpdump: listening' -e '^Capturing on' "$err"; do
    sleep 0.05; n=$((n + 1))
    if [ $n -gt 200 ] || ! kill -0 "${pids[-1]}" 2>/dev/null; then
      echo "record.sh: capture $name did not start:" >&2; cat "$err" >&2; exit 1
    fi
  done
}

# stop_captures: SIGINT each capture so that it writes its last packets, and
# fail if the kernel dropped any (a recording with holes would lie).
stop_captures() {
  local i
  sleep 0.3
  for i in "${!pids[@]}"; do kill -INT "${pids[i]}"; done
  for i in "${!pids[@]}"; do
    wait "${pids[i]}" || true
    # tcpdump: "N packets dropped by kernel"; dumpcap: "received/dropped on interface 'lo': R/D".
    if grep -E -q -e '^[1-9][0-9]* packets dropped' -e "received/dropped on interface '[^']*': [0-9]+/[1-9]" "${errs[i]}"; then
      echo "record.sh: $(basename "${errs[i]}" .err): the kernel dropped packets:" >&2
      cat "${errs[i]}" >&2; exit 1
    fi
  done
  pids=() errs=()
}

# tcpdump_capture NAME FILTER [ARGS...]: tcpdump writing $out/NAME.
# --immediate-mode: without it, the last block of packets is lost on SIGINT.
# -B 128 MiB: in immediate mode each ring frame holds a whole snaplen.
# -Z root: keep the files owned by the caller, not by the tcpdump user.
tcpdump_capture() {
  local name=$1 filter=$2; shift 2
  start_capture "$name" tcpdump -i lo --immediate-mode -B 131072 -U -Z root "$@" -w "$out/$name" "$filter"
}

# no_offload: turn off TSO/GSO on lo until the scenario ends, so tcpdump sees
# MSS-sized segments as on a real wire.
no_offload() {
  if ! command -v ethtool >/dev/null; then
    echo "  ethtool not found: segments will be GSO super-segments"; return
  fi
  local state
  state=$(ethtool -k lo | awk '/^tcp-segmentation-offload:/{t=$2} /^generic-segmentation-offload:/{g=$2} END{print t, g}')
  ethtool -K lo tso off gso off
  cleanups+=("ethtool -K lo tso ${state% *} gso ${state#* }")
}

# lossy PORT: drop about 5% of the port's packets. netem (the brief's first
# choice) also adds 1 ms of delay; without sch_netem, an nft rule drops on
# input, after tcpdump saw the packet (so the capture shows the original and
# its retransmission, as a capture at the sender would).
lossy() {
  local port=$1
  if tc qdisc add dev lo root netem loss 5% delay 1ms 2>/dev/null; then
    echo "  loss: tc netem loss 5% delay 1ms on lo"
    cleanups+=("tc qdisc del dev lo root")
    return 0
  fi
  echo "  loss: tc netem unavailable (no sch_netem in this kernel)"
  if command -v nft >/dev/null && nft add table inet pcaplint_loss 2>/dev/null; then
    cleanups+=("nft delete table inet pcaplint_loss")
    nft add chain inet pcaplint_loss input '{ type filter hook input priority 0; }'
    nft add rule inet pcaplint_loss input tcp dport "$port" numgen random mod 20 == 0 drop
    nft add rule inet pcaplint_loss input tcp sport "$port" numgen random mod 20 == 0 drop
    echo "  loss: nft drops 1 in 20 packets of port $port on input"
    return 0
  fi
  echo "  loss: nft unavailable too: skipping the loss scenario"
  return 1
}

# record NAME PORT: one scenario; extra recordings for some.
record() {
  local name=$1 port=$2 filter="tcp port $2"
  wait_time_wait "$port"
  case $name in
    bulk)
      # 2 MiB at full snaplen is 3 MB; headers are what the checks need, and
      # truncated packets are a case the parsers must handle anyway.
      no_offload
      tcpdump_capture "$name.pcap" "$filter" -s 128 ;;
    loss)
      lossy "$port" || return 0
      no_offload
      tcpdump_capture "$name.pcap" "$filter" ;;
    clean)
      tcpdump_capture "$name.pcap" "$filter"
      # -i any: LINUX_SLL2 link type.
      start_capture "$name.any.pcap" tcpdump -i any --immediate-mode -B 131072 -U -Z root -w "$out/$name.any.pcap" "$filter"
      # Nanosecond pcap (magic a1b23c4d). -j offers only "host" here.
      tcpdump_capture "$name.nano.pcap" "$filter" --time-stamp-precision=nano ;;
    ipv6)
      tcpdump_capture "$name.pcap" "$filter"
      if command -v dumpcap >/dev/null; then
        # A real pcapng: SHB and IDB options, an ISB at the end.
        start_capture "$name.pcapng" dumpcap -i lo -f "$filter" -w "$out/$name.pcapng"
      fi ;;
    *)
      tcpdump_capture "$name.pcap" "$filter" ;;
  esac
  if ! "$peer" "$name"; then
    stop_captures; cleanup
    echo "record.sh: scenario $name failed" >&2; exit 1
  fi
  stop_captures
  cleanup
  if [ "$name" = rst-reuse ]; then cut_reused_syn "$name.pcap" "$name.unseen-syn.pcap"; fi
}

# cut_reused_syn IN OUT: OUT is IN without its second SYN, as a capture that
# missed the handshake of the connection reusing the 4-tuple would be (a
# filter cannot drop one packet of a 4-tuple, so the SYN is cut after).
# Needs editcap (from Wireshark); skipped with a message without it.
cut_reused_syn() {
  local in=$1 out_=$2 n
  if ! command -v editcap >/dev/null; then
    echo "  editcap not found: $out_ not made"; return 0
  fi
  n=$(TZ=UTC tcpdump -# -n -r "$out/$in" 2>/dev/null | awk '/Flags \[S\],/ {if (++s == 2) {print $1; exit}}')
  [ -n "$n" ] || { echo "record.sh: $in holds no second SYN" >&2; exit 1; }
  editcap -F pcap "$out/$in" "$out/$out_" "$n"
  echo "  $out_: $in without packet $n, the reusing connection's SYN"
}

# render FILE SUFFIX ARGS...: the text tcpdump prints for FILE, read from the
# captures directory so that "reading from file" names the file alone.
render() {
  local file=$1 suffix=$2; shift 2
  [ -e "$out/$file" ] || return 0
  (cd "$out" && TZ=UTC tcpdump -r "$file" "$@" >"${file%.*}$suffix.txt" 2>/dev/null)
}

scenarios=("$@")
[ ${#scenarios[@]} -gt 0 ] || mapfile -t scenarios < <("$peer" -list | cut -f1)
for name in "${scenarios[@]}"; do
  port=$("$peer" -list | awk -F'\t' -v s="$name" '$1 == s {print $2}')
  [ -n "$port" ] || { echo "record.sh: unknown scenario $name" >&2; exit 1; }
  echo "recording $name (port $port)"
  record "$name" "$port"
done

echo "rendering text"
for f in "$out"/*.pcap "$out"/*.pcapng; do
  [ -e "$f" ] || continue
  f=$(basename "$f")
  case $f in
    # Not this script's: bridge.sh renders bridge-any while its interfaces
    # exist (tcpdump names them at reading time, "?" once they are gone),
    # and loopback-9502-any is a user's capture with a names-resolved text.
    bridge-any.pcap | loopback-9502-any.pcap) ;;
    *.pcapng) render "$f" .pcapng -n ;;
    *) render "$f" "" -n ;;
  esac
done
render clean.pcap .n-S-vv-tttt -n -S -vv -tttt
render clean.pcap .n-e-num -n -e -#
render clean.pcap .names
render clean.nano.pcap .n-nano -n --time-stamp-precision=nano
render clean.pcap .n-xx -n -xx
render rst-abort.pcap .n-S-vv-tttt -n -S -vv -tttt
render loss.pcap .n-S-vv-tttt -n -S -vv -tttt
render zero-window.pcap .n-vv -n -vv
# One rendering with stderr, as a user pastes it: "reading from file …".
[ ! -e "$out/half-close.pcap" ] ||
  (cd "$out" && TZ=UTC tcpdump -n -r half-close.pcap >half-close.n-stderr.txt 2>&1)
chmod 644 "$out"/*  # dumpcap writes 0600
echo "done: $out"
