// Package profile is pcaplint's hidden --cpuprofile and --memprofile: a
// CPU profile of the whole command and a heap profile of what it
// allocated, for go tool pprof, both written through internal/safefile.
package profile

import (
	"bytes"
	"fmt"
	"io"
	"runtime"
	"runtime/pprof"

	"github.com/pcaplint/pcaplint/internal/safefile"
	"github.com/spf13/cobra"
)

// Profiles are the profiles asked for on one command line.
type Profiles struct {
	// cpu is the CPU profile being recorded, if any: it is kept in memory
	// (a few hundred KB) and written to cpuPath at the end through
	// safefile, which follows no symbolic link.
	cpu     *bytes.Buffer
	cpuPath string
	// memPath is where to write a heap profile at the end, if anywhere.
	memPath string
}

// AddFlags declares the hidden --cpuprofile and --memprofile flags on
// root; the CPU profile starts after root's own pre-run hook, and Stop
// ends both.
func AddFlags(root *cobra.Command) *Profiles {
	p := &Profiles{}
	var path string
	root.PersistentFlags().StringVar(&path, "cpuprofile", "", "write a CPU profile to `FILE`")
	root.PersistentFlags().StringVar(&p.memPath, "memprofile", "", "write a heap profile to `FILE`")
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
		p.cpu, p.cpuPath = buf, path
		return nil
	}
	return p
}

// Stop finishes the CPU profile and writes it, and the heap profile, to
// the files the flags named; a profile that cannot be written is said on
// stderr, and makes it return false (output lost). Stop does nothing the
// second time.
func (p *Profiles) Stop(stderr io.Writer) bool {
	ok := true
	if p.cpu != nil {
		pprof.StopCPUProfile()
		if err := safefile.Write(p.cpuPath, safefile.Bytes(p.cpu.Bytes())); err != nil {
			fmt.Fprintf(stderr, "pcaplint: --cpuprofile: %v\n", err)
			ok = false
		}
		p.cpu = nil
	}
	if p.memPath != "" {
		err := safefile.Write(p.memPath, func(w io.Writer) error {
			runtime.GC()
			return pprof.Lookup("allocs").WriteTo(w, 0)
		})
		if err != nil {
			fmt.Fprintf(stderr, "pcaplint: --memprofile: %v\n", err)
			ok = false
		}
		p.memPath = ""
	}
	return ok
}
