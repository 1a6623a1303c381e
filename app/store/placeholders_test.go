package store

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
)

// SQLite numbers "$N" parameters by first appearance, not by N, while
// PostgreSQL binds by N. Both agree only when every statement introduces
// $1, $2, ... in order, which this test enforces on every SQL literal.
func TestPlaceholdersAppearInOrder(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	re := regexp.MustCompile(`\$(\d+)`)
	fset := token.NewFileSet()
	for _, f := range files {
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			next := 1
			seen := map[int]bool{}
			for _, m := range re.FindAllStringSubmatch(lit.Value, -1) {
				n, _ := strconv.Atoi(m[1])
				if seen[n] {
					continue
				}
				if n != next {
					t.Errorf("%s: $%d appears before $%d", fset.Position(lit.Pos()), n, next)
					break
				}
				seen[n] = true
				next++
			}
			return true
		})
	}
}
