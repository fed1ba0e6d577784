package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	disclose "github.com/disclose-dev/disclose"
	"github.com/disclose-dev/disclose/compiler"
	"github.com/disclose-dev/disclose/compiler/model"
)

// Exit codes.
const (
	exitOK      = 0
	exitProblem = 1 // the data has errors, or the command's check failed
	exitUsage   = 2 // bad flags or arguments, or the tool could not run
	// Stopped by a signal, as shells report it (128 + the signal number).
	exitInterrupt  = 130 // Ctrl-C (SIGINT)
	exitTerminated = 143 // SIGTERM
)

// exitError carries an exit code out of a command; its message, if any, has
// been printed already.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit %d", e.code) }

// stopGrace is how long a command has, after Ctrl-C or SIGTERM, to stop
// Hugo and remove its temporary files before the process exits anyway.
const stopGrace = 900 * time.Millisecond

// run executes the command line args and returns the process exit code.
func run(args []string, stdout, stderr io.Writer) int {
	return runContext(context.Background(), args, stdout, stderr, true)
}

// runContext runs args until ctx is done. With signals, Ctrl-C and SIGTERM
// cancel the running command (Hugo is stopped, temporary folders removed);
// one still running stopGrace later is ended with the process, so every
// command stops within a second.
func runContext(parent context.Context, args []string, stdout, stderr io.Writer, signals bool) int {
	root := newRootCmd(stdout, stderr)
	root.SetArgs(args)
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	var stopped atomic.Int32 // the exit code of the signal that stopped the command
	if signals {
		sigs := make(chan os.Signal, 2)
		signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
		defer signal.Stop(sigs)
		done := make(chan struct{})
		defer close(done)
		go func() {
			select {
			case sig := <-sigs:
				code := int32(exitInterrupt)
				if sig == syscall.SIGTERM {
					code = exitTerminated
				}
				stopped.Store(code)
				cancel()
				select {
				case <-done:
				case <-sigs: // a second Ctrl-C: now
					fmt.Fprintln(stderr, "disclose: stopped")
					os.Exit(int(code))
				case <-time.After(stopGrace):
					fmt.Fprintln(stderr, "disclose: stopped")
					os.Exit(int(code))
				}
			case <-done:
			}
		}()
	}
	err := root.ExecuteContext(ctx)
	if code := stopped.Load(); code != 0 {
		fmt.Fprintln(stderr, "disclose: stopped")
		return int(code)
	}
	var ee exitError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ee):
		return ee.code
	default:
		fmt.Fprintf(stderr, "disclose: %v\n", err)
		if strings.Contains(err.Error(), "unknown command") || strings.Contains(err.Error(), "flag") ||
			strings.Contains(err.Error(), "arg") {
			fmt.Fprintf(stderr, "Run 'disclose --help' for usage.\n")
		}
		return exitUsage
	}
}

// globals are the flags every command shares.
type globals struct {
	dir    string // project root
	data   string // data folder, relative to the project root
	sample bool   // --sample: read the built-in sample company, not data/
	asOf   string // --as-of: the day the notices are judged and built as of
	// date is the retired --date flag, kept only to say what replaced it.
	date string
}

// asOfFlag adds --as-of to a command that judges or builds the notices.
func (g *globals) asOfFlag(cmd *cobra.Command) {
	cmd.Flags().StringVar(&g.asOf, "as-of", "", "judge and build the notices as of this `day` (YYYY-MM-DD): the rules, reference data and released versions in force that day apply (default: $SOURCE_DATE_EPOCH, else today)")
}

// input opens the data a command reads (saying so on stderr when it is the
// built-in sample, which the command is doing) and returns the compiler
// options of the global flags.
func (g *globals) input(cmd *cobra.Command, doing string) (*source, *compiler.Options, error) {
	src, err := g.open(cmd)
	if err != nil {
		return nil, nil, err
	}
	if src.embedded {
		fmt.Fprintf(cmd.ErrOrStderr(), "disclose: --sample: %s the built-in sample company, not a project's data\n", doing)
	}
	opts, err := g.options()
	if err != nil {
		return nil, nil, err
	}
	return src, opts, nil
}

// options returns the compiler options of the global flags: the date is
// --as-of, else SOURCE_DATE_EPOCH, else today (UTC).
func (g *globals) options() (*compiler.Options, error) {
	d, err := buildDate("--as-of", g.asOf, os.Getenv("SOURCE_DATE_EPOCH"), time.Now())
	if err != nil {
		return nil, err
	}
	return &compiler.Options{Date: d}, nil
}

// buildDate resolves a date flag, the SOURCE_DATE_EPOCH value and the
// current time into a UTC day.
func buildDate(name, flag, epoch string, now time.Time) (model.Date, error) {
	switch {
	case flag != "":
		d, err := parseDay(name, flag)
		if err != nil {
			return "", fmt.Errorf("%s %q: write the date as YYYY-MM-DD, for example 2026-01-31", name, flag)
		}
		return d, nil
	case epoch != "":
		secs, err := strconv.ParseInt(epoch, 10, 64)
		if err != nil || secs < 0 {
			return "", fmt.Errorf("SOURCE_DATE_EPOCH %q is not a number of seconds since 1970", epoch)
		}
		return model.DateOf(time.Unix(secs, 0)), nil
	}
	return model.DateOf(now), nil
}

