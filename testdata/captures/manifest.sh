#!/usr/bin/env bash
# manifest.sh: write manifest.tsv, the ground truth for every capture file
# under testdata/captures, as tshark judges it:
#
#   bash testdata/captures/manifest.sh
#
# Columns:
#   file         path under testdata/captures
#   tshark       ok, or error: tshark's exit status was not 0 (broken file)
#   frames       frames tshark read (before the error, for broken files)
#   connections  TCP streams (tcp.stream ids)
#   packets      packets of each stream, in stream-id order, comma-separated
#   expect       what pcaplint should report: "same" as tshark, "error", or
#                the counts where pcaplint and tshark must differ
set -euo pipefail
command -v tshark >/dev/null || { echo "manifest.sh: tshark not found" >&2; exit 1; }
cd "$(dirname "$0")"

# expect FILE: pcaplint's expected outcome where it is not tshark's.
expect() {
  case $1 in
    # tshark reads broken-empty.pcap as an empty capture (exit 0); it is
    # not one: pcaplint must say the input is empty.
    craft/broken-*) echo "error" ;;
    craft/any-duplicate.pcap) echo "1 connection: 11 (each packet is there twice: tshark counts 22)" ;;
    real/bridge-any.pcap) echo "3 connections: 12,12,12 (each packet is there twice: tshark counts 24)" ;;
    real/rst-reuse.unseen-syn.pcap) echo "2 connections: 8,10 (the reuse starts at its SYN-ACK: tshark keeps one stream)" ;;
    *) echo "same" ;;
  esac
}

{
  printf 'file\ttshark\tframes\tconnections\tpackets\texpect\n'
  for f in real/*.pcap real/*.pcapng craft/*.pcap craft/*.pcapng craft/*.gz; do
    [ -e "$f" ] || continue
    status=ok
    # Frame number and TCP stream id of every frame; non-TCP frames have no id.
    fields=$(tshark -r "$f" -T fields -e frame.number -e tcp.stream 2>/dev/null) || status=error
    frames=$(printf '%s\n' "$fields" | awk 'NF' | wc -l)
    counts=$(printf '%s\n' "$fields" | awk -F'\t' '$2 != "" {n[$2]++} END {for (s in n) print s, n[s]}' | sort -n | awk '{print $2}' | paste -sd, -)
    conns=$(printf '%s\n' "$fields" | awk -F'\t' '$2 != "" {s[$2]} END {print length(s)}')
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$f" "$status" "$frames" "$conns" "${counts:--}" "$(expect "$f")"
  done
} >manifest.tsv
echo "wrote $(pwd)/manifest.tsv"
