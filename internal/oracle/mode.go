package oracle

import (
	"fmt"
	"os"
)

// EnvVar names the environment variable that chooses the Mode.
const EnvVar = "PCAPLINT_ORACLE"

// Mode is where a comparison takes the tools' answers from.
type Mode uint8

const (
	// Recorded reads the recordings under testdata/oracle (the default).
	Recorded Mode = iota
	// Live runs the tools and requires the recordings to say the same.
	Live
	// Record runs the tools and rewrites the recordings.
	Record
)

// CurrentMode reads EnvVar; a value it does not know is an error, so that
// a typo in CI cannot quietly turn the live comparison off.
func CurrentMode() (Mode, error) {
	switch v := os.Getenv(EnvVar); v {
	case "", "recorded":
		return Recorded, nil
	case "live":
		return Live, nil
	case "record":
		return Record, nil
	default:
		return Recorded, fmt.Errorf("%s=%q: want live, record, or nothing", EnvVar, v)
	}
}

// runsTools reports whether the mode runs the tools themselves.
func (m Mode) runsTools() bool { return m != Recorded }
