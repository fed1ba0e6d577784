package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
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

	"github.com/disclose-dev/disclose/compiler/load"
	"github.com/disclose-dev/disclose/compiler/site"
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
	g.asOfFlag(cmd)
	return cmd
}

// server is the state of a running preview.
type server struct {
	mu       sync.Mutex
	dir      string // the last good build
	problems string // the last build's problems, empty when it succeeded
	builds   int    // completed builds, good or bad
	// pdfs typesets a PDF of the last good build on request, by its path
	// in the site; ok is false for a path that names no PDF.
	pdfs    func(name string) (data []byte, ok bool, err error)
	clients map[chan string]bool
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

// serveWatchAfter, when not negative, replaces the site build's
// WatchAfter (site.Live): tests set 0 to preview through Hugo's watch mode.
var serveWatchAfter time.Duration = -1

// watched are the project folders a save in which triggers a rebuild.
var watched = []string{"data", "content", "layouts", "static", "themes", "releases"}

// serve runs the preview on ln until ctx is done. built, when set, is called
// after every build with whether it succeeded (for tests).
func serve(ctx context.Context, cmd *cobra.Command, g *globals, ln net.Listener, out io.Writer, built func(ok bool)) error {
	// The preview is built inside the project (.cache/preview/PORT), not in
	// $TMPDIR: a preview killed outright leaves nothing elsewhere, and the
	// next one on the port replaces what it left (the site build cleans its
	// own leftovers under its lock).
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	work := filepath.Join(g.dir, ".cache", "preview", port)
	if err := os.MkdirAll(work, 0o755); err != nil {
		return err
	}
	defer os.RemoveAll(work)
	base := "http://" + ln.Addr().String() + "/"
	hugo, hugoDir, err := hugoCommand(g.dir)
	if err != nil {
		return err
	}
	// Resolved once: every rebuild then starts Hugo without go tool.
	hugo = site.ResolveHugo(ctx, hugo, hugoDir, nil)
	if g.sample {
		fmt.Fprintln(out, "disclose: --sample: previewing the built-in sample company, not a project's data")
	}
	// The site is built again in place on every save, Hugo kept running in
	// watch mode renders only the pages that changed (site.Live).
	live := site.NewLive(filepath.Join(work, "live"))
	if serveWatchAfter >= 0 {
		live.WatchAfter = serveWatchAfter
	}
	defer live.Close()
	loads := &load.Cache{} // a save re-parses only the files that changed
	s := &server{dir: live.Site(), clients: map[chan string]bool{}}

	rebuild := func() {
		var msgs bytes.Buffer
		start := time.Now()
		n, _, err := g.buildSite(ctx, cmd, buildSettings{baseURL: base, preview: true, drafts: true, hugo: hugo, hugoDir: hugoDir, live: live, loads: loads,
			built: func(in *site.Input, opts site.Options) {
				pdfs := previewPDFs(in, opts)
				s.mu.Lock()
				s.pdfs = pdfs
				s.mu.Unlock()
			}}, &msgs)
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
	mux.HandleFunc("/", s.serveFile)
	return loopbackOnly(mux)
}

// loopbackOnly refuses requests whose Host is not a loopback address: a
// web page elsewhere that rebinds its own name to 127.0.0.1 must not be able
// to read the preview.
func loopbackOnly(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host := r.Host
		if hh, _, err := net.SplitHostPort(host); err == nil {
			host = hh
		}
		host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
		ip := net.ParseIP(host)
		if !strings.EqualFold(host, "localhost") && (ip == nil || !ip.IsLoopback()) {
			http.Error(w, "this preview answers only on 127.0.0.1 or localhost", http.StatusMisdirectedRequest)
			return
		}
		w.Header().Set("X-Content-Type-Options", "nosniff")
		h.ServeHTTP(w, r)
	})
}

// serveFile serves a file of the last good build, read through os.Root so
// no request can reach outside it; PDFs, which the preview does not build
// ahead, are typeset on request.
func (s *server) serveFile(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	dir, pdfs := s.dir, s.pdfs
	s.mu.Unlock()
	name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	if name == "" {
		name = "."
	}
	if !fs.ValidPath(name) || strings.ContainsAny(name, "\x00\\") {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		http.Error(w, "the preview is not built yet", http.StatusServiceUnavailable)
		return
	}
	defer root.Close()
	if info, err := root.Stat(name); err == nil && info.IsDir() {
		name = path.Join(name, "index.html")
	}
	w.Header().Set("Cache-Control", "no-store")
	b, err := readRegular(root, name)
	switch {
	case err == nil:
	case errors.Is(err, fs.ErrNotExist) && path.Ext(name) == ".pdf" && pdfs != nil:
		if data, ok, perr := pdfs(name); ok {
			if perr != nil {
				http.Error(w, "this PDF cannot be typeset: "+perr.Error(), http.StatusInternalServerError)
				return
			}
			w.Header().Set("Content-Type", "application/pdf")
			_, _ = w.Write(data)
			return
		}
		fallthrough
	case errors.Is(err, fs.ErrNotExist):
		b, _ = readRegular(root, "404.html")
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		_, _ = w.Write(injectLive(b))
		return
	default:
		// The error names the file on this machine: say only what failed.
		http.Error(w, "cannot read this file", http.StatusInternalServerError)
		return
	}
	ctype := contentType(name, b)
	w.Header().Set("Content-Type", ctype)
	if strings.HasPrefix(ctype, "text/html") {
		b = injectLive(b)
	}
	_, _ = w.Write(b)
}

// readRegular reads a regular file of root (a named pipe would block).
func readRegular(root *os.Root, name string) ([]byte, error) {
	info, err := root.Stat(name)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fs.ErrNotExist
	}
	return root.ReadFile(name)
}

// injectLive adds the live-reload script to a preview page.
func injectLive(b []byte) []byte {
	return bytes.Replace(b, []byte("</body>"), []byte(`<script src="/_disclose/live.js"></script></body>`), 1)
}

// contentTypes are the types of the files a site holds, so browsers apply
// stylesheets and open PDFs; anything else is sniffed from its content.
var contentTypes = map[string]string{
	".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8",
	".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
	".json": "application/json", ".xml": "application/xml; charset=utf-8",
	".txt": "text/plain; charset=utf-8", ".pdf": "application/pdf", ".svg": "image/svg+xml",
	".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
	".webp": "image/webp", ".avif": "image/avif", ".ico": "image/x-icon",
	".woff": "font/woff", ".woff2": "font/woff2", ".ttf": "font/ttf", ".otf": "font/otf",
	".webmanifest": "application/manifest+json", ".map": "application/json",
}

func contentType(name string, b []byte) string {
	if t, ok := contentTypes[strings.ToLower(path.Ext(name))]; ok {
		return t
	}
	if t := mime.TypeByExtension(path.Ext(name)); t != "" {
		return t
	}
	return http.DetectContentType(b)
}

// previewPDFs typesets, on request, the PDF of a page of the preview. Each
// is made once per build.
func previewPDFs(in *site.Input, opts site.Options) func(name string) ([]byte, bool, error) {
	var mu sync.Mutex
	made := map[string][]byte{}
	return func(name string) ([]byte, bool, error) {
		mu.Lock()
		defer mu.Unlock()
		if b, ok := made[name]; ok {
			return b, true, nil
		}
		b, ok, err := site.PDF(in, opts, name)
		if ok && err == nil {
			made[name] = b
		}
		return b, ok, err
	}
}
