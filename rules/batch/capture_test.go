package batch

import "testing"

func TestNamedLikeCapture(t *testing.T) {
	for name, want := range map[string]bool{
		"a.pcap": true, "a.PCAPNG": true, "a.cap": true, "a.pcap.gz": true, "a.pcapng.gz": true,
		"dir/run.pcap3": true, "a.ntar": true, "a.txt": false, "a.gz": false, "pcap": false, "a.pcap.txt": false,
	} {
		if got := NamedLikeCapture(name); got != want {
			t.Errorf("NamedLikeCapture(%q) = %v, want %v", name, got, want)
		}
	}
}
