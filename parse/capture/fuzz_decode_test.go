package capture

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pcaplint/pcaplint/parse/tcp"
)

// FuzzPcapng feeds arbitrary bytes behind a pcapng section-header magic to
// the reader, so that every mutation exercises the pcapng block parser.
func FuzzPcapng(f *testing.F) {
	for _, name := range []string{"two-interfaces.pcapng", "spb.pcapng", "broken-pcapng-block-length.pcapng"} {
		if b, err := os.ReadFile(filepath.Join(craftDir, name)); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) >= 4 {
			binary.LittleEndian.PutUint32(data, ngSectionHeader)
		}
		readToEnd(t, data)
	})
}

// decodeLinks are the link types FuzzDecode spreads its frames over: every
// one the decoder knows, and one it does not.
var decodeLinks = []linkType{linkNull, linkEthernet, linkRawOld1, linkRawOld2, linkRaw, linkLoop,
	linkLinuxSLL, linkIPv4, linkIPv6, linkLinuxSLL2, 147}

// FuzzDecode feeds one raw frame to the link, IP and TCP decoder under each
// link type. A frame is TCP, another protocol or a malformed packet with a
// reason; the decoder's recover must never be what saved the run.
func FuzzDecode(f *testing.F) {
	f.Add(uint8(1), synthCapture(f, 1, 1)[40:])
	f.Fuzz(func(t *testing.T, link uint8, frame []byte) {
		lt := decodeLinks[int(link)%len(decodeLinks)]
		for _, checksums := range []bool{false, true} {
			d := decoder{checksums: checksums}
			rec := record{Data: frame, OrigLen: len(frame), LinkType: lt, Interface: -1}
			var seg tcp.Segment
			v := d.decode(&rec, &seg)
			switch {
			case v == isMalformed && d.problem == "":
				t.Fatalf("%v: malformed without a reason", lt)
			case v == isMalformed && strings.HasPrefix(d.problem, "decoder failed"):
				t.Fatalf("%v: %s", lt, d.problem)
			case v == isTCP && (!seg.Src.Addr.IsValid() || !seg.Dst.Addr.IsValid()):
				t.Fatalf("%v: TCP segment without addresses: %+v", lt, seg)
			case v == isTCP && seg.PayloadLen > uint32(len(frame))+1<<24:
				t.Fatalf("%v: payload of %d bytes in a frame of %d", lt, seg.PayloadLen, len(frame))
			}
		}
	})
}

// decodeSeeds are the first frames of every crafted capture, each with the
// index of its link type in decodeLinks.
func decodeSeeds(t *testing.T) map[string]string {
	files, _ := filepath.Glob(filepath.Join(craftDir, "*.pcap*"))
	seeds, seen := map[string]string{}, map[string]bool{}
	for _, path := range files {
		data, _ := os.ReadFile(path)
		r, err := NewReader(bytes.NewReader(data), path)
		if err != nil {
			continue
		}
		for i := 0; i < 3; i++ {
			if err := r.records.next(&r.rec); err != nil {
				break
			}
			idx := -1
			for j, l := range decodeLinks {
				if l == r.rec.LinkType {
					idx = j
				}
			}
			if idx < 0 || seen[string(r.rec.Data)] {
				continue
			}
			seen[string(r.rec.Data)] = true
			name := fmt.Sprintf("%s-%d", strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)), i+1)
			seeds[name] = fmt.Sprintf("go test fuzz v1\nuint8(%d)\n[]byte(%q)\n", idx, r.rec.Data)
		}
	}
	return seeds
}

// TestWriteDecodeAndPcapngSeeds refreshes testdata/fuzz/FuzzDecode and
// testdata/fuzz/FuzzPcapng (go test -run WriteDecodeAndPcapngSeeds -seeds).
func TestWriteDecodeAndPcapngSeeds(t *testing.T) {
	if !*writeSeeds {
		t.Skip("run with -seeds to rewrite the seed corpus")
	}
	ng := map[string]string{}
	for _, name := range []string{"two-interfaces.pcapng", "spb.pcapng", "broken-pcapng-block-length.pcapng"} {
		b := mustRead(t, name)
		ng[strings.TrimSuffix(name, ".pcapng")] = fmt.Sprintf("go test fuzz v1\n[]byte(%q)\n", b)
		ng[strings.TrimSuffix(name, ".pcapng")+"-cut"] = fmt.Sprintf("go test fuzz v1\n[]byte(%q)\n", b[:len(b)*2/3])
	}
	if b, err := os.ReadFile("../../testdata/captures/real/ipv6.pcapng"); err == nil {
		ng["real-ipv6"] = fmt.Sprintf("go test fuzz v1\n[]byte(%q)\n", b)
	}
	for target, seeds := range map[string]map[string]string{"FuzzPcapng": ng, "FuzzDecode": decodeSeeds(t)} {
		dir := filepath.Join("testdata", "fuzz", target)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		for name, content := range seeds {
			if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}
