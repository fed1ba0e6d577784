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
	"syscall"
	"time"

	"github.com/spf13/cobra"

	disclose "github.com/disclose-dev/disclose"
	"github.com/disclose-dev/disclose/compiler"
)

// Exit codes.
const (
	exitOK      = 0
	exitProblem = 1 // the data has errors, or the command's check failed
	exitUsage   = 2 // bad flags or arguments, or the tool could not run
)

// exitError carries an exit code out of a command; its message, if any, has
// been printed already.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit %d", e.code) }

// run executes the command line args and returns the process exit code.
func run(args []string, stdout, stderr io.Writer) int {
	root := newRootCmd(stdout, stderr)
	root.SetArgs(args)
	// Ctrl-C cancels the running command (Hugo is stopped, temporary
	// folders removed) instead of killing it midway.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := root.ExecuteContext(ctx)
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
	dir  string // project root
	data string // data folder, relative to the project root
	date string // --date: the date the notices take effect
}

// options returns the compiler options of the global flags: the date is
// --date, else SOURCE_DATE_EPOCH, else today (UTC).
func (g *globals) options() (*compiler.Options, error) {
	d, err := buildDate(g.date, os.Getenv("SOURCE_DATE_EPOCH"), time.Now())
	if err != nil {
		return nil, err
	}
	return &compiler.Options{Date: d}, nil
}

// buildDate resolves the date flag, the SOURCE_DATE_EPOCH value and the
// current time into a UTC day.
func buildDate(flag, epoch string, now time.Time) (time.Time, error) {
	switch {
	case flag != "":
		d, err := time.Parse(time.DateOnly, flag)
		if err != nil {
			return time.Time{}, fmt.Errorf("--date %q: write the date as YYYY-MM-DD, for example 2026-01-31", flag)
		}
		return d, nil
	case epoch != "":
		secs, err := strconv.ParseInt(epoch, 10, 64)
		if err != nil || secs < 0 {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH %q is not a number of seconds since 1970", epoch)
		}
		return time.Unix(secs, 0).UTC().Truncate(24 * time.Hour), nil
	}
	return now.UTC().Truncate(24 * time.Hour), nil
}

func newRootCmd(stdout, stderr io.Writer) *cobra.Command {
	g := &globals{}
	root := &cobra.Command{
		Use:   "disclose",
		Short: "Compile a privacy programme's data into published privacy notices",
		Long: `disclose turns the facts of a privacy programme, kept as YAML files in data/,
into privacy notices: a global privacy policy, a European supplement (EU GDPR and
UK GDPR) and a California notice (CCPA/CPRA).

It checks the data like a compiler: every problem in every file in one run, with
its file:line:col, the data path, the rule broken and its legal citation.

Commands read the data/ folder of the project (the current folder, or -C DIR).
When there is none, they use the built-in sample company.`,
		SilenceErrors: true,
		SilenceUsage:  true,
	}
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.PersistentFlags().StringVarP(&g.dir, "dir", "C", ".", "project root `folder`")
	root.PersistentFlags().StringVar(&g.data, "data", "data", "data `folder`, relative to the project root")
	root.PersistentFlags().StringVar(&g.date, "date", "", "the `day` (YYYY-MM-DD) the notices take effect: rules and reference data in force that day apply (default: $SOURCE_DATE_EPOCH, else today)")
	root.AddCommand(newInitCmd(g), newCheckCmd(g), newCompileCmd(g), newBuildCmd(g), newServeCmd(g), newReleaseCmd(g), newVerifyCmd(g), newDiffCmd(g), newExplainCmd(g), newSchemaCmd(g))
	return root
}

// source is where a command reads data from.
type source struct {
	fsys     fs.FS
	dir      string // data folder within fsys
	embedded bool   // the built-in sample
}

// open finds the data to read: the project's data folder, or the built-in
// sample when the project has none and --data was not given. A project
// folder that does not exist is an error, never a reason to use the sample.
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
	dataDir := g.data
	if !filepath.IsAbs(dataDir) {
		dataDir = filepath.Join(g.dir, g.data)
	}
	info, err = os.Stat(dataDir)
	switch {
	case err == nil && !info.IsDir():
		return nil, fmt.Errorf("%s is not a folder", dataDir)
	case errors.Is(err, fs.ErrNotExist) && !cmd.Flags().Changed("data"):
		return &source{fsys: disclose.Sample, dir: "data", embedded: true}, nil
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
