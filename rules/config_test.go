package rules

import "testing"

func TestConfigReadsConnID(t *testing.T) {
	tests := []struct {
		name string
		cfg  *Config
		want bool
	}{
		{"no rule set", nil, false},
		{"no custom rule", &Config{}, false},
		{"custom rules not reading the ID", &Config{Custom: []*CustomRule{{}, {}}}, false},
		{"one reading the ID", &Config{Custom: []*CustomRule{{}, {ReadsID: true}}}, true},
	}
	for _, tt := range tests {
		if got := tt.cfg.ReadsConnID(); got != tt.want {
			t.Errorf("%s: ReadsConnID() = %v, want %v", tt.name, got, tt.want)
		}
	}
}
