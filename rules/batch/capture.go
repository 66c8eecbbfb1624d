package batch

import (
	"path/filepath"
	"strings"
)

// captureExts are the extensions capture files go by (tcpdump -w,
// dumpcap, Wireshark, Microsoft Network Monitor's .cap).
var captureExts = []string{".pcap", ".pcapng", ".cap", ".ntar"}

// NamedLikeCapture reports whether a file's name says it is a capture:
// one of the extensions captures go by (.pcap, .pcapng, .cap, .ntar), also
// gzip-compressed (.pcap.gz) or with the number tcpdump -C and -G rotation
// appends (.pcap1). Found under a directory, a file that is neither a
// capture nor a log is skipped, unless its name says it is a capture:
// then it is a broken one, and an error.
func NamedLikeCapture(path string) bool {
	name := strings.ToLower(filepath.Base(path))
	name = strings.TrimSuffix(name, ".gz")
	name = strings.TrimRight(name, "0123456789")
	for _, ext := range captureExts {
		if strings.HasSuffix(name, ext) {
			return true
		}
	}
	return false
}
