#!/usr/bin/env bash
# render.sh: write tcpdump's text for every crafted capture tcpdump can read,
# beside it: craft/NAME.txt (pcap) or craft/NAME.pcapng.txt, with `-n` and
# TZ=UTC, so that text-parser tests have the same cases as capture tests.
# The captures that are not check cases are also rendered with the link
# layer shown, as NAME.e.txt (-n -e), NAME.e-v.txt (-n -e -v),
# NAME.vv-e-tttt.txt (-n -vv -e -tttt) and NAME.t-e.txt (-n -t -e): each
# link type prints its own prefix there. lan-noise*, the frames that are
# not TCP, also as NAME.v.txt (-n -v) and NAME.t-v.txt (-n -t -v).
# check-retransmission-inconsistent, whose verdict rests on the payload
# bytes, also with every dump of them: NAME.x.txt (-n -x), NAME.xx.txt,
# NAME.X.txt, NAME.XX.txt and NAME.A.txt (-n -A).
#
#   go run ./testdata/craft && bash testdata/craft/render.sh
set -euo pipefail
command -v tcpdump >/dev/null || { echo "render.sh: tcpdump not found" >&2; exit 1; }
cd "$(dirname "$0")/../captures/craft"
rm -f ./*.txt
for f in *.pcap *.pcapng; do
  case $f in broken-*) continue ;; esac # tcpdump's partial output is no ground truth
  case $f in *.pcapng) stem=$f ;; *) stem=${f%.pcap} ;; esac
  # libpcap refuses a pcapng whose interfaces differ in link type
  # (two-interfaces.pcapng): tcpdump fails and its text stays empty, which
  # the tests skip.
  TZ=UTC tcpdump -n -r "$f" >"$stem.txt" 2>/dev/null || true
  case $f in check-retransmission-inconsistent.pcap)
    for dump in x xx X XX A; do
      TZ=UTC tcpdump -n -$dump -r "$f" >"$stem.$dump.txt" 2>/dev/null || true
    done ;;
  esac
  case $f in check-*) continue ;; esac
  TZ=UTC tcpdump -n -e -r "$f" >"$stem.e.txt" 2>/dev/null || true
  TZ=UTC tcpdump -n -e -v -r "$f" >"$stem.e-v.txt" 2>/dev/null || true
  TZ=UTC tcpdump -n -vv -e -tttt -r "$f" >"$stem.vv-e-tttt.txt" 2>/dev/null || true
  TZ=UTC tcpdump -n -t -e -r "$f" >"$stem.t-e.txt" 2>/dev/null || true
  case $f in lan-noise*) ;; *) continue ;; esac
  TZ=UTC tcpdump -n -v -r "$f" >"$stem.v.txt" 2>/dev/null || true
  TZ=UTC tcpdump -n -t -v -r "$f" >"$stem.t-v.txt" 2>/dev/null || true
done
echo "rendered $(ls ./*.txt | wc -l) files"
