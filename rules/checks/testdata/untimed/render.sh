#!/usr/bin/env bash
# Renders real recordings of testdata/captures/real with tcpdump twice,
# with its default timestamps (-n) and without any (-n -t), for
# TestUntimedTextJudgedAsTimed. Run from anywhere; needs tcpdump.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
real=$here/../../../../testdata/captures/real
for name in clean half-close keepalive refused rst-reuse zero-window lossy-3pct.receiver; do
	tcpdump -n -r "$real/$name.pcap" 2>/dev/null | gzip -9n >"$here/$name.n.txt.gz"
	tcpdump -n -t -r "$real/$name.pcap" 2>/dev/null | gzip -9n >"$here/$name.n-t.txt.gz"
done
