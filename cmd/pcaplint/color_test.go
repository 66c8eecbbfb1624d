package main

import (
	"bytes"
	"os"
	"testing"
)

func TestUseColor(t *testing.T) {
	tests := []struct {
		mode, noColor string
		want          bool
	}{
		{"always", "1", true},
		{"never", "", false},
		{"auto", "", false}, // a buffer is not a terminal
		{"auto", "1", false},
	}
	for _, tt := range tests {
		t.Run(tt.mode+" with NO_COLOR="+tt.noColor, func(t *testing.T) {
			t.Setenv("NO_COLOR", tt.noColor)
			got, err := useColor(tt.mode, &bytes.Buffer{})
			if err != nil || got != tt.want {
				t.Errorf("got %v, %v; want %v", got, err, tt.want)
			}
		})
	}
	if _, err := useColor("auto", os.Stdout); err != nil {
		t.Error(err)
	}
	if _, err := useColor("yes", os.Stdout); err == nil {
		t.Error("no error for --color yes")
	}
}
