package report

import (
	"regexp"
	"testing"

	"github.com/pcaplint/pcaplint/internal/english"
	"github.com/pcaplint/pcaplint/rules"
)

// TestErrorTextInChinese translates the sentences pcaplint writes about
// inputs, as the parsers word them, and wants no English sentence left
// once the quoted input is taken out; English stays as it is.
func TestErrorTextInChinese(t *testing.T) {
	quoted := regexp.MustCompile(`"([^"\\]|\\.)*"`)
	for _, msg := range []string{
		`in/1.pcap: not a capture or tcpdump text: the input is empty`,
		`in/1.txt: not a capture or tcpdump text: it is text, but its first line "# notes" is not tcpdump output`,
		`in/1.bin: not a capture or tcpdump text: it is binary data starting 45 44 6a 55, not a pcap or pcapng magic number`,
		`in/1.pcap: not a capture or tcpdump text: it is an ELF executable`,
		`in/1.pcap:#3 (offset 204): record claims 4294967280 captured bytes (limit 16777216): corrupt record header`,
		`in/1.pcap:#5 (offset 375): record cut short: 20 of 66 captured bytes`,
		`in/1.pcap: pcap file header cut short: 10 of 24 bytes`,
		`in/1.pcapng:#1 (offset 124): block of type 0x00000006: leading length 364 and trailing length 50412288 differ`,
		`in/1.pcapng:#1 (offset 0): section header has no byte-order magic (found 0x12345678)`,
		`in/1.pcapng:#2 (offset 64): block of type 0x00000006 cut short: 20 of 96 bytes`,
		`in/1.pcapng:#2 (offset 64): packet claims 1500 captured bytes but its block holds 60`,
		`in/1.pcapng:#2 (offset 64): packet names interface 3, but the section describes 1`,
		`in/1.pcap.gz: gzip: the compressed stream ends before its end (file cut short)`,
		`in/1.pcap: link type 32 is not decoded: none of its 4 packets could be checked`,
		`in/1.txt:9: line longer than 65536 bytes, skipped`,
		`in/1.txt:9: line contains binary data, skipped`,
		`in/1.txt:9:20: TCP header length out of range; segment skipped`,
		`in/1.txt:9:1: tcpdump could not decode the packet (truncated-ip - 20 bytes missing!): skipped`,
		`in/1.txt:4:12: expected a number after "seq" in "Flags [.], seq x, ack 1"`,
		`in/1.txt:4:12: expected "]" after the flag letters in "Flags [S"`,
		`in/1.txt:4:12: expected flag letters from "FSRP.UEWe" or "none", found "Q" in "Flags [Q]"`,
		`in/1.txt:4:12: expected "val" after "TS" in "TS x"`,
		`in/1.txt:4:12: expected "left:right" in a SACK block in "sack 1 {x}"`,
		`in/1.txt:4:12: unknown option name "foo" in "[foo]"`,
		`in/1.txt:4:12: expected "SRC > DST" before ": Flags [" in "IP x: Flags [S]"`,
		`in/1.txt:4:30: unknown service name "http-alt" in "10.0.0.1.http-alt"; segment skipped (add it to the services table, or print with -n)`,
		`in/1.txt:6:52: cannot tell yet whether the sequence numbers are relative or absolute (tcpdump -S): read as relative, tcpdump's default, until a connection tells; pass -S (--absolute-input) if the log was printed with -S`,
		`excluded by --exclude *.tmp`,
		`matches no --include pattern`,
		`not a regular file (named pipe)`,
		`broken symbolic link`,
		`abandoned while being read`,
		`in/logs: none of the files found there (3) is a capture or a log (see the skipped files)`,
		`in/1.txt:4:30: expected a port number (0-65535) in "10.0.0.1.99999"`,
	} {
		if got := ErrorText(msg, rules.English); got != msg {
			t.Errorf("English %q became %q", msg, got)
		}
		zh := ErrorText(msg, rules.Chinese)
		if e := english.Sentence(quoted.ReplaceAllString(zh, "")); e != "" {
			t.Errorf("%q: English %q left in %q", msg, e, zh)
		}
	}
}
