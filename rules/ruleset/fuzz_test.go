package ruleset

import (
	"errors"
	"testing"

	"github.com/pcaplint/pcaplint/rules"
)

// FuzzLoad feeds arbitrary rule files to the loader: it must return a
// configuration or positioned errors, never panic or run away. Extended
// files are not read.
func FuzzLoad(f *testing.F) {
	f.Add([]byte(exampleFile))
	f.Add([]byte(aliasBomb()))
	f.Add([]byte("rules:\n  rst-unexpected: &a error\n  retransmission: *a\n"))
	noFiles := func(string, string) ([]byte, error) { return nil, errors.New("not read while fuzzing") }
	f.Fuzz(func(t *testing.T, src []byte) {
		l := newLoader(stubChecks(), noFiles)
		cfg := l.parse("fuzz.yaml", src)
		if cfg == nil {
			t.Fatal("nil configuration")
		}
		for _, e := range l.errs {
			if e.Pos.File == "" || e.Msg == "" {
				t.Errorf("unpositioned error %+v", e)
			}
		}
		if len(l.errs) == 0 {
			if _, err := rules.NewEngine(stubChecks(), cfg); err != nil {
				t.Errorf("loaded configuration refused by the engine: %v", err)
			}
		}
	})
}

// FuzzCompileExpr compiles arbitrary conditions and message templates:
// errors must be positioned inside the text, never a panic.
func FuzzCompileExpr(f *testing.F) {
	f.Add(`conn.handshake_rtt > duration("200ms") && conn.server.port == 8080`)
	f.Add(`syn && !ack && from == "client" && rel_seq == 0`)
	f.Add("handshake to {{conn.server}} took {{conn.handshake_rtt}}")
	f.Add("{{ conn.packets > }}\n{{")
	f.Fuzz(func(t *testing.T, src string) {
		for _, on := range []string{OnConnection, OnSegment} {
			if _, err := compileExpr(on, src, true); err != nil && (err.Line < 1 || err.Col < 1) {
				t.Errorf("condition error at %d:%d", err.Line, err.Col)
			}
			if _, err := compileTemplate(on, src); err != nil && (err.Line < 1 || err.Col < 1) {
				t.Errorf("template error at %d:%d", err.Line, err.Col)
			}
		}
	})
}
