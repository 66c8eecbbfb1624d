package baseline

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
)

// Parse reads a baseline file's content. Unknown fields are an error, so
// that a file that is not a baseline is not taken for an empty one.
func Parse(data []byte) (*Baseline, error) {
	var b Baseline
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&b); err != nil {
		return nil, fmt.Errorf("not a pcaplint baseline: %v", err)
	}
	if b.Version != Version {
		return nil, fmt.Errorf("version %d, this pcaplint reads version %d", b.Version, Version)
	}
	return &b, nil
}

// Encode writes the baseline as indented JSON, HTML characters as they are.
func (b *Baseline) Encode(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(b)
}
