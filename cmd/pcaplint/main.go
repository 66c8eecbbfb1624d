// Command pcaplint reads TCP traffic from packet captures and tcpdump text,
// checks every conversation against rule sets, and draws conversations as
// sequence diagrams.
//
// Exit codes: 0 clean, 1 findings at or above the fail level, 2 usage or
// input errors.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/pcaplint/pcaplint/internal/cli"
	"github.com/pcaplint/pcaplint/internal/memlimit"
	"github.com/pcaplint/pcaplint/internal/profile"
	"github.com/pcaplint/pcaplint/rules"
	"github.com/pcaplint/pcaplint/rules/checks"
)

// Exit codes.
const (
	exitClean    = 0
	exitFindings = 1
	exitError    = 2
)

// exitCode carries an exit code up to main without printing anything more.
type exitCode int

func (e exitCode) Error() string { return fmt.Sprintf("exit %d", int(e)) }

// builtinChecks are the checks lint and explain run and rules lists: the
// TCP catalogue, then the checks on pcaplint's own limits.
func builtinChecks() []*rules.Check { return append(checks.All(), checks.Limits()...) }

func main() {
	memlimit.Allow()
	code := run(os.Args[1:])
	// Closing standard output reports what a write-back file system
	// (NFS) defers to the close.
	if err := os.Stdout.Close(); err != nil && code != exitError {
		fmt.Fprintln(os.Stderr, "pcaplint: writing standard output:", err)
		code = exitError
	}
	os.Exit(code)
}

// run executes the command line with the built-in checks and returns the
// exit code.
func run(args []string) int {
	stdout := cli.NewStdout(os.Stdout)
	code := execute(args, builtinChecks(), stdout, os.Stderr)
	if err := stdout.Finish(); err != nil {
		// Output that did not arrive (a full disk, /dev/full) is an error
		// whatever the command found: exit 2, never 0 or 1.
		fmt.Fprintln(os.Stderr, "pcaplint: writing standard output:", err)
		return exitError
	}
	return code
}

// execute runs the command line with checks, printing on stdout and
// stderr, and returns the exit code.
func execute(args []string, checks []*rules.Check, stdout, stderr io.Writer) int {
	return executeContext(context.Background(), args, checks, stdout, stderr)
}

// executeContext is execute with the commands' context: lint stops
// starting inputs once it is done, as on Ctrl-C.
func executeContext(ctx context.Context, args []string, checks []*rules.Check, stdout, stderr io.Writer) int {
	root := newRootCmd(checks)
	profiles := profile.AddFlags(root)
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	addCompletionCmd(root)
	cmd, err := root.ExecuteContextC(ctx)
	// A profile that could not be written is output lost: exit 2.
	profiled := profiles.Stop(stderr)
	var code exitCode // exitClean when err is nil
	if err != nil && !errors.As(err, &code) {
		cli.PrintError(stderr, cmd, err)
		return exitError
	}
	if !profiled {
		return exitError
	}
	return int(code)
}
