//go:build linux

// Command peak-rss runs a command and, once it exits, appends the peak
// resident set size the command reached, in KiB, to a file:
//
//	peak-rss -record /tmp/rss.log -- terraform-provider-cognito
//
// It hands the command its own standard input, output and error, forwards
// SIGINT and SIGTERM, and exits with the command's status, so that it can
// stand in for a plugin that Terraform starts: a plugin's memory is
// otherwise gone by the time Terraform is done with it. The peak is the
// kernel's own count (ru_maxrss), not a sample.
//
// NOTE: it builds on Linux only, where ru_maxrss is in KiB; other systems
// count it in other units, or not at all.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"syscall"
)

func main() {
	code, err := run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	if err != nil {
		fmt.Fprintf(os.Stderr, "peak-rss: %v\n", err)
	}
	os.Exit(code)
}

// run runs the command of args and returns the status to exit with.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) (int, error) {
	fs := flag.NewFlagSet("peak-rss", flag.ContinueOnError)
	fs.SetOutput(stderr)
	record := fs.String("record", "", "file to append the peak RSS in KiB to, with the command's name")
	if err := fs.Parse(args); err != nil {
		return 2, err
	}
	if *record == "" || fs.NArg() == 0 {
		return 2, errors.New("usage: peak-rss -record FILE -- COMMAND [ARG...]")
	}

	cmd := exec.Command(fs.Arg(0), fs.Args()[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = stdin, stdout, stderr
	if err := cmd.Start(); err != nil {
		return 127, err
	}

	// Terraform stops a plugin by asking it over its own connection, but an
	// interrupt reaches this process first: pass it on.
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(signals)
	go func() {
		for sig := range signals {
			_ = cmd.Process.Signal(sig)
		}
	}()

	waitErr := cmd.Wait()
	var exitErr *exec.ExitError
	if waitErr != nil && !errors.As(waitErr, &exitErr) {
		return 1, waitErr
	}

	usage, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		return 1, errors.New("the system reports no resource usage for the command")
	}
	if err := appendRecord(*record, usage.Maxrss, filepath.Base(fs.Arg(0))); err != nil {
		return 1, err
	}

	code := cmd.ProcessState.ExitCode()
	if code < 0 {
		// Killed by a signal: the shell's convention says which.
		code = 128
		if status, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok {
			code += int(status.Signal())
		}
	}
	return code, nil
}

// appendRecord appends one line, "<KiB> <name>", in a single write, so that
// commands ending at the same time do not mix their lines.
func appendRecord(path string, kib int64, name string) error {
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return fmt.Errorf("recording the peak RSS: %w", err)
	}
	if _, err := fmt.Fprintf(f, "%d %s\n", kib, name); err != nil {
		_ = f.Close()
		return fmt.Errorf("recording the peak RSS: %w", err)
	}
	return f.Close()
}
