package site

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"
)

// Live is a site built again and again into one folder, for a live preview
// (disclose serve): each build writes only the files of the Hugo project
// whose bytes changed (and removes those no longer generated), Hugo renders
// the site, and the link check reads only the pages Hugo wrote. A site
// whose whole build by Hugo takes WatchAfter or longer is rendered by a
// Hugo kept running in watch mode, which renders only the pages the changed
// files change; a smaller one by Hugo run once on the kept project.
// Anything unusual (Hugo exiting or reporting an error, a file removed,
// Hugo's configuration or a theme's static files changed, a mass change)
// makes the build start over: a fresh site folder and Hugo run once, whose
// errors are those of Build. Unlike Build, a live build is not atomic: the
// site folder is changed in place, and a failed build may leave it half
// updated (a preview shows the problems over the page and rebuilds on the
// next save).
//
// A Live is used by one goroutine at a time; Close stops its Hugo.
type Live struct {
	dir string
	// src is the Hugo project, src/; its held files are nil when the next
	// build starts over.
	src   tree
	links LinkCache
	hugo  *hugoWatch
	seq   int
	// onceRuns counts the builds by Hugo run once; watch is set when the
	// last one took WatchAfter or longer.
	onceRuns int
	watch    bool
	// WatchAfter is how long a build of the whole site by Hugo must take
	// for the next builds to use Hugo's watch mode: it notices changes on
	// a tick of 500 ms (Hugo 0.165), so a small site is built faster by
	// Hugo run once. NewLive sets 500 ms; 0 always watches.
	WatchAfter time.Duration
	// Watched counts the builds Hugo's watch mode rendered: a test sees
	// that the live path was taken, not the fallback.
	Watched int
}

// NewLive returns a Live building in the folder dir (created, and removed
// by Close): the Hugo project in dir/src, the site in dir/site (Site).
func NewLive(dir string) *Live {
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs // Hugo wants absolute folders
	}
	return &Live{dir: dir, src: tree{dir: filepath.Join(dir, "src")}, WatchAfter: 500 * time.Millisecond}
}

// Site is the folder the live site is built in.
func (l *Live) Site() string { return filepath.Join(l.dir, "site") }

// Source is the folder of the Hugo project a live build keeps.
func (l *Live) Source() string { return l.src.dir }

// Close stops Hugo and removes the folder.
func (l *Live) Close() error {
	l.stopHugo()
	return os.RemoveAll(l.dir)
}

// liveMarker is the page each live build rewrites last, so the build Hugo
// reports after it has seen it has seen every file written before it (the
// file system reports changes in order). It is never rendered or listed.
const liveMarker = "content/disclose-preview-build.md"

