package tcpdump

import (
	"testing"

	"github.com/pcaplint/pcaplint/parse/tcp"
)

// TestChecksumOffloadIsNotBad reads tcpdump -v lines whose "incorrect"
// checksum is the pseudo-header sum that offload leaves (from the real
// loopback capture), and one that is really wrong.
func TestChecksumOffloadIsNotBad(t *testing.T) {
	cases := []struct {
		name string
		text string
		want tcp.Checksum
	}{
		{"offloaded IPv4 SYN", "21:06:06.478460 IP (tos 0x0, ttl 64, id 55721, offset 0, flags [DF], proto TCP (6), length 60)\n" +
			"    127.0.0.1.56198 > 127.0.0.1.9502: Flags [S], cksum 0xfe30 (incorrect -> 0xc494), seq 1495086031, win 65495, options [mss 65495,sackOK,TS val 1861062379 ecr 0,nop,wscale 10], length 0\n",
			tcp.ChecksumUnknown},
		{"really wrong", "21:06:06.478460 IP (tos 0x0, ttl 64, id 55721, offset 0, flags [DF], proto TCP (6), length 60)\n" +
			"    127.0.0.1.56198 > 127.0.0.1.9502: Flags [S], cksum 0x1234 (incorrect -> 0xc494), seq 1495086031, win 65495, options [mss 65495,sackOK,TS val 1861062379 ecr 0,nop,wscale 10], length 0\n",
			tcp.ChecksumBadTCP},
		{"correct", "21:06:07.079222 IP (tos 0x0, ttl 64, id 0, offset 0, flags [DF], proto TCP (6), length 52)\n" +
			"    127.0.0.1.9502 > 127.0.0.1.56198: Flags [.], cksum 0xcd25 (correct), seq 20, ack 9, win 64, options [nop,nop,TS val 3442008241 ecr 1861062979], length 0\n",
			tcp.ChecksumGood},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			segs, _, err := readAll(c.text, Options{Absolute: true})
			if err != nil || len(segs) != 1 {
				t.Fatalf("got %d segments, err %v", len(segs), err)
			}
			if segs[0].Checksum != c.want {
				t.Errorf("checksum verdict %d, want %d", segs[0].Checksum, c.want)
			}
		})
	}
}
