package app

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEveryPackageHasDoc fails when a package of app or cmd has no
// doc.go, or when its package comment does not say what the package may
// or must not import: that sentence is how a reader learns the layering
// before reading layers_test.go.
func TestEveryPackageHasDoc(t *testing.T) {
	for _, dir := range goDirs(t, "../app", "../cmd") {
		f, err := parser.ParseFile(token.NewFileSet(), filepath.Join(dir, "doc.go"), nil, parser.PackageClauseOnly|parser.ParseComments)
		if err != nil {
			t.Errorf("%s has no doc.go: say what the package owns and what it must not import", dir)
			continue
		}
		if f.Doc == nil || !strings.Contains(f.Doc.Text(), "import") {
			t.Errorf("%s/doc.go does not say what the package may import", dir)
		}
	}
}

// goDirs lists the directories under roots that hold non-test Go files.
func goDirs(t *testing.T, roots ...string) []string {
	seen := map[string]bool{}
	var dirs []string
	for _, root := range roots {
		err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return err
			}
			if dir := filepath.Dir(path); !seen[dir] {
				seen[dir] = true
				dirs = append(dirs, dir)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return dirs
}
