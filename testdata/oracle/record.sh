#!/usr/bin/env bash
# record.sh: rewrite what tshark, tcpdump and tcptrace print for every capture of
# testdata, the recordings the comparisons with them read by default
# (internal/oracle):
#
#   bash testdata/oracle/record.sh
#
# Run it after adding, changing or removing a capture, or when the live
# comparison (PCAPLINT_ORACLE=live, as .ci/run sets) says a recording is
# stale; then read the diff: a changed recording is a changed ground truth.
# The tests run whole (no -run filter below the test), so that every
# variant of every capture is recorded; recordings of captures that are
# gone are removed. The tests' own verdicts are printed as usual.
set -uo pipefail
cd "$(dirname "$0")/../.."
for tool in tshark tcpdump tcptrace; do
  command -v "$tool" >/dev/null || { echo "record.sh: $tool not found (apt-get install $tool)" >&2; exit 1; }
done
export PCAPLINT_ORACLE=record
status=0
# tshark: one recording per capture, read by ./rules and ./rules/checks.
go test -count=1 -timeout 60m -run '^TestConnectionsAgreeWithTshark$' ./rules || status=1
# tshark on rules/checks/testdata/reorder (outside testdata/: not in the
# corpus), read by ./rules/checks for docs/agreement.md.
go test -count=1 -timeout 60m -run '^TestAgreementWithTshark$' ./rules/checks || status=1
# tcptrace and tshark's ack_rtt: the captures the statistics are compared on.
go test -count=1 -timeout 10m -run '^TestStatsAgreeWithTcptraceAndTshark$' ./rules/stats || status=1
# tcpdump: every capture (and generated scenario) in every variant.
go test -count=1 -timeout 60m -run '^TestDifferential$' ./parse/tcpdump || status=1
exit $status