// parseDay reads a YYYY-MM-DD flag value.
func parseDay(name, s string) (model.Date, error) {
	d := model.Date(s)
	if !d.Valid() {
		return "", fmt.Errorf("%s %q: write the date as YYYY-MM-DD", name, s)
	}
	return d, nil
}

// retiredDate explains the --date flag that two commands read two ways.
func retiredDate(cmd *cobra.Command) error {
	if cmd.Name() == "release" {
		return errors.New("release has no --date: --effective is the day the new versions take effect, --released the day they are released (default: $SOURCE_DATE_EPOCH, else today)")
	}
	if cmd.Flags().Lookup("as-of") != nil {
		return fmt.Errorf("--date is now --as-of: write disclose %s --as-of YYYY-MM-DD", cmd.Name())
	}
	return fmt.Errorf("the %s command takes no date", cmd.Name())
}

func newRootCmd(stdout, stderr io.Writer) *cobra.Command {
	g := &globals{}
	root := &cobra.Command{
		Use:   "disclose",
		Short: "Compile a privacy programme's data into published privacy notices",
		Long: `disclose turns the facts of a privacy programme, kept as YAML files in data/,
into privacy notices, one for each rule pack that applies:

` + packList() + `

It checks the data like a compiler: every problem in every file in one run, with
its file:line:col, the data path, the rule broken and its legal citation.

Commands read the data/ folder of the project (the current folder, or -C DIR).
A folder without data/ is an error (exit 2), so a CI job can never pass on
the wrong data; --sample reads the built-in sample company instead, and says so.

Dates: --as-of is the day check, compile, explain, diff, build and serve judge
the notices as of; release takes --effective (the day new versions take
effect) and --released (the day of release).`,
		Version:       toolVersion(),
		SilenceErrors: true,
		SilenceUsage:  true,
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			if cmd.Flags().Changed("date") {
				return retiredDate(cmd)
			}
			return nil
		},
	}
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.PersistentFlags().StringVarP(&g.dir, "dir", "C", ".", "project root `folder`")
	root.PersistentFlags().StringVar(&g.data, "data", "data", "data `folder`, relative to the project root")
	root.PersistentFlags().BoolVar(&g.sample, "sample", false, "read the built-in sample company instead of the project's data folder")
	root.PersistentFlags().StringVar(&g.date, "date", "", "retired: use --as-of, or release's --effective and --released")
	_ = root.PersistentFlags().MarkHidden("date")
	root.AddCommand(newInitCmd(g), newCheckCmd(g), newCompileCmd(g), newBuildCmd(g), newServeCmd(g), newReleaseCmd(g), newVerifyCmd(g), newMigrateCmd(g), newDiffCmd(g), newReviewCmd(g), newRecordsCmd(g), newExplainCmd(g), newSchemaCmd(g), newTranslateCmd(g))
	return root
}

// source is where a command reads data from.
type source struct {
	fsys     fs.FS
	dir      string // data folder within fsys
	embedded bool   // the built-in sample
}

// open finds the data to read: the project's data folder, or the built-in
// sample when --sample says so. A project folder or data folder that does not
// exist is an error (exit 2), never a reason to read other data.
func (g *globals) open(cmd *cobra.Command) (*source, error) {
	info, err := os.Stat(g.dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("project folder %s does not exist", g.dir)
	case err != nil:
		return nil, fmt.Errorf("cannot read project folder: %w", err)
	case !info.IsDir():
		return nil, fmt.Errorf("project folder %s is not a folder", g.dir)
	}
	if g.sample {
		if cmd.Flags().Changed("data") {
			return nil, errors.New("--sample and --data name two data sets: give one")
		}
		return &source{fsys: disclose.Sample, dir: "data", embedded: true}, nil
	}
	dataDir := g.data
	if !filepath.IsAbs(dataDir) {
		dataDir = filepath.Join(g.dir, g.data)
	}
	info, err = os.Stat(dataDir)
	switch {
	case err == nil && !info.IsDir():
		return nil, fmt.Errorf("%s is not a folder", dataDir)
	case errors.Is(err, fs.ErrNotExist) && !cmd.Flags().Changed("data"):
		return nil, fmt.Errorf("no data folder: %s does not exist; run disclose in a project (or give -C DIR or --data FOLDER), start one with disclose init, or try the built-in sample with --sample", dataDir)
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("data folder %s does not exist", dataDir)
	case err != nil:
		return nil, fmt.Errorf("cannot read data folder: %w", err)
	}
	rootDir, dir := g.dir, filepath.ToSlash(filepath.Clean(g.data))
	if filepath.IsAbs(g.data) || dir == ".." || strings.HasPrefix(dir, "../") {
		abs, err := filepath.Abs(dataDir)
		if err != nil {
			return nil, err
		}
		rootDir, dir = filepath.Dir(abs), filepath.Base(abs)
	}
	r, err := os.OpenRoot(rootDir)
	if err != nil {
		return nil, fmt.Errorf("cannot open project folder: %w", err)
	}
	return &source{fsys: r.FS(), dir: dir}, nil
}
