#!/usr/bin/env bash
# render.sh: write tcpdump's text for every crafted capture tcpdump can read,
# beside it: craft/NAME.txt (pcap) or craft/NAME.pcapng.txt, with `-n` and
# TZ=UTC, so that text-parser tests have the same cases as capture tests.
#
#   go run ./testdata/craft && bash testdata/craft/render.sh
set -euo pipefail
command -v tcpdump >/dev/null || { echo "render.sh: tcpdump not found" >&2; exit 1; }
cd "$(dirname "$0")/../captures/craft"
rm -f ./*.txt
for f in *.pcap *.pcapng; do
  case $f in broken-*) continue ;; esac # tcpdump's partial output is no ground truth
  case $f in *.pcapng) out=$f.txt ;; *) out=${f%.pcap}.txt ;; esac
  TZ=UTC tcpdump -n -r "$f" >"$out" 2>/dev/null
done
echo "rendered $(ls ./*.txt | wc -l) files"
