package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
)

const craftDir = "../../testdata/captures/craft"

// Statuses a file of the generated tree is reported with.
const (
	statusOK       = "ok"
	statusFindings = "findings"
	statusFailed   = "failed"
	statusSkipped  = "skipped"
)

// makeTree lays out a capture directory of every kind of file under a
// temporary root, with n small captures, and returns the root and each
// file's expected status by path.
func makeTree(t testing.TB, n int) (string, map[string]string) {
	t.Helper()
	root := t.TempDir()
	want := map[string]string{}
	put := func(rel string, b []byte, status string) {
		p := filepath.Join(root, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		if status != "" {
			want[p] = status
		}
	}
	clean := craft(t, "ethernet.pcap")
	for i := range n {
		put(fmt.Sprintf("bulk/%02d/%04d.pcap", i/100, i), clean, statusOK)
	}
	put("nested/a/b/c/retransmission.pcap", craft(t, "check-retransmission.pcap"), statusFindings)
	put("nested/a/seq-gap.pcap.gz", gzipped(t, craft(t, "check-seq-gap.pcap")), statusFindings)
	put("nested/crlf.txt", bytes.ReplaceAll(craft(t, "check-retransmission.txt"), []byte("\n"), []byte("\r\n")), statusFindings)
	put("broken/truncated.pcap", clean[:len(clean)-10], statusFailed)
	put("broken/random.bin", randomBytes(4096), statusSkipped)
	// Named like captures, so broken ones, not files to skip.
	put("broken/random.pcap.gz", gzipped(t, randomBytes(4096)), statusFailed)
	put("broken/empty.pcap", nil, statusFailed)
	put("notes/README.md", []byte("# captures of the night of the outage\n"), statusSkipped)
	if err := os.Symlink("..", filepath.Join(root, "nested", "a", "loop")); err != nil {
		t.Fatal(err)
	}
	want[filepath.Join(root, "nested", "a", "loop")] = statusSkipped
	return root, want
}

// craft reads one of the crafted test captures.
func craft(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(craftDir, name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func gzipped(t testing.TB, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// randomBytes are reproducible noise that starts with no known magic.
func randomBytes(n int) []byte {
	r := rand.New(rand.NewPCG(1, 2))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	b[0] = 0x42
	return b
}
