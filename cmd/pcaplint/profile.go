package main

import (
	"bytes"
	"fmt"
	"io"
	"runtime"
	"runtime/pprof"

	"github.com/pcaplint/pcaplint/internal/safefile"
	"github.com/spf13/cobra"
)

var (
	// cpuProfile is the CPU profile being recorded, if any, and
	// cpuProfilePath where it goes: it is kept in memory (a few hundred
	// KB) and written at the end through writeOutputFile, which follows
	// no symbolic link.
	cpuProfile     *bytes.Buffer
	cpuProfilePath string
	// memProfile is where to write a heap profile at the end, if anywhere.
	memProfile string
)

// addProfileFlags declares the hidden --cpuprofile and --memprofile flags
// on root: a CPU profile of the whole command, and a heap profile of what
// it allocated, for go tool pprof. execute stops them. The root's own
// pre-run hook still runs first.
func addProfileFlags(root *cobra.Command) {
	var path string
	root.PersistentFlags().StringVar(&path, "cpuprofile", "", "write a CPU profile to `FILE`")
	root.PersistentFlags().StringVar(&memProfile, "memprofile", "", "write a heap profile to `FILE`")
	_ = root.PersistentFlags().MarkHidden("cpuprofile")
	_ = root.PersistentFlags().MarkHidden("memprofile")
	next := root.PersistentPreRunE
	root.PersistentPreRunE = func(cmd *cobra.Command, args []string) error {
		if next != nil {
			if err := next(cmd, args); err != nil {
				return err
			}
		}
		if path == "" {
			return nil
		}
		buf := &bytes.Buffer{}
		if err := pprof.StartCPUProfile(buf); err != nil {
			return fmt.Errorf("--cpuprofile: %w", err)
		}
		cpuProfile, cpuProfilePath = buf, path
		return nil
	}
}

// stopProfile finishes the CPU profile started by --cpuprofile and writes
// it, and the heap profile asked for by --memprofile, through
// writeOutputFile; a profile that cannot be written is said on stderr, and
// makes it return false (output lost: exit 2).
func stopProfile(stderr io.Writer) bool {
	ok := true
	if cpuProfile != nil {
		pprof.StopCPUProfile()
		if err := safefile.Write(cpuProfilePath, safefile.Bytes(cpuProfile.Bytes())); err != nil {
			fmt.Fprintf(stderr, "pcaplint: --cpuprofile: %v\n", err)
			ok = false
		}
		cpuProfile = nil
	}
	if memProfile != "" {
		err := safefile.Write(memProfile, func(w io.Writer) error {
			runtime.GC()
			return pprof.Lookup("allocs").WriteTo(w, 0)
		})
		if err != nil {
			fmt.Fprintf(stderr, "pcaplint: --memprofile: %v\n", err)
			ok = false
		}
		memProfile = ""
	}
	return ok
}
