package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
	"github.com/spf13/cobra"
)

func newServeCmd(g *globals) *cobra.Command {
	var port int
	cmd := &cobra.Command{
		Use:   "serve [--port 1313]",
		Short: "Preview the site while you edit, rebuilding on every save",
		Long: `Serve builds the site with every notice's draft shown at its address (marked as
a preview) and serves it on http://127.0.0.1:PORT. It watches data/, content/,
layouts/, static/, themes/ and releases/ (new files and folders included),
rebuilds after each burst of saves, and reloads the page open in the browser.

When a save breaks the data, the last good build stays on screen, the problems
are printed here and shown over the page (file:line, message, rule), and the
overlay goes away once they are fixed. Ctrl-C stops it.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ln, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", port))
			if err != nil {
				return fmt.Errorf("cannot listen on port %d: %w", port, err)
			}
			return serve(cmd.Context(), cmd, g, ln, cmd.OutOrStdout(), nil)
		},
	}
	cmd.Flags().IntVar(&port, "port", 1313, "the `port` to serve on")
	return cmd
}

// server is the state of a running preview.
type server struct {
	mu       sync.Mutex
	dir      string // the last good build
	problems string // the last build's problems, empty when it succeeded
	builds   int    // completed builds, good or bad
	clients  map[chan string]bool
}

func (s *server) broadcast(event string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for c := range s.clients {
		select {
		case c <- event:
		default: // a slow client misses an event; it gets the next one
		}
	}
}

// watched are the project folders a save in which triggers a rebuild.
var watched = []string{"data", "content", "layouts", "static", "themes", "releases"}

// serve runs the preview on ln until ctx is done. built, when set, is called
// after every build with whether it succeeded (for tests).
func serve(ctx context.Context, cmd *cobra.Command, g *globals, ln net.Listener, out io.Writer, built func(ok bool)) error {
	work, err := os.MkdirTemp("", "disclose-serve-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	base := "http://" + ln.Addr().String() + "/"
	hugo, hugoDir, err := hugoCommand(g.dir)
	if err != nil {
		return err
	}
	hugo = resolveHugo(hugo, hugoDir)
	s := &server{dir: filepath.Join(work, "public"), clients: map[chan string]bool{}}

	rebuild := func() {
		var msgs bytes.Buffer
		start := time.Now()
		n, _, err := g.buildSite(ctx, cmd, buildSettings{out: s.dir, baseURL: base, preview: true, drafts: true, hugo: hugo, hugoDir: hugoDir}, &msgs)
		s.mu.Lock()
		s.builds++
		if err != nil {
			if msgs.Len() == 0 {
				msgs.WriteString(err.Error() + "\n")
			}
			s.problems = msgs.String()
		} else {
			s.problems = ""
		}
		problems := s.problems
		s.mu.Unlock()
		if err != nil {
			fmt.Fprintf(out, "%s\nbuild failed; still serving the last good build\n", strings.TrimRight(problems, "\n"))
			s.broadcast("problems")
		} else {
			fmt.Fprintf(out, "rebuilt %d notices in %s\n", n, time.Since(start).Round(time.Millisecond))
			s.broadcast("reload")
		}
		if built != nil {
			built(err == nil)
		}
	}

	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	addTree := func(dir string) {
		_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err == nil && d.IsDir() {
				if strings.HasPrefix(d.Name(), ".") && p != dir {
					return filepath.SkipDir
				}
				_ = w.Add(p)
			}
			return nil
		})
	}
	_ = w.Add(g.dir) // to see watched folders appear
	for _, sub := range watched {
		addTree(filepath.Join(g.dir, sub))
	}

	rebuild()
	srv := &http.Server{Handler: s.handler(), ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	defer srv.Close()
	fmt.Fprintf(out, "Serving the preview on %s (Ctrl-C to stop)\n", base)

	// Rebuild 60 ms after the last of a burst of events: an editor's save is
	// often several (write, rename, chmod).
	const quiet = 60 * time.Millisecond
	var timer <-chan time.Time
	for {
		select {
		case <-ctx.Done():
			fmt.Fprintln(out, "stopped")
			return nil
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			if !relevant(g.dir, ev.Name) {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
					addTree(ev.Name)
				}
			}
			timer = time.After(quiet)
		case err, ok := <-w.Errors:
			if !ok {
				return nil
			}
			fmt.Fprintf(out, "watching: %v\n", err)
		case <-timer:
			timer = nil
			rebuild()
		}
	}
}

// relevant reports whether a change at name should trigger a rebuild: it is
// in a watched folder (or is one) and is not an editor's temporary file.
func relevant(root, name string) bool {
	rel, err := filepath.Rel(root, name)
	if err != nil {
		return false
	}
	first := strings.Split(filepath.ToSlash(rel), "/")[0]
	base := filepath.Base(name)
	if strings.HasPrefix(base, ".") || strings.HasSuffix(base, "~") || strings.HasSuffix(base, ".swp") || strings.HasSuffix(base, ".tmp") {
		return false
	}
	for _, w := range watched {
		if first == w {
			return true
		}
	}
	return false
}

// liveJS reloads the page after a good build and shows the problems of a
// bad one over the page, until they are fixed.
const liveJS = `(function () {
  var box;
  function show(text) {
    if (!box) {
      box = document.createElement("div");
      box.id = "disclose-problems";
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;inset:auto 1rem 1rem 1rem;max-height:60vh;overflow:auto;background:#fff;color:#1b1b1f;border:3px solid #b00020;border-radius:6px;padding:1rem;font:14px/1.45 ui-monospace,monospace;white-space:pre-wrap;z-index:9999;box-shadow:0 4px 24px rgba(0,0,0,.3)";
      document.body.appendChild(box);
    }
    box.textContent = "disclose: the last save has problems; this page shows the last good build.\n\n" + text;
  }
  function check() {
    fetch("/_disclose/status").then(function (r) { return r.json(); }).then(function (s) {
      if (s.problems) { show(s.problems); } else if (box) { box.remove(); box = null; }
    });
  }
  var es = new EventSource("/_disclose/events");
  es.addEventListener("reload", function () { location.reload(); });
  es.addEventListener("problems", check);
  check();
})();
`

func (s *server) handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/_disclose/live.js", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		io.WriteString(w, liveJS)
	})
	mux.HandleFunc("/_disclose/status", func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		st := map[string]any{"problems": s.problems, "builds": s.builds}
		s.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(st)
	})
	mux.HandleFunc("/_disclose/events", func(w http.ResponseWriter, r *http.Request) {
		fl, ok := w.(http.Flusher)
		if !ok {
			http.Error(w, "streaming unsupported", http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "text/event-stream")
		w.Header().Set("Cache-Control", "no-cache")
		c := make(chan string, 4)
		s.mu.Lock()
		s.clients[c] = true
		s.mu.Unlock()
		defer func() {
			s.mu.Lock()
			delete(s.clients, c)
			s.mu.Unlock()
		}()
		io.WriteString(w, ": connected\n\n")
		fl.Flush()
		for {
			select {
			case <-r.Context().Done():
				return
			case ev := <-c:
				fmt.Fprintf(w, "event: %s\ndata: %s\n\n", ev, ev)
				fl.Flush()
			}
		}
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		dir := s.dir
		s.mu.Unlock()
		p := path.Clean("/" + r.URL.Path)
		file := filepath.Join(dir, filepath.FromSlash(p))
		if info, err := os.Stat(file); err == nil && info.IsDir() {
			file = filepath.Join(file, "index.html")
		}
		b, err := os.ReadFile(file)
		if errors.Is(err, os.ErrNotExist) {
			w.WriteHeader(http.StatusNotFound)
			b, _ = os.ReadFile(filepath.Join(dir, "404.html"))
			file = "404.html"
		} else if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Cache-Control", "no-store")
		if strings.HasSuffix(file, ".html") {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			b = bytes.Replace(b, []byte("</body>"), []byte(`<script src="/_disclose/live.js"></script></body>`), 1)
		}
		_, _ = w.Write(b)
	})
	return mux
}
