package html

import (
	"fmt"
	"net/netip"
	"os"
	"path/filepath"

	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/render/report"
	"github.com/pcaplint/pcaplint/rules"
)

// synthRules are the rule IDs of synthReport's findings, the longest
// built-in ones among them.
var synthRules = []string{"seq-gap", "window-full", "rst-unexpected", "spurious-retransmission",
	"dup-ack", "out-of-order", "zero-window", "handshake-incomplete", "rst-out-of-window", "keepalive"}

// synthReport makes a report of files inputs with perFile findings each,
// in ten connections per input, for the page's size and speed tests. The
// paths are like a CI run's (long, nested), a few hostile. When dir is
// not empty, each input's first two connections get a diagram file under
// dir/diagrams, linked from the returned map as the page in dir sees it.
func synthReport(files, perFile int, dir string) (*report.Report, map[string]map[int]string, error) {
	r := &report.Report{}
	links := map[string]map[int]string{}
	for i := range files {
		path := fmt.Sprintf("ci/nightly-2026-12-%02d/run-%04d/integration/small/abort.pcap", i%28+1, i)
		switch i % 50 {
		case 7:
			path = fmt.Sprintf(`ci/"><img src=x onerror=alert(%d)>/</script><script>alert(1)</script>.pcap`, i)
		case 8:
			path = fmt.Sprintf("ci/a-very-long-file-name-without-any-slash-in-it-%d-0123456789abcdefghijklmnopqrstuvwxyz.txt", i)
		}
		f := report.File{Path: path, Stats: tcp.Stats{Records: int64(perFile * 3)}}
		var conns []*rules.Conn
		for c := range 10 {
			client := tcp.Endpoint{Addr: netip.AddrFrom4([4]byte{127, 0, 0, 1}), Port: uint16(40000 + c)}
			server := tcp.Endpoint{Addr: netip.AddrFrom4([4]byte{127, 0, 0, 1}), Port: 8080}
			if c == 3 {
				server = tcp.Endpoint{Addr: netip.MustParseAddr("2001:db8:ffff:ffff:ffff:ffff:ffff:fffe"), Port: 443}
			}
			if c == 4 && i%50 == 7 {
				client = tcp.Endpoint{Name: "<b>host</b>\u2028name", Port: 1}
			}
			conns = append(conns, &rules.Conn{ID: c + 1, Client: client, Server: server})
		}
		f.Conns = conns
		f.ConnCount = len(conns)
		for j := range perFile {
			c := conns[j%len(conns)]
			sev := []rules.Severity{rules.Warning, rules.Warning, rules.Info, rules.Error}[j%4]
			rule := synthRules[(i+j)%len(synthRules)]
			msg := fmt.Sprintf("%d bytes not captured: %s acknowledged them (capture loss, not network loss)", 1448*(j%7+1), c.Server)
			if i%50 == 7 && j == 0 {
				msg = "</script><script>alert(3)</script> <!-- \u2029"
			}
			f.Findings = append(f.Findings, rules.Finding{Rule: rule, Severity: sev, Message: msg,
				Pos: tcp.Pos{Packet: j*3 + 1}, Conn: c.Ref()})
		}
		r.Files = append(r.Files, f)
		if dir == "" {
			continue
		}
		links[path] = map[int]string{}
		for _, c := range conns[:2] {
			rel := fmt.Sprintf("diagrams/input-%d/%d.svg", i, c.ID)
			if err := writeDiagram(filepath.Join(dir, filepath.FromSlash(rel)), c.ID); err != nil {
				return nil, nil, err
			}
			links[path][c.ID] = RelativeURL(rel)
		}
	}
	r.Skipped = []report.Skip{{Path: "ci/notes<script>.md", Reason: `not a capture: "text" & <markup>`}}
	return r, links, nil
}

// writeDiagram writes a small SVG in place of a connection's diagram.
func writeDiagram(path string, id int) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	svg := fmt.Sprintf(`<svg xmlns="http://www.w3.org/2000/svg" width="200" height="120"><rect width="200" height="120" fill="#eef"/><text x="10" y="60">connection %d</text></svg>`, id)
	return os.WriteFile(path, []byte(svg), 0o644)
}
