package app

import (
	"go/types"
	"sync"
	"testing"

	"golang.org/x/tools/go/packages"
)

// typed loads every package under app once, type-checked, without its
// tests: the layer rules hold for what ships, and tests may seed a
// database through the store directly.
var typed = sync.OnceValues(func() ([]*packages.Package, error) {
	cfg := &packages.Config{
		Mode:       packages.NeedName | packages.NeedSyntax | packages.NeedTypes | packages.NeedTypesInfo | packages.NeedImports,
		BuildFlags: []string{"-tags", "sqlite_fts5"},
	}
	return packages.Load(cfg, module+"app/...")
})

// loadTyped returns the packages under app, or fails the test when one
// does not load or type-check.
func loadTyped(t *testing.T) []*packages.Package {
	t.Helper()
	pkgs, err := typed()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pkgs {
		for _, e := range p.Errors {
			t.Fatalf("%s: %v", p.PkgPath, e)
		}
	}
	return pkgs
}

// declaredIn says whether obj belongs to the package at path.
func declaredIn(obj types.Object, path string) bool {
	return obj != nil && obj.Pkg() != nil && obj.Pkg().Path() == module+path
}
