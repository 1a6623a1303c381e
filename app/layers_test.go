package app

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/portico-hub/portico/"

// sdk is the plugin SDK module, which app packages reach only through
// pluginhost and imports.
const sdk = "plugins/sdk"

// allowed lists, per package, the Portico packages it may import. Imports
// point downward: cmd/portico → app/cli → app → web → domain packages →
// store → model. A package missing here may import nothing of Portico's.
var allowed = map[string][]string{
	"cmd/portico": {"app/cli"},
	// cli parses the command line and calls the composition root for the
	// server and the parts a one-shot command needs.
	"app/cli":        {"app", "app/agent", "app/config", "app/demo", "app/exports", "app/imports", "app/jobs", "app/model", "app/pluginhost", "app/store", "app/wording", "static"},
	"app":            {"app/activation", "app/crmsync", "app/password", "app/bulk", "app/company", "app/contact", "app/passkey", "app/portal", "app/ticket", "app/config", "app/model", "app/store", "app/web", "app/agent", "app/exports", "app/imports", "app/jobs", "app/mail", "app/maintenance", "app/pluginhost", "app/timesheet", "app/webhooks", "static", "app/notify"},
	"app/web":        {"app/activation", "app/bulk", "app/crmsync", "app/address", "app/agent", "app/company", "app/config", "app/contact", "app/exports", "app/importfile", "app/imports", "app/jobs", "app/mail", "app/events", "app/model", "app/passkey", "app/pluginhost", "app/portal", "app/store", "app/throttle", "app/token", "app/ticket", "app/timesheet", "app/webhooks", "static", "views", "app/wording", "app/notify"},
	"app/passkey":    {"app/model", "app/store", "app/token"},
	"app/agent":      {"app/address", "app/model", "app/password", "app/store", "app/token"},
	"app/activation": {"app/contact", "app/jobs", "app/mail", "app/model", "app/password", "app/store", "app/token", "app/wording", "app/notify"},
	"app/timesheet":  {"app/exports", "app/model", "app/store"},
	"app/ticket":     {"app/activation", "app/contact", "app/mail", "app/model", "app/store", "app/notify"},
	"app/portal":     {"app/contact", "app/mail", "app/model", "app/password", "app/store", "app/token", "app/notify"},
	"app/password":   {"app/model"},
	"app/token":      {},
	"app/address":    {},
	"app/wording":    {},
	"app/contact":    {"app/address", "app/model", "app/oneline", "app/store"},
	"app/company":    {"app/model", "app/oneline", "app/store"},
	"app/bulk":       {"app/contact", "app/jobs", "app/model", "app/oneline", "app/store"},
	"app/demo":       {"app/model", "app/store"},
	"app/importfile": {"app/contact", "app/model"},
	"app/jobs":       {"app/model", "app/store"},
	"app/mail":       {"app/config", "app/jobs", "app/model", "app/store"},
	// notify routes messages through channel plugins: it uses the SDK's
	// plain-text rules and message limits, and runs plugins via pluginhost.
	"app/notify":      {"app/jobs", "app/mail", "app/model", "app/pluginhost", "app/store", sdk},
	"app/maintenance": {"app/exports", "app/jobs", "app/model", "app/store"},
	"app/exports":     {"app/jobs", "app/mail", "app/model", "app/store", "app/wording"},
	"app/crmsync":     {"app/company", "app/contact", "app/events", "app/jobs", "app/model", "app/oneline", "app/pluginhost", "app/store", sdk},
	"app/imports":     {"app/company", "app/contact", "app/importfile", "app/jobs", "app/model", "app/store", sdk},
	// storetest seeds benchmark databases; only tests import it.
	"app/store/storetest": {"app/demo", "app/internal/testkit", "app/model", "app/store"},
	// testkit starts real servers with the SDK's helpers for them.
	"app/internal/testkit": {sdk + "/sdktest"},
	"app/store":            {"app/events", "app/model", "migrations"},
	"app/events":           {"app/model"},
	// pluginhost runs plugins through the SDK's host package, the only
	// part of plugins/ that app imports.
	"app/pluginhost": {"app/model", "app/store", sdk, sdk + "/host", sdk + "/manifest"},
	"app/webhooks":   {"app/events", "app/mail", "app/model", "app/store"},
}

