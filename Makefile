# disclose: see README.md. Every target installs what it needs itself.

GO      ?= go
DISCLOSE = bin/disclose

# AS_OF is the day the site is built as of: the same commit and day give a
# byte-identical public/.
AS_OF ?= $(shell date -u +%F)

.PHONY: all site publish test browser-setup check golden bench lint build clean fuzz

all: test

## build: compile the disclose command into bin/
build:
	$(GO) build -o $(DISCLOSE) ./cmd/disclose

## site: check the sample company's data and build its website into public/ (Hugo via go tool)
site: build
	./$(DISCLOSE) build --out public

## publish: what CI runs on merge and daily: verify releases, build public/ as of AS_OF (default: today, UTC)
publish: build
	./$(DISCLOSE) verify
	./$(DISCLOSE) build --as-of $(AS_OF) --out public $(if $(BASE_URL),--base-url $(BASE_URL))

## check: check the data/ folder (the sample company in this repository)
check: build
	./$(DISCLOSE) check

## test: formatting, vet, every test (goldens, end-to-end Hugo builds, browser checks) and a short run of every fuzz target
test: lint browser-setup
	$(GO) run ./cmd/disclose verify
	$(GO) test -count=1 ./...
	$(MAKE) fuzz FUZZTIME=$(TEST_FUZZTIME)

# FUZZTIME is how long `make fuzz` runs each fuzz target; make test runs each
# for TEST_FUZZTIME. Crashers are written to the package's testdata/fuzz/.
FUZZTIME ?= 1m
TEST_FUZZTIME ?= 5s
FUZZ_TARGETS = ./compiler:FuzzCompile ./compiler/load:FuzzLoad ./compiler/load/internal/yamlparser:FuzzSameTreesAsUpstream ./compiler/pdf:FuzzRender ./compiler/release:FuzzLedger

## fuzz: run every fuzz target for FUZZTIME each (default 1m; make fuzz FUZZTIME=10m for longer)
fuzz:
	@set -e; for t in $(FUZZ_TARGETS); do \
		pkg=$${t%%:*}; name=$${t##*:}; \
		echo "fuzz: $$name ($$pkg) for $(FUZZTIME)"; \
		$(GO) test $$pkg -run '^$$' -fuzz "^$$name\$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 5s; \
	done

## browser-setup: Debian chromium, poppler-utils, qpdf (apt-get when missing) and npm packages for the browser and PDF tests
browser-setup:
	./scripts/browser-setup.sh

## lint: gofmt and go vet must be clean
lint:
	@unformatted=$$(gofmt -l $$(git ls-files -co --exclude-standard '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$unformatted" ]; then echo "gofmt would change:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet ./...

## golden: rewrite golden files from the current output; review the diff
golden:
	$(GO) generate ./compiler/model
	$(GO) test -count=1 ./... -update

## bench: speed and memory benchmarks
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

clean:
	rm -rf bin public
