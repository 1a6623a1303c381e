package app

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestOnlyTheRootBuildsServices keeps the composition root the one place
// that wires Portico. A domain service package is one that declares
// `type Service struct` (agent, contact, portal, ...).
//
//   - No package but app may build a Service (a composite literal or
//     NewService): it is handed the one app.Wire built, so two copies
//     with different settings never drift apart.
//   - Outside app, a package may import at most one service package
//     whose Service it does not use, for that domain's rules (contact's
//     input checks, say). Reaching into several domains for helpers
//     means those helpers belong in a package named for them, as token
//     and address are. rulesOf lists the packages whose job is to apply
//     several domains' rules.
//
// Tests are exempt: they build what they test.
func TestOnlyTheRootBuildsServices(t *testing.T) {
	services := servicePackages(t)
	for _, dir := range goDirs(t, ".") {
		pkg := "app/" + filepath.ToSlash(dir)
		if dir == "." {
			continue
		}
		used, built, imported := serviceUses(t, dir, services)
		var unused []string
		for imp := range imported {
			if !used[imp] {
				unused = append(unused, strings.TrimPrefix(imp, module))
			}
		}
		if len(unused) > 1 && rulesOf[pkg] == "" {
			t.Errorf("%s imports %v without using their Service: move what it uses to a package named for it", pkg, unused)
		}
		for imp := range built {
			t.Errorf("%s builds a %s.Service: take it from the composition root (app.Wire) instead", pkg, imp)
		}
	}
}

// rulesOf names the packages that apply several domains' rules without
// their services, and why.
var rulesOf = map[string]string{
	"app/imports": "checks each imported row with contact's and company's input rules before writing it in bulk",
}

// servicePackages returns the import paths of the packages under app
// that declare a Service type.
func servicePackages(t *testing.T) map[string]bool {
	out := map[string]bool{}
	for _, dir := range goDirs(t, ".") {
		eachFile(t, dir, func(f *ast.File) {
			for _, d := range f.Decls {
				if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.TYPE {
					for _, s := range g.Specs {
						if s.(*ast.TypeSpec).Name.Name == "Service" {
							out[module+"app/"+filepath.ToSlash(dir)] = true
						}
					}
				}
			}
		})
	}
	return out
}

// serviceUses reports, for the service packages that dir imports, which
// it refers to by Service or NewService and which it builds.
func serviceUses(t *testing.T, dir string, services map[string]bool) (used, built, imported map[string]bool) {
	used, built, imported = map[string]bool{}, map[string]bool{}, map[string]bool{}
	eachFile(t, dir, func(f *ast.File) {
		names := map[string]string{}
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			if services[p] {
				imported[p] = true
				names[filepath.Base(p)] = p
			}
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.CompositeLit); ok {
				if p, ok := serviceRef(lit.Type, names); ok {
					built[p] = true
				}
			}
			if p, ok := serviceRef(n, names); ok {
				used[p] = true
				if n.(*ast.SelectorExpr).Sel.Name == "NewService" {
					built[p] = true
				}
			}
			return true
		})
	})
	return used, built, imported
}

// serviceRef tells whether n is pkg.Service or pkg.NewService for an
// imported service package, and returns that package.
func serviceRef(n ast.Node, names map[string]string) (string, bool) {
	sel, ok := n.(*ast.SelectorExpr)
	if !ok || (sel.Sel.Name != "Service" && sel.Sel.Name != "NewService") {
		return "", false
	}
	x, ok := sel.X.(*ast.Ident)
	if !ok || names[x.Name] == "" {
		return "", false
	}
	return names[x.Name], true
}

// eachFile parses the non-test Go files of dir.
func eachFile(t *testing.T, dir string, fn func(*ast.File)) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".go") || strings.HasSuffix(e.Name(), "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), filepath.Join(dir, e.Name()), nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		fn(f)
	}
}
