// Package oracle lets the tests that compare pcaplint with tshark and
// tcpdump run without them, and fast: what the tools printed for each
// capture of testdata is recorded under testdata/oracle, and a test reads
// the recording unless PCAPLINT_ORACLE says otherwise.
//
//	PCAPLINT_ORACLE unset   the recordings are the oracle; a missing one is run
//	                        live if the tool is installed, else a failure
//	PCAPLINT_ORACLE=live    the tools run, as they print today, and a recording
//	                        that differs from them or is missing is a failure
//	                        (stale); .ci/run sets it
//	PCAPLINT_ORACLE=record  the tools run and their output is written as the
//	                        recording (bash testdata/oracle/record.sh)
//
// The package is for tests only; nothing of pcaplint imports it.
package oracle
