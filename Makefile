# disclose: see README.md. Every target installs what it needs itself.

GO      ?= go
DISCLOSE = bin/disclose

# AS_OF is the day the site is built as of: the same commit and day give a
# byte-identical public/.
AS_OF ?= $(shell date -u +%F)

.PHONY: all site publish test browser-setup check golden bench lint build clean

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

## test: formatting, vet, and every test (goldens, end-to-end Hugo builds, browser checks)
test: lint browser-setup
	$(GO) run ./cmd/disclose verify
	$(GO) test -count=1 ./...

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
