package spill

import (
	"bytes"
	"os"
	"testing"
)

// A Buffer gives back what was written, whole and piece by piece, from
// memory or from its temporary file, which Close removes.
func TestBufferGivesBackWhatWasWritten(t *testing.T) {
	for _, tt := range []struct {
		name   string
		memory int
		onDisk bool
	}{{"memory", 0, false}, {"disk", 5, true}, {"disk from the start", -1, true}} {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("TMPDIR", t.TempDir())
			b := &Buffer{Memory: tt.memory}
			for _, s := range []string{"abc", "defgh", "ij"} {
				if _, err := b.Write([]byte(s)); err != nil {
					t.Fatal(err)
				}
			}
			if name := b.File(); (name != "") != tt.onDisk {
				t.Fatalf("file %q, want one: %v", name, tt.onDisk)
			}
			got, err := b.Slice(3, 5, nil)
			if err != nil || string(got) != "defgh" {
				t.Errorf("Slice(3, 5) = %q, %v; want defgh", got, err)
			}
			if _, err := b.Slice(8, 3, nil); err == nil {
				t.Error("Slice past the end: no error")
			}
			var all bytes.Buffer
			if _, err := b.WriteTo(&all); err != nil || all.String() != "abcdefghij" || b.Size() != 10 {
				t.Errorf("WriteTo: %q, %v, size %d", all.String(), err, b.Size())
			}
			name := b.File()
			b.Close()
			if name != "" {
				if _, err := os.Stat(name); !os.IsNotExist(err) {
					t.Errorf("%s is left behind", name)
				}
			}
		})
	}
}
