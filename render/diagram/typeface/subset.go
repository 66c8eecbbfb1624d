package typeface

import (
	"encoding/binary"
	"errors"
	"fmt"
	"slices"

	"github.com/tdewolff/font"
)

// Subset returns face f cut down to the glyphs that text needs, as a
// TrueType file small enough to embed in every SVG (a few kilobytes in
// place of 150). The result depends only on the set of runes in text.
func Subset(f Face, text string) ([]byte, error) {
	sf, err := font.ParseSFNT(f.TTF(), 0)
	if err != nil {
		return nil, fmt.Errorf("typeface: %s: %w", f.Family(), err)
	}
	ids := []uint16{0}
	seen := map[uint16]bool{0: true}
	runes := []rune(text)
	slices.Sort(runes)
	for _, r := range runes {
		id := sf.GlyphIndex(r)
		if id == 0 || seen[id] {
			continue
		}
		seen[id] = true
		ids = append(ids, id)
	}
	sub, err := sf.Subset(ids, font.SubsetOptions{Tables: font.KeepMinTables})
	if err != nil {
		return nil, fmt.Errorf("typeface: subset %s: %w", f.Family(), err)
	}
	out := sub.Write()
	if err := pinModified(out, f.TTF()); err != nil {
		return nil, fmt.Errorf("typeface: subset %s: %w", f.Family(), err)
	}
	return out, nil
}

// pinModified copies the original font's "modified" date into the subset,
// whose writer stamps the current time there: the same diagram must give
// the same bytes. It then mends the checksums the stamp is part of.
func pinModified(sub, orig []byte) error {
	so, sl, ok := headTable(sub)
	oo, _, ok2 := headTable(orig)
	if !ok || !ok2 || sl < 36 {
		return errors.New("no head table")
	}
	copy(sub[so+28:so+36], orig[oo+28:oo+36])
	binary.BigEndian.PutUint32(sub[so+8:], 0)
	rec := headRecord(sub)
	binary.BigEndian.PutUint32(sub[rec+4:], checksum(sub[so:min(len(sub), so+(sl+3)&^3)]))
	binary.BigEndian.PutUint32(sub[so+8:], 0xB1B0AFBA-checksum(sub))
	return nil
}

// headRecord is the offset of the head table's record in the directory,
// or -1.
func headRecord(b []byte) int {
	if len(b) < 12 {
		return -1
	}
	n := int(binary.BigEndian.Uint16(b[4:]))
	for i := 0; i < n; i++ {
		rec := 12 + 16*i
		if rec+16 <= len(b) && string(b[rec:rec+4]) == "head" {
			return rec
		}
	}
	return -1
}

// headTable returns the offset and length of the head table.
func headTable(b []byte) (off, length int, ok bool) {
	rec := headRecord(b)
	if rec < 0 {
		return 0, 0, false
	}
	off = int(binary.BigEndian.Uint32(b[rec+8:]))
	length = int(binary.BigEndian.Uint32(b[rec+12:]))
	return off, length, off+length <= len(b)
}

// checksum is the OpenType table checksum: the sum of big-endian uint32
// words, the last one padded with zeros.
func checksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:min(i+4, len(b))])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}