// TestImportsPointDownward fails when a package imports one it must not,
// and when anything but web imports Fiber.
func TestImportsPointDownward(t *testing.T) {
	root := ".."
	filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") || strings.Contains(path, "node_modules") {
			return nil
		}
		rel, _ := filepath.Rel(root, filepath.Dir(path))
		rel = filepath.ToSlash(rel)
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			checkImport(t, rel, path, p)
		}
		return nil
	})
}

// TestTheCommandLineSitsAboveTheRoot keeps the command line on top: main
// reaches Portico only through cli, cli calls app and never web, and
// nothing below cli imports it, so the root never depends on its flags.
func TestTheCommandLineSitsAboveTheRoot(t *testing.T) {
	if got := allowed["cmd/portico"]; len(got) != 1 || got[0] != "app/cli" {
		t.Errorf("cmd/portico may import %v; it must import app/cli alone", got)
	}
	if slices.Contains(allowed["app/cli"], "app/web") {
		t.Error("app/cli may import app/web: the command line reaches the server through app.Wire")
	}
	for pkg, imps := range allowed {
		if pkg != "cmd/portico" && slices.Contains(imps, "app/cli") {
			t.Errorf("%s may import app/cli: only cmd/portico does", pkg)
		}
	}
}

func checkImport(t *testing.T, pkg, file, imp string) {
	if strings.HasPrefix(imp, "github.com/gofiber/") && pkg != "app/web" && pkg != "static" {
		t.Errorf("%s imports %s: only app/web touches Fiber", file, imp)
	}
	if !strings.HasPrefix(imp, module) {
		return
	}
	target := strings.TrimPrefix(imp, module)
	if strings.HasPrefix(pkg, "plugins/") {
		if strings.HasPrefix(target, "app") {
			t.Errorf("%s imports %s: plugins never import app/", file, imp)
		}
		return
	}
	for _, ok := range allowed[pkg] {
		if target == ok {
			return
		}
	}
	t.Errorf("%s imports %s, which %s may not import", file, imp, pkg)
}

// TestWebChangesStateThroughServices fails when a handler could change
// state without a domain service: when app/web calls a *store.Store
// method that is not one of readsWebMayCall, takes a store method as a
// value, or hands the store to anything but its own Server (a service it
// would build itself could write). Types decide what is a store method,
// not names, so neither a renamed variable nor a service's Store field
// hides a call. Web's tests may still seed data through the store.
func TestWebChangesStateThroughServices(t *testing.T) {
	for _, p := range loadTyped(t) {
		if p.PkgPath != module+"app/web" {
			continue
		}
		for _, u := range webStoreUses(p) {
			t.Errorf("%s: web %s; web changes state only through the domain services in web.Deps", u.pos, u.what)
		}
		return
	}
	t.Fatal("app/web did not load")
}

// TestOnlyTheRootPassesServicesAlong fails when a package under app other
// than the composition root (app itself) imports more than one domain
// service package it does not use. A domain service package is one
// that owns rules over the store: it imports app/store (web, which sits
// above them, and the test seeder storetest are not). A package uses
// one when it calls a function or method declared there; importing one
// only to name its types, to hold its services and hand them on, is
// wiring, which belongs to the composition root. One such import is
// let through, for a service that keeps another for its own job.
func TestOnlyTheRootPassesServicesAlong(t *testing.T) {
	pkgs := loadTyped(t)
	domain := map[string]bool{}
	for _, p := range pkgs {
		path := strings.TrimPrefix(p.PkgPath, module)
		if p.Imports[module+"app/store"] != nil && path != "app" && path != "app/web" && path != "app/store/storetest" {
			domain[path] = true
		}
	}
	for _, p := range pkgs {
		if p.PkgPath == module+"app" {
			continue
		}
		called := calledPackages(p)
		var carried []string
		for imp := range p.Imports {
			if path := strings.TrimPrefix(imp, module); domain[path] && !called[path] {
				carried = append(carried, path)
			}
		}
		if len(carried) > 1 {
			slices.Sort(carried)
			t.Errorf("%s imports %v without calling them: only the composition root (app) wires services together", p.PkgPath, carried)
		}
	}
}
