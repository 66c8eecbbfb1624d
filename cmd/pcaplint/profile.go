package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"

	"github.com/spf13/cobra"
)

var (
	// profileFile is the CPU profile being written, if any.
	profileFile *os.File
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
		f, err := os.Create(path)
		if err != nil {
			return fmt.Errorf("--cpuprofile: %w", err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			f.Close()
			return fmt.Errorf("--cpuprofile: %w", err)
		}
		profileFile = f
		return nil
	}
}

// stopProfile finishes the CPU profile started by --cpuprofile and writes
// the heap profile asked for by --memprofile.
func stopProfile() {
	if profileFile != nil {
		pprof.StopCPUProfile()
		profileFile.Close()
		profileFile = nil
	}
	if memProfile != "" {
		if f, err := os.Create(memProfile); err == nil {
			runtime.GC()
			_ = pprof.Lookup("allocs").WriteTo(f, 0)
			f.Close()
		}
		memProfile = ""
	}
}
