#!/usr/bin/env bash
# runs.sh: tcpdump logs that show what the capture, not the network, lost,
# into testdata/captures/real/:
#
#   zero-window.two-runs.txt  zero-window.pcap split after packet 20 and
#       rendered by two runs of tcpdump -n -r, appended with their stderr as
#       a CI job appends the logs of restarted captures: the second run's
#       relative numbers start afresh. (Needs editcap, from tshark's
#       package; no root.)
#   kernel-drops.txt  the bulk scenario captured live with a 1 KiB capture
#       buffer (-B 1) and 2>&1, so that the kernel drops packets and tcpdump
#       says how many when it stops. (Needs root; the counts vary per run.)
#
#   bash testdata/record/runs.sh [two-runs|drops]...   (default: both)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
out=$(cd "$here/../captures/real" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

two_runs() {
  cp "$out/zero-window.pcap" "$work/"
  (cd "$work" &&
    editcap -r zero-window.pcap zero-window.run1.pcap 1-20 &&
    editcap zero-window.pcap zero-window.run2.pcap 1-20 &&
    { TZ=UTC tcpdump -n -r zero-window.run1.pcap 2>&1; TZ=UTC tcpdump -n -r zero-window.run2.pcap 2>&1; }) \
    >"$out/zero-window.two-runs.txt"
}

drops() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "runs.sh: drops must run as root (tcpdump on lo)" >&2
    exit 1
  fi
  (cd "$here/peer" && go build -o "$work/peer" .)
  TZ=UTC tcpdump -l -n -i lo -B 1 -s 128 port 9109 >"$out/kernel-drops.txt" 2>&1 &
  local pid=$!
  until grep -q '^listening on' "$out/kernel-drops.txt"; do sleep 0.05; done
  "$work/peer" bulk
  sleep 0.5
  kill -INT "$pid"
  wait "$pid" || true
  if ! grep -E -q '^[1-9][0-9]* packets? dropped by kernel' "$out/kernel-drops.txt"; then
    echo "runs.sh: the kernel dropped nothing this time; run it again" >&2
    exit 1
  fi
}

[ $# -gt 0 ] || set -- two-runs drops
for what in "$@"; do
  case $what in
    two-runs) two_runs ;;
    drops) drops ;;
    *) echo "runs.sh: unknown $what" >&2; exit 2 ;;
  esac
done
