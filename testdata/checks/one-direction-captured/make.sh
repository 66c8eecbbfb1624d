#!/usr/bin/env bash
# make.sh derives one-direction.pcap from the real recording parallel.pcap
# with a capture filter, as a one-sided capture would record it: of the
# connection from port 40500 only the client's packets, of the one from
# port 40501 only the server's; of those from 40502 and 40503 the same
# without their SYNs, as a capture started after the handshake. Then
# tcpdump's text of it, as everywhere.
#
#   bash testdata/checks/one-direction-captured/make.sh
set -euo pipefail
cd "$(dirname "$0")"
real=../../captures/real/parallel.pcap
tcpdump -r "$real" -w one-direction.pcap 'tcp and ((src port 40500) or (src port 9105 and dst port 40501) or
	(tcp[tcpflags] & tcp-syn == 0 and ((src port 9105 and dst port 40502) or src port 40503)))' 2>/dev/null
TZ=UTC tcpdump -n -r one-direction.pcap >one-direction.txt 2>/dev/null
