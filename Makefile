# Portico. `make run` starts it; `make test` runs every test.
GO      ?= go
TAGS    := sqlite_fts5
VENDOR  := static/vendor/htmx.min.js
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2

# SQLite's C source is compiled without debug information, which takes a
# quarter less time on the first build; Go code keeps its own. Every
# target uses the same flags, so they share one build cache.
export CGO_CFLAGS ?= -O2 -g0

.PHONY: run demo build test bench lint screenshots vendor clean

run: build
	./bin/portico serve

# The demo keeps its own database, so it never mixes with real data.
demo: build
	PORTICO_DB=$${PORTICO_DB:-data/demo.db} ./bin/portico serve --demo

# The first build compiles SQLite, which takes minutes: go build -v names
# each package as it compiles, and a line every 20 seconds shows that the
# build goes on. Later builds take seconds and print one line.
build: vendor
	@echo "Building bin/portico. The first build compiles SQLite (C): 1-3 minutes on two idle cores, more on a busy machine; later builds take seconds."
	@start=$$(date +%s); \
	( while sleep 20; do echo "  ... still compiling, $$(( $$(date +%s) - start )) s so far (SQLite is the longest part)"; done ) & tick=$$!; \
	$(GO) build -v -tags $(TAGS) -o bin/portico ./cmd/portico; status=$$?; kill $$tick; \
	[ $$status -eq 0 ] && echo "Built bin/portico in $$(( $$(date +%s) - start )) s."; exit $$status

test: vendor
	$(GO) test -race -tags $(TAGS) -timeout 20m ./...

bench: vendor
	$(GO) test -tags $(TAGS) -run '^$$' -bench . -benchmem -timeout 30m ./app/...

# The README's screenshots (static/img/screens), at 1,366 and 390 pixels,
# each with its page's outline beside it; a browser test fails when a
# page no longer matches its outline, and this takes them all again.
screenshots: vendor
	PORTICO_SCREENS=write $(GO) test -tags $(TAGS) -count=1 -run 'TestScreenshotsMatchTheirPages' ./app/e2e

lint: vendor
	@test -z "$$(gofmt -l .)" || (gofmt -l . && exit 1)
	$(GO) vet -tags $(TAGS) ./...
	$(GO) run $(STATICCHECK) -tags $(TAGS) ./...

# Front-end packages come from npm (package-lock.json pins them) and are
# copied next to our own static files, which the binary embeds.
vendor: $(VENDOR)

$(VENDOR): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	cp node_modules/htmx.org/dist/htmx.min.js static/vendor/
	cp node_modules/@simplewebauthn/browser/dist/bundle/index.umd.min.js static/vendor/simplewebauthn-browser.min.js
	@touch $@

clean:
	rm -rf bin node_modules static/vendor/*.js
