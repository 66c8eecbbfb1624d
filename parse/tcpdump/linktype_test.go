package tcpdump

import "testing"

// TestUndecodedLinkTypeIsNamed: a log in which tcpdump printed no packet
// as IP names the banner's link type, unless the link type is one whose
// other frames are known (Ethernet: STP alone is no TCP, not an unread
// link type).
func TestUndecodedLinkTypeIsNamed(t *testing.T) {
	cases := []struct {
		text, want string
	}{
		{"reading from file j.pcap, link-type JUNIPER_ETHER (Juniper Ethernet), snapshot length 262144\n" +
			"07:08:09.001000 no magic-number found!\n07:08:09.002000 no magic-number found!\n", "JUNIPER_ETHER"},
		{"reading from file s.pcap, link-type EN10MB (Ethernet), snapshot length 262144\n" +
			"07:08:09.004000 STP 802.1d, Config, Flags [none], bridge-id 8000.02:00:00:00:00:01.8001, length 35\n", ""},
		{"07:08:09.001000 no magic-number found!\n", ""},
		{"reading from file p.pcap, link-type PPP (PPP), snapshot length 262144\n" +
			"07:08:09.001000 IP (0x0021), length 64: 192.0.2.1.51000 > 198.51.100.2.80: Flags [S], seq 1, win 5, length 0\n" +
			"07:08:09.002000 LCP (0xc021), length 8: LCP, Echo-Request (0x09), id 1, length 8\n", ""},
	}
	for _, c := range cases {
		_, st, err := readAll(c.text, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if st.UndecodedLinkType != c.want || (c.want != "") != (st.UndecodedLink > 0) {
			t.Errorf("%q: undecoded %d of link type %q, want %q", c.text, st.UndecodedLink, st.UndecodedLinkType, c.want)
		}
		if c.want != "" && (len(st.Problems) != 1 || st.Problems[0].Pos.Line != 2) {
			t.Errorf("%q: problems %v, want one at line 2 naming the link type", c.text, st.Problems)
		}
	}
}