func (l *Live) build(ctx context.Context, in *Input, opts Options) error {
	if !opts.NoPDF && !opts.PDFOnRequest {
		return &Error{Stage: "prepare", Err: errors.New("a live build typesets no PDFs: set NoPDF or PDFOnRequest")}
	}
	files, redlines, err := projectFiles(in, opts)
	if err != nil {
		return &Error{Stage: "prepare", Err: err}
	}
	var onRequest []string
	if opts.PDFOnRequest {
		for _, j := range pdfJobs(in, redlines, opts) {
			onRequest = append(onRequest, j.rel)
		}
	}
	// A Hugo started after the last build must watch before files change.
	if l.hugo != nil && !l.hugo.ready {
		if _, err := l.hugo.await(ctx, func(line string) bool { return strings.HasPrefix(line, "Press Ctrl+C to stop") }); err != nil {
			l.stopHugo()
		} else {
			l.hugo.ready = true
		}
	}
	first := l.src.held == nil
	l.seq++
	changed, removed, err := l.sync(files)
	if err != nil {
		l.reset()
		return &Error{Stage: "prepare", Err: err}
	}
	site := l.Site()
	// Hugo's watch mode takes a batch of more than 50 events for a mass
	// edit and rebuilds everything seconds later: start over at once.
	fresh := first || len(removed) > 0 || len(changed) > maxWatched || slices.ContainsFunc(changed, func(name string) bool {
		return name == "hugo.json" || strings.HasPrefix(name, "themes/") && strings.Contains(name, "/static/")
	})
	switch {
	case fresh || l.hugo == nil && len(changed) > 0:
		if err := l.once(ctx, opts, fresh); err != nil {
			return err
		}
	case len(changed) > 0:
		// The static files Hugo would copy are written into the site at
		// once: the pages need not wait for them.
		for _, name := range changed {
			if rest, ok := strings.CutPrefix(name, "static/"); ok {
				if err := writeFile(filepath.Join(site, filepath.FromSlash(rest)), files[name]); err != nil {
					l.reset()
					return &Error{Stage: "publish", Err: err}
				}
			}
		}
		if err := l.hugo.rebuilt(ctx); err != nil {
			if err := l.once(ctx, opts, true); err != nil {
				return err
			}
		} else {
			l.Watched++
		}
	}
	diags := l.links.Check(os.DirFS(site), basePath(siteURL(in, opts)), onRequest...)
	if l.watch && l.hugo == nil {
		// Started after the check: its first build writes the same pages
		// again, which the check must not read half written. The next
		// build waits for it to watch.
		if err := l.startHugo(ctx, opts); err != nil {
			l.stopHugo()
		}
	}
	if len(diags) > 0 {
		return &Error{Stage: "links", Err: errors.New("broken internal links"), Diags: diags}
	}
	return nil
}

// once builds the site with Hugo run once (into a fresh folder when
// fresh is set), as Build does: after a change Hugo's watch mode does not
// follow, when it failed (its error is then what Build would report), or
// while Hugo builds the whole site faster than its watch mode notices a
// change (WatchAfter). Hugo's watch mode is started after a build that took
// WatchAfter or longer (see build).
func (l *Live) once(ctx context.Context, opts Options, fresh bool) error {
	l.stopHugo()
	if fresh {
		if err := os.RemoveAll(l.Site()); err != nil {
			return &Error{Stage: "prepare", Err: err}
		}
	}
	start := time.Now()
	if err := runHugo(ctx, l.Source(), l.Site(), l.dir, opts); err != nil {
		l.reset()
		return err
	}
	// The first run starts cold (Hugo's caches empty): it counts half.
	took := time.Since(start)
	if l.onceRuns++; l.onceRuns == 1 {
		took /= 2
	}
	l.watch = took >= l.WatchAfter
	return nil
}

// reset makes the next build start over.
func (l *Live) reset() {
	l.stopHugo()
	l.src.held = nil
}

func (l *Live) stopHugo() {
	if l.hugo != nil {
		l.hugo.stop()
		l.hugo = nil
	}
}

// maxWatched is the most files a build gives Hugo's watch mode: each
// write is two events (truncate, write), and Hugo defers a batch of more
// than 50 to a full rebuild seconds later.
const maxWatched = 20

// sync makes src/ hold files (see tree.sync), then, when any was written,
// the marker; it returns the slash paths written (the marker last) and
// removed.
func (l *Live) sync(files map[string][]byte) (changed, removed []string, err error) {
	delete(files, liveMarker)
	if m, ok := l.src.held[liveMarker]; ok {
		files[liveMarker] = m // rewritten below only when something changed
	}
	if changed, removed, err = l.src.sync(files); err != nil || len(changed) == 0 {
		return nil, removed, err
	}
	marker := fmt.Appendf(nil, "{\"build\": {\"render\": \"never\", \"list\": \"never\", \"publishResources\": false}, \"title\": \"%d\"}\n", l.seq)
	if err := l.src.put(liveMarker, marker); err != nil {
		return nil, nil, err
	}
	return append(changed, liveMarker), removed, nil
}

// hugoWatch is a Hugo running in watch mode (hugo --watch), as a child
// that dies with this process (see hugoProcess), and what it printed.
type hugoWatch struct {
	cancel context.CancelFunc
	done   chan struct{} // closed when Hugo has exited
	src    string
	ready  bool // Hugo has built the site and watches it

	mu     sync.Mutex
	lines  []string      // printed and not yet read
	eof    bool          // Hugo's output is closed
	notify chan struct{} // a line came, or the end
}

