package tcpdump

import (
	"fmt"
	"io"
	"net/netip"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/pcaplint/pcaplint/parse/tcp"
)

// Lines below are verbatim from tcpdump's own test suite (the tests/*.out
// files of its sources), unless a comment says they were completed where
// only an abbreviated line ("…") was at hand. docs/design/tcpdump-text.md
// describes the forms they exercise.

func utc(s string) time.Time {
	t, err := time.Parse("2006-01-02 15:04:05.999999999", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestTimestampForms(t *testing.T) {
	const tail = " IP 131.155.215.69.46656 > 137.116.81.94.80: tcp 0\n"
	date := time.Date(2014, 12, 9, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		text string
		want []time.Time // nil entries: no time
	}{
		{"default form is the time of day on Options.Date",
			"    1  17:16:09.924505" + tail, []time.Time{utc("2014-12-09 17:16:09.924505")}},
		{"-t prints no time",
			"    1 " + tail, []time.Time{{}}},
		{"-tt is the Unix epoch",
			"    1  1418145369.924505" + tail, []time.Time{utc("2014-12-09 17:16:09.924505")}},
		{"-tttt is date and time",
			"    1  2014-12-09 17:16:09.924505" + tail, []time.Time{utc("2014-12-09 17:16:09.924505")}},
		{"--nano prints nine digits",
			"    1  17:16:09.924505488" + tail + "    2  1418145369.924505488" + tail,
			[]time.Time{utc("2014-12-09 17:16:09.924505488"), utc("2014-12-09 17:16:09.924505488")}},
		{"-ttttt counts from the first packet",
			"    1   00:00:00.000000" + tail + "    2   00:00:00.127522" + tail + "    3   00:00:00.127610" + tail,
			[]time.Time{utc("2014-12-09 00:00:00"), utc("2014-12-09 00:00:00.127522"), utc("2014-12-09 00:00:00.127610")}},
		{"-ttt counts from the previous packet once a gap shrinks",
			"    1   00:00:00.000000" + tail + "    2   00:00:00.127522" + tail + "    3   00:00:00.000088" + tail + "    4   00:00:01.000000" + tail,
			[]time.Time{utc("2014-12-09 00:00:00"), utc("2014-12-09 00:00:00.127522"), utc("2014-12-09 00:00:00.127610"), utc("2014-12-09 00:00:01.127610")}},
		{"negative deltas have a minus sign (read as -ttttt: before the first packet)",
			" 00:00:01.000000" + tail + "-00:00:00.500000" + tail,
			[]time.Time{utc("2014-12-09 00:00:01"), utc("2014-12-08 23:59:59.5")}},
		{"invalid microseconds count past a second",
			"    2  17:16:10.1000000 (invalid us)" + tail + "    3  17:16:10.2147483648 (invalid us)" + tail,
			[]time.Time{utc("2014-12-09 17:16:11"), utc("2014-12-09 17:16:10").Add(2147483648 * time.Microsecond)}},
		{"invalid nanoseconds",
			"    1  17:16:10.1000000000 (invalid ns)" + tail, []time.Time{utc("2014-12-09 17:16:11")}},
		{"the default form crosses midnight forward",
			"23:59:59.900000" + tail + "00:00:00.100000" + tail + "23:59:59.999999" + tail,
			[]time.Time{utc("2014-12-09 23:59:59.9"), utc("2014-12-10 00:00:00.1"), utc("2014-12-09 23:59:59.999999")}},
		{"an overflowed timestamp has no time",
			"[timestamp overflow]" + tail, []time.Time{{}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			segs, _ := mustRead(t, tt.text, Options{Date: date})
			if len(segs) != len(tt.want) {
				t.Fatalf("got %d segments, want %d", len(segs), len(tt.want))
			}
			for i, w := range tt.want {
				got := segs[i]
				if w.IsZero() {
					if got.Has(tcp.KnownTime) || !got.Time.IsZero() {
						t.Errorf("segment %d: time %v, want none", i, got.Time)
					}
					continue
				}
				if !got.Has(tcp.KnownTime) || !got.Time.Equal(w) {
					t.Errorf("segment %d: time %v, want %v", i, got.Time, w)
				}
			}
		})
	}
}

func TestDefaultDateAndLocation(t *testing.T) {
	loc := time.FixedZone("UTC+2", 2*3600)
	segs, _ := mustRead(t, "17:16:09.924505 IP 1.2.3.4.5 > 5.6.7.8.9: tcp 0\n2014-12-09 17:16:09.000001 IP 1.2.3.4.5 > 5.6.7.8.9: tcp 0\n", Options{Location: loc})
	if want := time.Date(1970, 1, 1, 17, 16, 9, 924505000, loc); !segs[0].Time.Equal(want) {
		t.Errorf("time of day without a date: %v, want %v", segs[0].Time, want)
	}
	if want := time.Date(2014, 12, 9, 17, 16, 9, 1000, loc); !segs[1].Time.Equal(want) {
		t.Errorf("-tttt in a zone: %v, want %v", segs[1].Time, want)
	}
}

func TestEndpoints(t *testing.T) {
	tests := []struct {
		name     string
		src, dst string
		want     [2]tcp.Endpoint
	}{
		{"IPv4", "127.0.0.1.55920", "127.0.0.1.80",
			[2]tcp.Endpoint{{Addr: netip.MustParseAddr("127.0.0.1"), Port: 55920}, {Addr: netip.MustParseAddr("127.0.0.1"), Port: 80}}},
		{"IPv6", "2a02:abc::17.37754", "2a02:abc::123.179",
			[2]tcp.Endpoint{{Addr: netip.MustParseAddr("2a02:abc::17"), Port: 37754}, {Addr: netip.MustParseAddr("2a02:abc::123"), Port: 179}}},
		{"IPv4-mapped IPv6", "::ffff:1.2.3.4.80", "fe80::1.443",
			[2]tcp.Endpoint{{Addr: netip.MustParseAddr("::ffff:1.2.3.4"), Port: 80}, {Addr: netip.MustParseAddr("fe80::1"), Port: 443}}},
		{"host and service names", "rtsg.1023", "csam.login",
			[2]tcp.Endpoint{{Name: "rtsg", Port: 1023}, {Name: "csam", Port: 513}}},
		{"dotted host names split at the last dot", "host.example.com.ssh", "10.0.0.2.53422",
			[2]tcp.Endpoint{{Name: "host.example.com", Port: 22}, {Addr: netip.MustParseAddr("10.0.0.2"), Port: 53422}}},
		{"other platforms' service names", "localhost.http-alt", "localhost.webcache",
			[2]tcp.Endpoint{{Name: "localhost", Port: 8080}, {Name: "localhost", Port: 8080}}},
		{"a host named like an address prefix", "1.2.3.4.example.com.https", "10.1.2.3.ms-wbt-server",
			[2]tcp.Endpoint{{Name: "1.2.3.4.example.com", Port: 443}, {Addr: netip.MustParseAddr("10.1.2.3"), Port: 3389}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := "IP " + tt.src + " > " + tt.dst + ": Flags [S], seq 1, win 2, length 0\n"
			segs, _ := mustRead(t, text, Options{})
			if len(segs) != 1 {
				t.Fatalf("got %d segments", len(segs))
			}
			if segs[0].Src != tt.want[0] || segs[0].Dst != tt.want[1] {
				t.Errorf("got %v > %v, want %v > %v", segs[0].Src, segs[0].Dst, tt.want[0], tt.want[1])
			}
		})
	}
}

func TestUnknownServiceIsAWarning(t *testing.T) {
	text := "IP a.example.no-such-service > b.80: Flags [S], seq 1, win 2, length 0\nIP a.1 > b.80: Flags [S], seq 1, win 2, length 0\n"
	segs, st, err := readAll(text, Options{Strict: true})
	if err != nil {
		t.Fatalf("an unknown service name must not be fatal: %v", err)
	}
	if len(segs) != 1 || len(st.Problems) != 1 || !strings.Contains(st.Problems[0].Msg, `unknown service name "no-such-service"`) {
		t.Errorf("got %d segments and problems %v", len(segs), st.Problems)
	}
	if got := st.Problems[0].Pos.String(); got != "test.txt:1:4" {
		t.Errorf("position %s, want test.txt:1:4", got)
	}
}

func TestVerboseForms(t *testing.T) {
	t.Run("IPv4 -v puts the TCP part on a 4-space line (dns_tcp-v.out)", func(t *testing.T) {
		segs, _ := mustRead(t, `    1  2020-06-10 09:21:03.720289 IP (tos 0x0, ttl 64, id 39720, offset 0, flags [DF], proto TCP (6), length 60)
    192.168.1.11.33779 > 209.87.249.18.53: Flags [S], cksum 0x0c41 (correct), seq 603899916, win 64240, options [mss 1460,sackOK,TS val 2044906138 ecr 0,nop,wscale 7], length 0
`, Options{})
		s := one(t, segs)
		if s.TTL != 64 || s.IPID != 39720 || s.Checksum != tcp.ChecksumGood || !s.Has(tcp.KnownChecksum) {
			t.Errorf("ttl %d id %d checksum %d known %b", s.TTL, s.IPID, s.Checksum, s.Known)
		}
		if s.Seq != 603899916 || s.Options.MSS != 1460 || s.Options.WScale != 7 || s.Options.TSVal != 2044906138 {
			t.Errorf("seq %d options %+v", s.Seq, s.Options)
		}
		if !s.Time.Equal(utc("2020-06-10 09:21:03.720289")) {
			t.Errorf("time %v", s.Time)
		}
	})
	t.Run("a bad IP checksum and options cut by the capture (heapoverflow-tcp_print.out)", func(t *testing.T) {
		segs, st := mustRead(t, `    1  1995-08-15 05:27:12.999999 IP (tos 0x30, ttl 48, id 12336, offset 0, flags [DF], proto TCP (6), length 12336, bad cksum 3030 (->29a8)!)
    48.48.48.48.12336 > 48.48.48.48.12336: Flags [.Ue], seq 808464432:808476688, ack 808464432, win 12336, urg 12336, options [unknown-48 0x3030303030303030 [|tcp]
`, Options{})
		s := one(t, segs)
		if s.Checksum != tcp.ChecksumBadIP || !s.Truncated || st.Truncated != 1 {
			t.Errorf("checksum %d truncated %v", s.Checksum, s.Truncated)
		}
		if s.Flags != tcp.ACK|tcp.URG|tcp.AE || s.Urgent != 12336 || s.PayloadLen != 12256 {
			t.Errorf("flags %v urg %d len %d", s.Flags, s.Urgent, s.PayloadLen)
		}
		if s.Has(tcp.KnownOptions) {
			t.Errorf("options cut by the capture are not known")
		}
	})
	t.Run("IPv6 -v stays on one line (gso-ipv6.out)", func(t *testing.T) {
		segs, _ := mustRead(t, `    1  2025-10-03 16:27:33.363746 IP6 (flowlabel 0x6e481, hlim 61, next-header TCP (6), payload length 7172) 2604:1380:4091:ce00::b.36539 > 2604:1380:4091:ce00::d.45393: Flags [P.], cksum 0xac4e (incorrect -> 0xd25e), seq 1110639583:1110646723, ack 3034762532, win 169, options [nop,nop,TS val 3655207884 ecr 3954243053], length 7140
`, Options{})
		s := one(t, segs)
		// 0xac4e is the pseudo-header sum a GSO sender leaves for the NIC:
		// offload, not a bad checksum.
		if s.TTL != 61 || s.Checksum != tcp.ChecksumUnknown || s.PayloadLen != 7140 || s.Seq != 1110639583 || s.Ack != 3034762532 {
			t.Errorf("hlim %d checksum %d len %d seq %d ack %d", s.TTL, s.Checksum, s.PayloadLen, s.Seq, s.Ack)
		}
	})
	t.Run("IPv6 extension headers print ports only (bigtcp-ipv6-hbh.out)", func(t *testing.T) {
		segs, _ := mustRead(t, `    1  2025-10-06 14:13:27.172200 IP6 (flowlabel 0xa31ee, hlim 64, next-header HBH (0), payload length 0) 2604:1380:4091:ce00::d > 2604:1380:4091:ce00::b: HBH (jumbo: 80040)  41851 > 43913: Flags [P.], cksum 0xc8eb (incorrect -> 0x3146), seq 592820498:592900498, ack 2512896041, win 2128, options [nop,nop,TS val 1186840160 ecr 4237097528], length 80000
`, Options{})
		s := one(t, segs)
		want := tcp.Endpoint{Addr: netip.MustParseAddr("2604:1380:4091:ce00::d"), Port: 41851}
		if s.Src != want || s.Dst.Port != 43913 || s.Tunnel != tcp.TunnelNone || s.PayloadLen != 80000 {
			t.Errorf("src %v dst %v tunnel %v len %d", s.Src, s.Dst, s.Tunnel, s.PayloadLen)
		}
	})
	t.Run("-vv seq on a pure ACK and a bogus ack note (geneve-gcp.out)", func(t *testing.T) {
		// The outer lines are made up; the inner two are verbatim.
		segs, _ := mustRead(t, `    1  2020-01-01 00:00:00.000000 IP (tos 0x0, ttl 64, id 1, offset 0, flags [none], proto UDP (17), length 90)
    10.0.0.1.1000 > 10.0.0.2.6081: Geneve, Flags [none], vni 0x1
	IP (tos 0x0, ttl 64, id 55620, offset 0, flags [none], proto TCP (6), length 40)
    192.168.100.2.2905 > 192.168.100.1.8080: Flags [none], cksum 0xf547 (correct), seq 760929856, [ack 2028584922 != 0 while ACK flag not set], win 512, length 0
`, Options{})
		s := one(t, segs)
		if s.Flags != 0 || s.Seq != 760929856 || !s.Has(tcp.KnownSeq) || s.Has(tcp.KnownAck) || s.Window != 512 {
			t.Errorf("flags %v seq %d known %b win %d", s.Flags, s.Seq, s.Known, s.Window)
		}
		if s.Tunnel != tcp.TunnelGeneve || s.IPID != 55620 || s.OuterSrc.Addr != netip.MustParseAddr("10.0.0.1") || s.OuterSrc.Port != 0 {
			t.Errorf("tunnel %v id %d outer %v", s.Tunnel, s.IPID, s.OuterSrc)
		}
	})
}

func TestLinkPrefixes(t *testing.T) {
	t.Run("Ethernet -e -v (bgp-as-path-oobr-nossl.out)", func(t *testing.T) {
		segs, _ := mustRead(t, `    1  1970-01-01 00:00:00.000000 00:18:74:2e:00:00 > 00:19:07:a8:fc:00, ethertype IPv4 (0x0800), length 1295: (tos 0xc0, ttl 254, id 696, offset 0, flags [none], proto TCP (6), length 1281)
    172.17.0.0.179 > 172.17.0.3.50651: Flags [.], cksum 0x1edf (incorrect -> 0x45d1), seq 2419279130:2419280347, ack 1593006533, win 31761, options [md5 shared secret not supplied with -M, can't check - e751e2ba0a9a57c4b1914eaaa1abbd79,eol], length 1217: BGP
`, Options{})
		s := one(t, segs)
		if s.Options.Has != tcp.OptMD5|tcp.OptEOL || s.PayloadLen != 1217 || s.TTL != 254 || s.Checksum != tcp.ChecksumBadTCP {
			t.Errorf("options %b len %d ttl %d checksum %d", s.Options.Has, s.PayloadLen, s.TTL, s.Checksum)
		}
	})
	t.Run("IPoIB -e (ipoib-e.out)", func(t *testing.T) {
		segs, _ := mustRead(t, `    9  2019-04-18 16:32:45.050083 IPOIB, ethertype IPv4 (0x0800), length 104: 192.168.56.10.34170 > 192.168.56.24.22: Flags [SEW], seq 798232822, win 32983, options [mss 65480,sackOK,TS val 62202209 ecr 0,nop,wscale 8], length 0
`, Options{})
		if s := one(t, segs); s.Flags != tcp.SYN|tcp.ECE|tcp.CWR || s.Dst.Port != 22 {
			t.Errorf("flags %v dst %v", s.Flags, s.Dst)
		}
	})
	t.Run("-i any interface and direction", func(t *testing.T) {
		segs, _ := mustRead(t, `09:10:00.316158 lo    In  IP 127.0.0.1.40474 > 127.0.0.1.40500: Flags [S], seq 1056546511, win 65495, options [mss 65495,sackOK,TS val 59630315 ecr 0,nop,wscale 7], length 0
09:10:00.316159 enp2s0 Out IP 10.0.0.1.1 > 10.0.0.2.2: tcp 0
09:10:00.316160 lo    In  IP 127.0.0.1.40474 > 127.0.0.1.40500: tcp 0
09:10:00.316161 eth0  B   IP 10.0.0.1.1 > 10.0.0.2.2: tcp 0
`, Options{})
		want := []struct {
			iface int32
			dir   tcp.Direction
		}{{1, tcp.DirIn}, {2, tcp.DirOut}, {1, tcp.DirIn}, {3, tcp.DirBroadcast}}
		for i, w := range want {
			if segs[i].Interface != w.iface || segs[i].Dir != w.dir {
				t.Errorf("segment %d: interface %d dir %d, want %d %d", i, segs[i].Interface, segs[i].Dir, w.iface, w.dir)
			}
		}
	})
	t.Run("SLL2 -e ifindex wins", func(t *testing.T) {
		segs, _ := mustRead(t, `    1  21:06:06.478460 tun0  Out ifindex 7 ethertype IPv4 (0x0800), length 100: 10.8.0.2.5000 > 10.8.0.1.80: Flags [S], seq 1, win 2, length 0
`, Options{})
		if s := one(t, segs); s.Interface != 7 || s.Dir != tcp.DirOut {
			t.Errorf("interface %d dir %d", s.Interface, s.Dir)
		}
	})
	t.Run("SLL1 -e direction", func(t *testing.T) {
		segs, _ := mustRead(t, `    1  2007-04-24 21:08:39.847328 Out 00:16:3e:27:78:a2 ethertype IPv4 (0x0800), length 60: 10.8.0.2.5000 > 10.8.0.1.80: Flags [S], seq 1, win 2, length 0
    2  2007-04-24 21:08:39.847329  In 00:16:3e:27:78:a2 ethertype IPv4 (0x0800), length 60: 10.8.0.1.80 > 10.8.0.2.5000: Flags [R.], seq 0, ack 2, win 0, length 0
`, Options{})
		if len(segs) != 2 || segs[0].Dir != tcp.DirOut || segs[1].Dir != tcp.DirIn || segs[0].Interface != -1 {
			t.Errorf("got %+v", segs)
		}
	})
}

func one(t *testing.T, segs []tcp.Segment) tcp.Segment {
	t.Helper()
	if len(segs) != 1 {
		t.Fatalf("got %d segments, want 1", len(segs))
	}
	return segs[0]
}

func TestOptions(t *testing.T) {
	tests := []struct {
		name    string
		options string // the text between "options [" and the end of the line
		check   func(o tcp.Options) bool
	}{
		{"the common SYN set", "mss 16396,sackOK,TS val 1306300950 ecr 0,nop,wscale 2], length 0",
			func(o tcp.Options) bool {
				return o.Has == tcp.OptMSS|tcp.OptSACKPermitted|tcp.OptTimestamp|tcp.OptNOP|tcp.OptWScale && o.MSS == 16396 && o.WScale == 2 && o.TSVal == 1306300950
			}},
		{"SACK blocks", "nop,nop,sack 2 {100:200}{300:400}], length 0",
			func(o tcp.Options) bool {
				return o.NumSACK == 2 && o.SACK[1] == tcp.SACKBlock{Left: 300, Right: 400}
			}},
		{"an invalid SACK", "sack invalid sack], length 0",
			func(o tcp.Options) bool { return o.Has == tcp.OptSACK|tcp.OptMalformed }},
		{"MPTCP with brackets and braces", "mss 1460,sackOK,TS val 1 ecr 0,nop,wscale 7,mptcp 12 capable v1 flags [H] {0x29a6c86981ad933c}], length 0",
			func(o tcp.Options) bool { return o.Has&tcp.OptMPTCP != 0 && o.WScale == 7 }},
		{"MPTCP text with addresses", "nop,nop,mptcp 16 add-addr v1 id 1 10.0.2.1 hmac 0xf8295862f645df19], length 0",
			func(o tcp.Options) bool { return o.Has == tcp.OptNOP|tcp.OptMPTCP }},
		{"TFO cookie", "mss 1460,tfo cookie 090909090000], length 0",
			func(o tcp.Options) bool { return o.Has&tcp.OptTFO != 0 && o.TFOCookieLen == 6 }},
		{"experimental TFO (tfo.out)", "exp-tfo cookie 090909090000], length 4",
			func(o tcp.Options) bool { return o.Has == tcp.OptTFO && o.TFOCookieLen == 6 }},
		{"TFO cookie request", "tfo cookiereq], length 0",
			func(o tcp.Options) bool { return o.Has == tcp.OptTFO && o.TFOCookieLen == 0 }},
		{"tcpdump 4.99's TFO, two spaces after the name", "wscale 7,tfo  cookie c00c1e5a11223344,eol], length 7",
			func(o tcp.Options) bool { return o.Has == tcp.OptWScale|tcp.OptTFO|tcp.OptEOL && o.TFOCookieLen == 8 }},
		{"tcpdump 4.99's TFO cookie request", "tfo  cookiereq,eol], length 0",
			func(o tcp.Options) bool { return o.Has == tcp.OptTFO|tcp.OptEOL && o.TFOCookieLen == 0 }},
		{"an RFC 6994 experiment", "exp-acc0], length 0",
			func(o tcp.Options) bool { return o.NumUnknown == 1 && o.Unknown[0].Kind == 254 }},
		{"unknown kinds with and without data", "unknown-161,unknown-48 0x3030303030303030], length 0",
			func(o tcp.Options) bool {
				return o.NumUnknown == 2 && o.Unknown[0] == tcp.UnknownOption{Kind: 161, Len: 2} && o.Unknown[1] == tcp.UnknownOption{Kind: 48, Len: 10}
			}},
		{"a length that disagrees", "mss 1460[len 5]], length 0",
			func(o tcp.Options) bool { return o.Has == tcp.OptMSS|tcp.OptMalformed && o.MSS == 1460 }},
		{"a bad option after a comma", "nop,[bad opt]",
			func(o tcp.Options) bool { return o.Has == tcp.OptNOP|tcp.OptMalformed }},
		{"a bad option after a name (scps_invalid.out)", "mss 1452,nop,wscale 2,nop,nop,scps[bad opt]]",
			func(o tcp.Options) bool { return o.Has&tcp.OptMalformed != 0 && o.Unknown[0].Kind == 20 }},
		{"a bad MPTCP option (mptcp-dss-oobr.out)", "mss 16396,sackOK,TS val 597120308 ecr 0,mptcp 3 dss[bad opt]]",
			func(o tcp.Options) bool {
				return o.Has&(tcp.OptMalformed|tcp.OptMPTCP) == tcp.OptMalformed|tcp.OptMPTCP
			}},
		{"md5 and tcp-ao and uto", "md5 valid,tcp-ao keyid 1 rnextkeyid 2,uto 0x8000 60,echo 5,eol], length 0",
			func(o tcp.Options) bool {
				return o.Has == tcp.OptMD5|tcp.OptAO|tcp.OptUserTimeout|tcp.OptUnknown|tcp.OptEOL && o.Unknown[0].Kind == 6
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := "IP 10.0.0.1.1 > 10.0.0.2.2: Flags [S], seq 5, win 6, options [" + tt.options + "\n"
			segs, _ := mustRead(t, text, Options{})
			s := one(t, segs)
			if !tt.check(s.Options) {
				t.Errorf("options %+v", s.Options)
			}
			if !s.Has(tcp.KnownOptions) {
				t.Errorf("options not known")
			}
		})
	}
}

func TestQuietAndTruncated(t *testing.T) {
	segs, st := mustRead(t, `12:00:00.000000 lo    In  IP 127.0.0.1.40892 > 127.0.0.1.8080: tcp 78
12:00:00.000001 IP 10.0.0.1.1 > 10.0.0.2.2:  [|tcp]
12:00:00.000002 IP 10.0.0.1.1 > 10.0.0.2.2: Flags [R.], seq 2, ack 2, win 0, length 58 [|tcp]
12:00:00.000003 IP 10.0.0.1.1 > 10.0.0.2.2: Flags [P.], seq 1:203, ack 1, win 8192, length 202: HTTP: GET / HTTP/1.1
`, Options{})
	if len(segs) != 4 {
		t.Fatalf("got %d segments", len(segs))
	}
	if q := segs[0]; q.PayloadLen != 78 || q.Known != tcp.KnownTime {
		t.Errorf("-q: len %d known %b, want 78 and only the time", q.PayloadLen, q.Known)
	}
	if !segs[1].Truncated || segs[1].Has(tcp.KnownFlags) || !segs[2].Truncated || segs[2].PayloadLen != 58 || st.Truncated != 2 {
		t.Errorf("truncation not marked: %+v", segs[1:3])
	}
	if segs[3].PayloadLen != 202 {
		t.Errorf("application suffix: len %d", segs[3].PayloadLen)
	}
}

func TestOtherRecordsAreCounted(t *testing.T) {
	text := `reading from file dump.pcap, link-type EN10MB (Ethernet), snapshot length 262144
tcpdump: verbose output suppressed, use -v[v]... for full protocol decode
Warning: interface names might be incorrect
    1  2013-02-25 15:40:42.767916 ARP, Request who-has 10.2.1.2 tell 10.2.1.1, length 28
    2  2013-02-25 15:40:42.767917 IP 192.168.1.249.138 > 192.168.1.255.138: UDP, length 179
    3  2013-02-25 15:40:42.767918 IP 10.0.0.1.37018 > 10.0.0.2.53: 4660+ A? example.com. (29)
    4  2013-02-25 15:40:42.767919 IP 10.0.0.1 > 10.0.0.2: ICMP echo request, id 6495, seq 0, length 64
    5  2013-02-25 15:40:42.767920 IP6 fe80::1 > ff02::1:ff00:2: ICMP6, neighbor solicitation, who has fe80::2, length 32
  126  1999-11-11 21:47:31.873045 IP (tos 0x0, ttl 254, id 573, offset 1480, flags [+, DF], proto TCP (6), length 1500)
    131.151.1.146 > 131.151.32.21: ip-proto-6
    7  2013-02-25 15:40:42.767921 IP 10.0.0.1 > 224.0.0.5: OSPFv2, Hello, length 44
    8  2013-02-25 15:40:42.767922 00:01:02:03:04:05 > 00:01:02:03:04:06, ethertype Unknown (0x9000), length 60:
	0x0000:  0000 0000 0000 0000 0000 0000 0000 0000  ................
    9  2013-02-25 15:40:42.767923 IP 62.220.31.247 > 62.225.245.115: ICMP 62.220.31.247 tcp port 80 unreachable, length 36
	IP (tos 0x0, ttl 64, id 2, offset 0, flags [DF], proto TCP (6), length 60)
    62.225.245.115.1234 > 62.220.31.247.80: [|tcp]
   10  2013-02-25 15:40:42.767924 IP 20.0.0.2.43443 > 20.0.0.1.6081: Geneve, Flags [none], vni 0xb: IP 30.0.0.1 > 30.0.0.2: ICMP echo reply, id 1, seq 1, length 64

3 packets captured
5 packets received by filter
0 packets dropped by kernel
1 packet dropped by interface
`
	segs, st := mustRead(t, text, Options{})
	if len(segs) != 0 {
		t.Errorf("got %d segments from packets without TCP", len(segs))
	}
	want := tcp.Stats{Records: 10, Lines: 22, ARP: 1, UDP: 2, ICMP: 4, Fragments: 1, OtherIP: 1, OtherLink: 1, Other: 8, DropReports: 1}
	got := *st
	got.Problems = nil
	if !reflect.DeepEqual(got, want) {
		t.Errorf("stats\n got %+v\nwant %+v", got, want)
	}
}

func TestTunnels(t *testing.T) {
	segs, _ := mustRead(t, `    1  2025-10-03 16:29:04.300378 IP (tos 0x0, ttl 61, id 2594, offset 0, flags [none], proto UDP (17), length 4256)
    10.25.132.11.15130 > 10.25.132.13.6081: Geneve, Flags [none], vni 0x1389
	IP6 (flowlabel 0x4cb3f, hlim 64, next-header TCP (6), payload length 4166) fd00::2.34235 > fd00::1.37399: Flags [.], cksum 0x0a51 (incorrect -> 0xeedb), seq 1812075153:1812079287, ack 1385650056, win 169, options [nop,nop,TS val 1498300631 ecr 4005306590], length 4134
    2  2025-10-03 16:29:04.300379 IP 20.0.0.2.43443 > 20.0.0.1.6081: Geneve, Flags [none], vni 0xb: IP 30.0.0.2.51225 > 30.0.0.1.22: Flags [S], seq 397610159, win 29200, length 0
    3  2025-10-03 16:29:04.300380 IP 10.0.0.1 > 10.0.0.2: IP 192.168.0.1.1234 > 192.168.0.2.80: Flags [S], seq 1, win 2, length 0
    4  2025-10-03 16:29:04.300381 IP 10.0.0.1 > 10.0.0.2: GREv0, length 52: IP 192.168.0.1.1234 > 192.168.0.2.80: Flags [S], seq 1, win 2, length 0
    5  2025-10-03 16:29:04.300382 IP 10.0.0.1.1 > 10.0.0.2.4789: VXLAN, flags [I] (0x08), vni 100
IP 192.168.0.1.1234 > 192.168.0.2.80: Flags [S], seq 1, win 2, length 0
`, Options{})
	want := []tcp.Tunnel{tcp.TunnelGeneve, tcp.TunnelGeneve, tcp.TunnelIPinIP, tcp.TunnelGRE, tcp.TunnelVXLAN}
	if len(segs) != len(want) {
		t.Fatalf("got %d segments", len(segs))
	}
	for i, w := range want {
		if segs[i].Tunnel != w {
			t.Errorf("segment %d: tunnel %v, want %v", i, segs[i].Tunnel, w)
		}
	}
	if s := segs[0]; s.Src.Port != 34235 || s.PayloadLen != 4134 || s.TTL != 64 || s.OuterDst.Addr != netip.MustParseAddr("10.25.132.13") {
		t.Errorf("Geneve over IPv4 -v: %+v", s)
	}
	if s := segs[2]; s.OuterSrc.Addr != netip.MustParseAddr("10.0.0.1") || s.Src.Port != 1234 {
		t.Errorf("IP-in-IP: %+v", s)
	}
}

func TestHexDumps(t *testing.T) {
	// print-x.out and print-xx.out, the same packet.
	x := `    1  2005-07-06 03:57:35.938066 IP 127.0.0.1.55920 > 127.0.0.1.80: Flags [S], seq 928549246, win 32767, options [mss 16396,sackOK,TS val 1306300950 ecr 0,nop,wscale 2], length 0
	0x0000:  4500 003c 1b68 4000 4006 2152 7f00 0001
	0x0010:  7f00 0001 da70 0050 3758 897e 0000 0000
	0x0020:  a002 7fff 1421 0000 0204 400c 0402 080a
	0x0030:  4ddc 9216 0000 0000 0103 0302
`
	xx := `reading from file print-x.pcap, link-type EN10MB (Ethernet), snapshot length 262144
    1  2005-07-06 03:57:35.938066 IP 127.0.0.1.55920 > 127.0.0.1.80: Flags [S], seq 928549246, win 32767, options [mss 16396,sackOK,TS val 1306300950 ecr 0,nop,wscale 2], length 0
	0x0000:  0000 0000 0000 0000 0000 0000 0800 4500
	0x0010:  003c 1b68 4000 4006 2152 7f00 0001 7f00
	0x0020:  0001 da70 0050 3758 897e 0000 0000 a002
	0x0030:  7fff 1421 0000 0204 400c 0402 080a 4ddc
	0x0040:  9216 0000 0000 0103 0302
`
	capX := `    1  2005-07-06 03:57:35.938066 IP 127.0.0.1.55920 > 127.0.0.1.80: Flags [S], seq 1, win 1, length 0
	0x0000:  4500 003c 1b68 4000 4006 2152 7f00 0001  E..<.h@.@.!R....
	0x0010:  7f00 0001 da70 0050 3758 897e 0000 0000  .....p.P7X.~....
	0x0020:  a002 7fff 1421 0000 0204 400c 0402 080a  .....!....@.....
	0x0030:  4ddc 9216 0000 0000 0103 0302            M...........
`
	for name, text := range map[string]string{"-x": x, "-xx with the banner": xx, "-xx guessed": xx[strings.Index(xx, "\n")+1:], "-X, whose bytes win over the text": capX} {
		t.Run(name, func(t *testing.T) {
			segs, _ := mustRead(t, text, Options{})
			s := one(t, segs)
			if s.Seq != 928549246 || s.Window != 32767 || s.Options.MSS != 16396 || s.Options.TSVal != 1306300950 || s.IPID != 0x1b68 || s.TTL != 64 {
				t.Errorf("decoded %+v", s)
			}
		})
	}
}

func TestRelativeNumbers(t *testing.T) {
	t.Run("a capture that starts mid-connection (dns_tcp-skip-3.out)", func(t *testing.T) {
		// Completed where only an abbreviated line was at hand; the numbers are as tcpdump printed them.
		segs, _ := mustRead(t, `    4  2020-06-10 09:21:03.8 IP 192.168.1.11.33779 > 209.87.249.18.53: Flags [P.], seq 603899917:603899975, ack 2043824404, win 502, length 58
    5  2020-06-10 09:21:03.9 IP 209.87.249.18.53 > 192.168.1.11.33779: Flags [.], ack 58, win 65535, length 0
    6  2020-06-10 09:21:04.0 IP 209.87.249.18.53 > 192.168.1.11.33779: Flags [P.], seq 1:227, ack 58, win 65535, length 226
`, Options{})
		if segs[1].Ack != 603899975 || segs[2].Seq != 2043824404 || segs[2].Ack != 603899975 || segs[2].End() != 2043824404+226 {
			t.Errorf("got ack %d, seq %d ack %d", segs[1].Ack, segs[2].Seq, segs[2].Ack)
		}
		if segs[1].Has(tcp.KnownSeq) {
			t.Errorf("a pure ACK without -vv has no seq")
		}
	})
	t.Run("SACK edges follow the ack base, already relative on the creating line", func(t *testing.T) {
		segs, _ := mustRead(t, `IP 10.0.0.1.1000 > 10.0.0.2.80: Flags [.], ack 5000, win 10, options [sack 1 {10:20}], length 0
IP 10.0.0.1.1000 > 10.0.0.2.80: Flags [.], ack 1, win 10, options [sack 1 {30:40}], length 0
IP 10.0.0.1.1000 > 10.0.0.2.80: Flags [R], seq 77, win 10, options [sack 1 {50:60}], length 0
`, Options{})
		want := []tcp.SACKBlock{{Left: 5009, Right: 5019}, {Left: 5029, Right: 5039}, {Left: 50, Right: 60}}
		for i, w := range want {
			if segs[i].Options.SACK[0] != w {
				t.Errorf("segment %d: SACK %v, want %v", i, segs[i].Options.SACK[0], w)
			}
		}
		if segs[0].Has(tcp.KnownSeq) || segs[1].Has(tcp.KnownSeq) || !segs[1].Has(tcp.KnownAck) || segs[1].Ack != 5000 {
			t.Errorf("known %b %b ack %d", segs[0].Known, segs[1].Known, segs[1].Ack)
		}
	})
	t.Run("a pure ACK creating the entry takes its base from the SYN", func(t *testing.T) {
		segs, _ := mustRead(t, `IP 10.0.0.1.1000 > 10.0.0.2.80: Flags [S], seq 100, win 10, length 0
IP 10.0.0.1.1000 > 10.0.0.2.80: Flags [.], ack 900, win 10, length 0
IP 10.0.0.1.1000 > 10.0.0.2.80: Flags [P.], seq 0:10, ack 1, win 10, length 10
IP 10.0.0.2.80 > 10.0.0.1.1000: Flags [.], ack 10, win 10, length 0
`, Options{})
		if segs[2].Seq != 101 || segs[2].Ack != 900 || segs[3].Ack != 111 {
			t.Errorf("seq %d ack %d, peer ack %d", segs[2].Seq, segs[2].Ack, segs[3].Ack)
		}
	})
	t.Run("without the SYN the creator's base stays unknown", func(t *testing.T) {
		segs, _ := mustRead(t, `IP 10.0.0.1.1000 > 10.0.0.2.80: Flags [.], ack 900, win 10, length 0
IP 10.0.0.1.1000 > 10.0.0.2.80: Flags [P.], seq 1:11, ack 1, win 10, length 10
IP 10.0.0.2.80 > 10.0.0.1.1000: Flags [P.], seq 1:5, ack 11, win 10, length 4
`, Options{})
		if segs[1].Has(tcp.KnownSeq) || !segs[1].Has(tcp.KnownAck) || segs[2].Has(tcp.KnownAck) || !segs[2].Has(tcp.KnownSeq) || segs[2].Seq != 900 {
			t.Errorf("known %b %b seq %d", segs[1].Known, segs[2].Known, segs[2].Seq)
		}
	})
	t.Run("a SYN-ACK resets a reused pair", func(t *testing.T) {
		segs, _ := mustRead(t, `IP 10.0.0.2.80 > 10.0.0.1.1000: Flags [S.], seq 500, ack 101, win 10, length 0
IP 10.0.0.1.1000 > 10.0.0.2.80: Flags [F.], seq 1, ack 1, win 10, length 0
IP 10.0.0.2.80 > 10.0.0.1.1000: Flags [S.], seq 7000, ack 3001, win 10, length 0
IP 10.0.0.1.1000 > 10.0.0.2.80: Flags [F.], seq 1, ack 1, win 10, length 0
`, Options{})
		if segs[1].Seq != 101 || segs[1].Ack != 501 || segs[3].Seq != 3001 || segs[3].Ack != 7001 {
			t.Errorf("first %d/%d, after reuse %d/%d", segs[1].Seq, segs[1].Ack, segs[3].Seq, segs[3].Ack)
		}
	})
	t.Run("Options.Absolute takes numbers as printed", func(t *testing.T) {
		segs, _ := mustRead(t, `IP 10.0.0.2.80 > 10.0.0.1.1000: Flags [S.], seq 500, ack 101, win 10, length 0
IP 10.0.0.1.1000 > 10.0.0.2.80: Flags [.], ack 1, win 10, options [sack 1 {3:4}], length 0
`, Options{Absolute: true})
		if segs[1].Ack != 1 || segs[1].Options.SACK[0] != (tcp.SACKBlock{Left: 3, Right: 4}) {
			t.Errorf("ack %d sack %v", segs[1].Ack, segs[1].Options.SACK[0])
		}
	})
}

func TestMalformedLines(t *testing.T) {
	text := `IP 10.0.0.1.1 > 10.0.0.2.2: Flags [S], win 5, length 0
IP 10.0.0.1.1 > 10.0.0.2.2: Flags [S], seq 1, win 5, length 0
IP 10.0.0.1.1 > 10.0.0.2.2: Flags [Q], seq 1, win 5, length 0
IP 10.0.0.1.1 >10.0.0.2.2: Flags [S], seq 1, win 5, length 0
IP 10.0.0.1.1 > 10.0.0.2.2: Flags [S], seq 1, win 5, options [mss x], length 0
IP 10.0.0.1.1 > 10.0.0.2.2: Flags [.], seq 1, win 5, length 0
IP 10.0.0.1.1 > 10.0.0.2.99999: Flags [S], seq 1, win 5, length 0
IP 10.0.0.1.1 > 10.0.0.2.2: Flags [S], seq 1, win 5
`
	want := []string{
		`test.txt:1:40: expected "seq" after "Flags [S],"`,
		`test.txt:3:36: expected flag letters from "FSRP.UEWe" or "none", found "Q"`,
		`test.txt:4:26: expected "SRC > DST" before ": Flags ["`,
		`test.txt:5:67: expected a number after "mss"`,
		`test.txt:6:47: expected "ack" after "seq 1,"`,
		`test.txt:7:17: expected a port number (0-65535) in "10.0.0.2.99999"`,
		`test.txt:8:52: expected "length" after "win 5"`,
	}
	segs, st, err := readAll(text, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(segs) != 1 || st.Malformed != int64(len(want)) {
		t.Errorf("got %d segments, %d malformed", len(segs), st.Malformed)
	}
	for i, p := range st.Problems {
		if i >= len(want) || p.Error() != want[i] {
			t.Errorf("problem %d: %s", i, p.Error())
		} else if p.Fatal {
			t.Errorf("problem %d is fatal without Strict", i)
		}
	}

	t.Run("Strict makes the first one fatal", func(t *testing.T) {
		segs, _, err := readAll(text, Options{Strict: true})
		p, ok := err.(tcp.Problem)
		if len(segs) != 0 || !ok || !p.Fatal || p.Error() != want[0] {
			t.Errorf("got %d segments, error %v", len(segs), err)
		}
	})
}

func TestBinaryInputIsFatal(t *testing.T) {
	_, _, err := readAll("\xd4\xc3\xb2\xa1\x02\x00\x04\x00\x00\x00", Options{})
	p, ok := err.(tcp.Problem)
	if !ok || !p.Fatal || !strings.Contains(p.Msg, "not tcpdump text: line 1 contains binary data") {
		t.Errorf("got %v", err)
	}
}

func TestLongLineIsSkipped(t *testing.T) {
	line := "IP 10.0.0.1.1 > 10.0.0.2.2: Flags [S], seq 1, win 5, length 0\n"
	text := line + strings.Repeat("x", MaxLine+10) + "\n" + line
	segs, st, err := readAll(text, Options{})
	if err != nil || len(segs) != 2 || st.Malformed != 1 || len(st.Problems) != 1 || st.Problems[0].Pos.Line != 2 {
		t.Errorf("err %v, %d segments, stats %+v", err, len(segs), st)
	}
}

func TestPayloadAndLineEndings(t *testing.T) {
	// print-A.out: -A payload at column 0, including text that looks like
	// a packet line; and CRLF line endings.
	text := "    1  2005-07-06 03:57:35.938066 IP 127.0.0.1.55920 > 127.0.0.1.80: Flags [S], seq 928549246, win 32767, options [mss 16396,sackOK,TS val 1306300950 ecr 0,nop,wscale 2], length 0\r\n" +
		"E..<.h@.@.!R.........p.P7X.~.........!....@....\r\n" +
		"M...........\r\n" +
		"    2  2005-07-06 03:57:35.938079 IP 127.0.0.1.80 > 127.0.0.1.55920: Flags [S.], seq 930778609, ack 928549247, win 32767, length 0\r\n" +
		"    4  2005-07-06 03:57:35.939423 IP 127.0.0.1.55920 > 127.0.0.1.80: Flags [P.], seq 1:203, ack 1, win 8192, options [nop,nop,TS val 1306300951 ecr 1306300950], length 202: HTTP: GET / HTTP/1.1\r\n" +
		"E....l@.@. ..........p.P7X..7z.... ........\r\n" +
		"M...M...GET / HTTP/1.1\r\n" +
		"IP 1.2.3.4.5 > 6.7.8.9.10: Flags [S], seq 1, win 1, length 0\r\n" +
		"Connection: Keep-Alive\r\n" +
		"\r\n"
	segs, _ := mustRead(t, text, Options{})
	if len(segs) != 3 || segs[2].PayloadLen != 202 || segs[2].Seq != 928549247 || segs[2].Src.Port != 55920 {
		t.Errorf("got %+v", segs)
	}
}

func TestRecordAndPosition(t *testing.T) {
	text := "reading from file x.pcap, link-type RAW (Raw IP), snapshot length 262144\n" +
		"    1  2020-06-10 09:21:03.720289 IP (tos 0x0, ttl 64, id 39720, offset 0, flags [DF], proto TCP (6), length 60)\n" +
		"    192.168.1.11.33779 > 209.87.249.18.53: Flags [S], seq 603899916, win 64240, length 0\n"
	r := NewReader(strings.NewReader(text), "x.txt", Options{})
	var s tcp.Segment
	if err := r.Next(&s); err != nil {
		t.Fatal(err)
	}
	if got := r.PacketLine(); got != strings.Split(text, "\n")[1] {
		t.Errorf("PacketLine() = %q", got)
	}
	if s.Pos != (tcp.Pos{File: "x.txt", Line: 2, Col: 1}) {
		t.Errorf("Pos = %+v", s.Pos)
	}
}

func TestSniff(t *testing.T) {
	yes := []string{
		"reading from file a.pcap, link-type EN10MB (Ethernet), snapshot length 262144\n",
		"14:12:45.104687 IP localhost.39870 > localhost.9502: Flags [S], seq 2927179378, win 32792, length 0(1)\n",
		"    1  IP 131.155.215.69.46656 > 137.116.81.94.80: tcp 0\n",
		"IP 10.0.0.1.1 > 10.0.0.2.2: Flags [S], seq 1, win 5, length 0\r\n",
		"lo    In  IP 127.0.0.1.40892 > 127.0.0.1.8080: tcp 78",
		"\n\n2014-12-09 17:16:09.924505 IP 131.155.215.69.46656 > 137.116.81.94.80: Flags [S], seq 1, win 5, length 0\nand a cut-off li",
		"2026-11-24 21:06:06.478460 lo    In  IP (tos 0x0, ttl 64, id 55721, offset 0, flags [DF], proto TCP (6), length 60)\n    127.0.0.1.56198 > 127.0.0.1.9502: Flags [S], cksum 0xfe30 (incorrect -> 0xc494), seq 1",
		"21:06:06.478460 IP (tos 0x0, ttl 64, id 55721, offset 0, flags [DF], proto TCP (6), length 60)",
	}
	no := []string{
		"\xd4\xc3\xb2\xa1\x02\x00\x04\x00",
		"\x0a\x0d\x0d\x0a\x1c\x00\x00\x00",
		"hello world\n",
		"No.     Time           Source                Destination           Protocol Length Info\n      1 0.000000       10.0.0.1 → 10.0.0.2 TCP 74 55920 → 80 [SYN] Seq=0\n",
		"",
	}
	for _, s := range yes {
		if !Sniff([]byte(s)) {
			t.Errorf("Sniff(%q) = false", s)
		}
	}
	for _, s := range no {
		if Sniff([]byte(s)) {
			t.Errorf("Sniff(%q) = true", s)
		}
	}
}

// TestLivePipe feeds lines one at a time: a segment comes out as soon as
// the next packet starts, without waiting for the end of the input.
func TestLivePipe(t *testing.T) {
	pr, pw := io.Pipe()
	r := NewReader(pr, "-", Options{})
	line := "12:00:00.%06d IP 10.0.0.1.1 > 10.0.0.2.2: Flags [S], seq %d, win 5, length 0\n"
	go func() {
		fmt.Fprintf(pw, line, 1, 100)
		fmt.Fprintf(pw, line, 2, 200)
	}()
	var s tcp.Segment
	done := make(chan error, 1)
	go func() { done <- r.Next(&s) }()
	select {
	case err := <-done:
		if err != nil || s.Seq != 100 {
			t.Fatalf("first segment: %v, seq %d", err, s.Seq)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the first segment waited for the end of the input")
	}
	pw.Close()
	if err := r.Next(&s); err != nil || s.Seq != 200 {
		t.Fatalf("second segment at the end of input: %v, seq %d", err, s.Seq)
	}
	if err := r.Next(&s); err != io.EOF {
		t.Fatalf("got %v, want io.EOF", err)
	}
}

// A hex dump of a tunnelled packet starts with the outer headers: the
// decoder follows IP-in-IP, GRE, VXLAN and Geneve to the inner TCP header,
// so a pure ACK gets the sequence number its text leaves out (tcpdump -x
// of the crafted gre, ipip-nested, vxlan and geneve captures).
func TestHexDumpsThroughTunnels(t *testing.T) {
	segs, _ := mustRead(t, `    3  07:08:09.003000 IP 203.0.113.1 > 203.0.113.2: GREv0, length 56: IP 192.0.2.1.51000 > 198.51.100.2.80: Flags [.], ack 1, win 502, options [nop,nop,TS val 1001 ecr 5001], length 0
	0x0000:  4500 004c 0000 0000 402f 027f cb00 7101
	0x0010:  cb00 7102 0000 0800 4500 0034 0102 4000
	0x0020:  4006 4d8b c000 0201 c633 6402 c738 0050
	0x0030:  1000 0001 2000 0001 8010 01f6 7993 0000
	0x0040:  0101 080a 0000 03e9 0000 1389
    3  07:08:09.003000 IP 203.0.113.1 > 203.0.113.2: IP 203.0.113.11 > 203.0.113.12: IP 192.0.2.1.51000 > 198.51.100.2.80: Flags [.], ack 1, win 502, options [nop,nop,TS val 1001 ecr 5001], length 0
	0x0000:  4500 005c 0000 0000 4004 029a cb00 7101
	0x0010:  cb00 7102 4500 0048 0000 0000 4004 029a
	0x0020:  cb00 710b cb00 710c 4500 0034 0102 4000
	0x0030:  4006 4d8b c000 0201 c633 6402 c738 0050
	0x0040:  1000 0001 2000 0001 8010 01f6 7993 0000
	0x0050:  0101 080a 0000 03e9 0000 1389
    3  07:08:09.003000 IP 203.0.113.1.50123 > 203.0.113.2.4789: VXLAN, flags [I] (0x08), vni 42
IP 192.0.2.1.51000 > 198.51.100.2.80: Flags [.], ack 1, win 502, options [nop,nop,TS val 1001 ecr 5001], length 0
	0x0000:  4500 0066 0000 0000 4011 0283 cb00 7101
	0x0010:  cb00 7102 c3cb 12b5 0052 5f1f 0800 0000
	0x0020:  0000 2a00 0200 0000 0002 0200 0000 0001
	0x0030:  0800 4500 0034 0102 4000 4006 4d8b c000
	0x0040:  0201 c633 6402 c738 0050 1000 0001 2000
	0x0050:  0001 8010 01f6 7993 0000 0101 080a 0000
	0x0060:  03e9 0000 1389
    3  07:08:09.003000 IP 203.0.113.1.50123 > 203.0.113.2.6081: Geneve, Flags [none], vni 0x2a: IP 192.0.2.1.51000 > 198.51.100.2.80: Flags [.], ack 1, win 502, options [nop,nop,TS val 1001 ecr 5001], length 0
	0x0000:  4500 0066 0000 0000 4011 0283 cb00 7101
	0x0010:  cb00 7102 c3cb 17c1 0052 fcba 0000 6558
	0x0020:  0000 2a00 0200 0000 0002 0200 0000 0001
	0x0030:  0800 4500 0034 0102 4000 4006 4d8b c000
	0x0040:  0201 c633 6402 c738 0050 1000 0001 2000
	0x0050:  0001 8010 01f6 7993 0000 0101 080a 0000
	0x0060:  03e9 0000 1389
`, Options{Absolute: true})
	want := []tcp.Tunnel{tcp.TunnelGRE, tcp.TunnelIPinIP, tcp.TunnelVXLAN, tcp.TunnelGeneve}
	if len(segs) != len(want) {
		t.Fatalf("got %d segments, want %d", len(segs), len(want))
	}
	for i, s := range segs {
		if !s.Has(tcp.KnownSeq|tcp.KnownAck) || s.Seq != 0x10000001 || s.Ack != 0x20000001 || s.Window != 502 || s.Tunnel != want[i] {
			t.Errorf("segment %d: seq %#x ack %#x win %d tunnel %v (known %b)", i+1, s.Seq, s.Ack, s.Window, s.Tunnel, s.Known)
		}
		if s.Src.Addr != netip.MustParseAddr("192.0.2.1") || s.OuterSrc.Addr != netip.MustParseAddr("203.0.113.1") || s.TTL != 64 || s.IPID != 0x0102 {
			t.Errorf("segment %d: %v (outer %v), ttl %d, id %#x", i+1, s.Src, s.OuterSrc, s.TTL, s.IPID)
		}
	}
}

// An option whose length lies keeps its kind in a hex dump, as in the
// capture reader, although the text shows only "[bad opt]"
// (check-bad-options, packet 6: kind 99 with length 0).
func TestHexDumpLyingOption(t *testing.T) {
	segs, _ := mustRead(t, `    6  07:08:09.006000 IP 198.51.100.2.80 > 192.0.2.1.51000: Flags [P.], seq 1:10, ack 8, win 502, options [nop,nop,TS val 5002 ecr 1003,[bad opt]]
	0x0000:  4500 0041 0203 4000 4006 4c7d c633 6402
	0x0010:  c000 0201 0050 c738 2000 0001 1000 0008
	0x0020:  9018 01f6 3374 0000 0101 080a 0000 138a
	0x0030:  0000 03eb 6300 beef 0001 0203 0405 0607
	0x0040:  08
`, Options{})
	o := one(t, segs).Options
	if o.Has != tcp.OptNOP|tcp.OptTimestamp|tcp.OptUnknown|tcp.OptMalformed || o.NumUnknown != 1 || o.Unknown[0] != (tcp.UnknownOption{Kind: 99, Len: 0}) {
		t.Errorf("options %+v", o)
	}
}

// -ttt counts from the previous packet of any kind: the ARP, UDP and ICMP
// packets between TCP ones move the clock too.
func TestDeltaClockCountsEveryPacket(t *testing.T) {
	const tcpTail = " IP 192.0.2.1.51000 > 198.51.100.2.80: Flags [S], seq 1, win 2, length 0\n"
	text := " 00:00:00.000000" + tcpTail +
		" 00:00:00.300000 ARP, Request who-has 198.51.100.2 tell 192.0.2.1, length 46\n" +
		" 00:00:00.100000" + tcpTail + // the gap shrinks: -ttt from here on
		" 00:00:00.001000 IP 192.0.2.1.53000 > 198.51.100.2.9: UDP, length 30\n" +
		" 00:00:00.002000 IP 192.0.2.1 > 198.51.100.2: ICMP echo request, id 7, seq 1, length 40\n" +
		" 00:00:00.004000" + tcpTail
	segs, st := mustRead(t, text, Options{})
	if len(segs) != 3 || st.Records != 6 {
		t.Fatalf("got %d segments of %d packets", len(segs), st.Records)
	}
	for i, want := range []time.Duration{0, 400 * time.Millisecond, 407 * time.Millisecond} {
		if got := segs[i].Time.Sub(segs[0].Time); got != want {
			t.Errorf("segment %d: %v after the first, want %v", i+1, got, want)
		}
	}
}
