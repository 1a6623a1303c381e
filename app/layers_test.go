package app

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/portico-hub/portico/"

// sdk is the plugin SDK module, which app packages reach only through
// pluginhost and imports.
const sdk = "plugins/sdk"

// allowed lists, per package, the Portico packages it may import. Imports
// point downward: cmd → app → web → domain packages → store → model.
// A package missing here may import nothing of Portico's.
var allowed = map[string][]string{
	"app":            {"app/activation", "app/password", "app/bulk", "app/company", "app/contact", "app/passkey", "app/portal", "app/ticket", "app/config", "app/model", "app/store", "app/web", "app/agent", "app/demo", "app/exports", "app/imports", "app/jobs", "app/mail", "app/maintenance", "app/notify", "app/pluginhost", "app/timesheet", "app/webhooks", "static", "app/wording"},
	"app/web":        {"app/activation", "app/bulk", "app/address", "app/agent", "app/company", "app/config", "app/contact", "app/exports", "app/importfile", "app/imports", "app/jobs", "app/mail", "app/events", "app/model", "app/notify", "app/passkey", "app/pluginhost", "app/portal", "app/store", "app/throttle", "app/token", "app/ticket", "app/timesheet", "app/webhooks", "static", "views", "app/wording"},
	"app/passkey":    {"app/model", "app/store", "app/token"},
	"app/agent":      {"app/address", "app/model", "app/password", "app/store", "app/token"},
	"app/activation": {"app/contact", "app/jobs", "app/mail", "app/model", "app/notify", "app/password", "app/store", "app/token", "app/wording"},
	"app/timesheet":  {"app/exports", "app/model", "app/store"},
	"app/ticket":     {"app/activation", "app/contact", "app/mail", "app/model", "app/notify", "app/store"},
	"app/portal":     {"app/contact", "app/mail", "app/model", "app/notify", "app/password", "app/store", "app/token"},
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
	"app/exports":     {"app/jobs", "app/mail", "app/model", "app/store"},
	"app/imports":     {"app/company", "app/contact", "app/importfile", "app/jobs", "app/model", "app/store", sdk},
	// storetest seeds benchmark databases; only tests import it.
	"app/store/storetest": {"app/demo", "app/model", "app/store"},
	"app/store":           {"app/events", "app/model", "migrations"},
	"app/events":          {"app/model"},
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
	if pkg == "cmd/portico" && target == "app" {
		return
	}
	for _, ok := range allowed[pkg] {
		if target == ok {
			return
		}
	}
	t.Errorf("%s imports %s, which %s may not import", file, imp, pkg)
}