// liveTimeout bounds the wait for one build of Hugo's watch mode; a build
// that takes longer is made again with Hugo run once.
const liveTimeout = 2 * time.Minute

// startHugo starts Hugo in watch mode on the kept project, without
// waiting for it: the next build waits for it to watch (hugoWatch.ready).
func (l *Live) startHugo(ctx context.Context, opts Options) error {
	wctx, cancel := context.WithCancel(ctx)
	cmd, err := hugoCmd(wctx, l.Source(), l.Site(), l.dir, opts, "--watch")
	if err != nil {
		cancel()
		return err
	}
	pr, pw, err := os.Pipe()
	if err != nil {
		cancel()
		return err
	}
	cmd.Stdout, cmd.Stderr = pw, pw
	hugoProcess(cmd)
	cmd.WaitDelay = 2 * time.Second
	w := &hugoWatch{cancel: cancel, done: make(chan struct{}), src: l.Source(), notify: make(chan struct{}, 1)}
	started := make(chan error, 1)
	go func() {
		// The thread that starts Hugo lives as long as Hugo: Linux sends
		// the death signal when that thread ends.
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		defer close(w.done)
		err := cmd.Start()
		pw.Close()
		started <- err
		if err == nil {
			_ = cmd.Wait()
		}
	}()
	if err := <-started; err != nil {
		pr.Close()
		cancel()
		return err
	}
	go w.read(pr)
	l.hugo = w
	return nil
}

func (w *hugoWatch) read(pr *os.File) {
	defer pr.Close()
	sc := bufio.NewScanner(pr)
	sc.Buffer(make([]byte, 64*1024), 4*1024*1024)
	for sc.Scan() {
		w.mu.Lock()
		w.lines = append(w.lines, sc.Text())
		w.mu.Unlock()
		w.wake()
	}
	w.mu.Lock()
	w.eof = true
	w.mu.Unlock()
	w.wake()
}

func (w *hugoWatch) wake() {
	select {
	case w.notify <- struct{}{}:
	default:
	}
}

// rebuilt waits for Hugo to report the build that saw the marker.
func (w *hugoWatch) rebuilt(ctx context.Context) error {
	seen := false
	_, err := w.await(ctx, func(line string) bool {
		if rest, ok := strings.CutPrefix(line, "Source changed "); ok && rest == "/"+strings.TrimPrefix(liveMarker, "content/") {
			seen = true
		}
		return seen && strings.HasPrefix(line, "Total in ")
	})
	return err
}

// await reads Hugo's output until done says a line ends the wait. An error
// Hugo prints, its exit, ctx or liveTimeout end it with an error.
func (w *hugoWatch) await(ctx context.Context, done func(line string) bool) ([]string, error) {
	var read []string
	timeout := time.After(liveTimeout)
	for {
		w.mu.Lock()
		lines, eof := w.lines, w.eof
		w.lines = nil
		w.mu.Unlock()
		for _, line := range lines {
			read = append(read, line)
			if strings.HasPrefix(line, "ERROR") || strings.HasPrefix(line, "Error:") || strings.HasPrefix(line, "panic:") {
				return read, &Error{Stage: "hugo", Err: errors.New("hugo --watch reported an error"), Output: hugoMessage(strings.Join(read, "\n"), w.src, filepath.Dir(w.src))}
			}
			if done(line) {
				return read, nil
			}
		}
		if eof {
			return read, &Error{Stage: "hugo", Err: errors.New("hugo --watch exited"), Output: hugoMessage(strings.Join(read, "\n"), w.src, filepath.Dir(w.src))}
		}
		select {
		case <-w.notify:
		case <-ctx.Done():
			return read, ctx.Err()
		case <-timeout:
			return read, &Error{Stage: "hugo", Err: errors.New("hugo --watch did not finish in time")}
		}
	}
}

// stop ends Hugo and everything it started and waits for it.
func (w *hugoWatch) stop() {
	w.cancel()
	<-w.done
}
