package checks

import (
	"testing"

	"github.com/pcaplint/pcaplint/rules"
)

// Windows are printed in bytes, scaled (RFC 7323 section 2.2), with the
// field and the factor beside them when they differ.
func TestWindowsArePrintedInBytes(t *testing.T) {
	conn := func(clientScale, serverScale int8, syns int) *rules.Conn {
		c := &rules.Conn{}
		c.Sides[rules.FromClient].WScale, c.Sides[rules.FromServer].WScale = clientScale, serverScale
		c.Sides[rules.FromClient].SYNs, c.Sides[rules.FromServer].SYNs = syns, syns
		return c
	}
	tests := []struct {
		name           string
		c              *rules.Conn
		one, moved     string
		oneZh, movedZh string
	}{
		{"scaled by 2^10", conn(10, 7, 1), "311296 bytes (field 304 × 1024)", "from 0 to 311296 bytes (field 0 → 304, × 1024)",
			"311296 字节（字段值 304 × 1024）", "从 0 字节变为 311296 字节（字段值 0 → 304，× 1024）"},
		{"the peer sent no window scale, so none applies", conn(10, -1, 1), "304 bytes", "from 0 to 304 bytes",
			"304 字节", "从 0 字节变为 304 字节"},
		{"scale 0", conn(0, 7, 1), "304 bytes", "from 0 to 304 bytes", "304 字节", "从 0 字节变为 304 字节"},
		{"no SYN captured", conn(-1, -1, 0), "field 304 (window scale unknown: a SYN not captured)",
			"from field 0 to 304 (window scale unknown: a SYN not captured)",
			"字段值 304（窗口扩大因子未知：没有抓到 SYN 包）", "字段值从 0 变为 304（窗口扩大因子未知：没有抓到 SYN 包）"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, c := range []struct {
				lang      rules.Lang
				one, move string
			}{{rules.English, tt.one, tt.moved}, {rules.Chinese, tt.oneZh, tt.movedZh}} {
				if got := windowOf(tt.c, rules.FromClient, 304).In(c.lang); got != c.one {
					t.Errorf("windowOf in %s = %q, want %q", c.lang, got, c.one)
				}
				if got := windowChange(tt.c, rules.FromClient, 0, 304).In(c.lang); got != c.move {
					t.Errorf("windowChange in %s = %q, want %q", c.lang, got, c.move)
				}
			}
		})
	}
}
