# disclose: see README.md. Every target installs what it needs itself.

GO      ?= go
DISCLOSE = bin/disclose

# AS_OF is the day the site is built as of: the same commit and day give a
# byte-identical public/.
AS_OF ?= $(shell date -u +%F)

.PHONY: all site publish test browser-setup check check-github review review-github golden bench bench-build scale lint build clean fuzz

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

# The pull-request workflows' steps (.github/workflows/check.yml and
# privacy-review.yml), values quoted from the environment:
# check's problems as GitHub annotations; the review comment and the
# sign-off, judged by APPROVER_ROLES, APPROVERS and APPROVAL_LABEL.
check-github: build
	./$(DISCLOSE) check --format github $(if $(value CHANGED),--changed "$$CHANGED")

review-github: build
	./$(DISCLOSE) review --github $(if $(value APPROVER_ROLES),--approver-role "$$APPROVER_ROLES") $(if $(value APPROVERS),--approver "$$APPROVERS") $(if $(value APPROVAL_LABEL),--approval-label "$$APPROVAL_LABEL") $(if $(value BASE),--base "$$BASE") $(if $(value BASE_LEDGER),--base-ledger "$$BASE_LEDGER") $(if $(value STATUS_CONTEXT),--status "$$STATUS_CONTEXT")

## review: the pull-request comment for the data as it is now, as the workflow would post it
review: build
	./$(DISCLOSE) review

## test: formatting, vet, every test (goldens, end-to-end Hugo builds, browser checks) and a short run of every fuzz target
test: lint browser-setup
	$(GO) run ./cmd/disclose verify
	$(GO) test -count=1 ./...
	$(MAKE) fuzz BRIEF=1

# FUZZTIME is how long `make fuzz` runs each fuzz target (a time, or a count
# such as 500x). make test runs each target briefly, for the number of
# executions after its name in FUZZ_TARGETS: a count, not a time, since a time
# that runs out while the fuzzer is still replaying its corpus fails the run
# on a slow machine. Crashers are written to the package's testdata/fuzz/.
FUZZTIME ?= 1m
FUZZ_TARGETS = ./compiler:FuzzCompile:40 ./compiler/load:FuzzLoad:3000 \
	./compiler/load/internal/yamlparser:FuzzSameTreesAsUpstream:3000 \
	./compiler/pdf:FuzzRender:150 ./compiler/release:FuzzLedger:3000

## fuzz: run every fuzz target for FUZZTIME each (default 1m; make fuzz FUZZTIME=10m for longer)
fuzz:
	@set -e; for t in $(FUZZ_TARGETS); do \
		pkg=$${t%%:*}; rest=$${t#*:}; name=$${rest%%:*}; count=$${rest#*:}; \
		time=$(FUZZTIME); if [ "$(BRIEF)" = 1 ]; then time=$${count}x; fi; \
		echo "fuzz: $$name ($$pkg) for $$time"; \
		$(GO) test $$pkg -run '^$$' -fuzz "^$$name\$$" -fuzztime $$time -fuzzminimizetime 5s; \
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

## bench: speed and memory benchmarks, then the sample build against bare Hugo (bench-build)
bench: bench-build
	$(GO) test -run '^$$' -bench . -benchmem ./...

## scale: time check and build on 50, 500 and 5,000 processors (scripts/scale.sh)
scale:
	scripts/scale.sh

## bench-build: disclose build of the sample against bare Hugo on the same pages, warm and cold, as a ratio (RUNS=7)
bench-build:
	./scripts/bench-build.sh $(RUNS)

clean:
	rm -rf bin public
