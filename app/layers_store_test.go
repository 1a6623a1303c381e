package app

import (
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/packages"
)

// readsWebMayCall are the *store.Store members web may still call: the
// health check's Ping and Now, the store's clock (a field, so tests that
// move the clock move the pages' "now" too). Anything else, a write or
// a read, fails TestWebChangesStateThroughServices: web reads and writes
// through the domain services, so a new store method starts out
// forbidden to web and a write never slips in under a reader's name.
var readsWebMayCall = []string{"Now", "Ping"}

// storeUse is one place web uses a *store.Store value.
type storeUse struct {
	pos  string
	what string
}

// webStoreUses lists where web uses a *store.Store value in any way but
// calling a listed read on it or keeping it in its Server: calling any
// other method, taking a method value, or handing the store on (to a
// service it builds, a variable, an argument), which would let it write
// through another package.
func webStoreUses(p *packages.Package) []storeUse {
	var out []storeUse
	for _, f := range p.Syntax {
		var stack []ast.Node
		ast.Inspect(f, func(n ast.Node) bool {
			if n == nil {
				stack = stack[:len(stack)-1]
				return true
			}
			stack = append(stack, n)
			e, ok := n.(ast.Expr)
			if !ok || len(stack) < 3 || !isStore(p.TypesInfo.Types[e]) {
				return true
			}
			if what := storeUseOf(p, e, stack[len(stack)-2], stack[len(stack)-3]); what != "" {
				out = append(out, storeUse{p.Fset.Position(e.Pos()).String(), what})
			}
			return true
		})
	}
	return out
}

// storeUseOf names what web does with the store value e, whose parent in
// the syntax tree is parent; "" when it is allowed.
func storeUseOf(p *packages.Package, e ast.Expr, parent, grand ast.Node) string {
	switch pe := parent.(type) {
	case *ast.SelectorExpr:
		if _, ok := p.TypesInfo.Selections[pe]; ok && pe.X == e {
			call, isCall := grand.(*ast.CallExpr)
			switch {
			case !isCall || call.Fun != pe:
				return "takes store." + pe.Sel.Name + " as a value"
			case !slices.Contains(readsWebMayCall, pe.Sel.Name):
				return "calls store." + pe.Sel.Name
			}
			return ""
		}
	case *ast.KeyValueExpr:
		if id, ok := pe.Key.(*ast.Ident); ok && id.Name == "store" && pe.Value == e && isServer(p, grand) {
			return ""
		}
	}
	return "hands the store on"
}

func isStore(tv types.TypeAndValue) bool {
	ptr, ok := tv.Type.(*types.Pointer)
	if !ok || !tv.IsValue() {
		return false
	}
	named, ok := ptr.Elem().(*types.Named)
	return ok && named.Obj().Name() == "Store" && declaredIn(named.Obj(), "app/store")
}

// isServer says whether n is a composite literal of web's Server.
func isServer(p *packages.Package, n ast.Node) bool {
	lit, ok := n.(*ast.CompositeLit)
	if !ok {
		return false
	}
	named, ok := p.TypesInfo.Types[lit].Type.(*types.Named)
	return ok && named.Obj().Name() == "Server" && declaredIn(named.Obj(), "app/web")
}

// calledPackages lists the Portico packages whose functions or methods
// p calls; a package p imports but never calls is one p only names
// types of, to carry its values somewhere else.
func calledPackages(p *packages.Package) map[string]bool {
	called := map[string]bool{}
	for _, f := range p.Syntax {
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			var id *ast.Ident
			switch fn := ast.Unparen(call.Fun).(type) {
			case *ast.Ident:
				id = fn
			case *ast.SelectorExpr:
				id = fn.Sel
			}
			if fn, ok := p.TypesInfo.Uses[id].(*types.Func); ok && fn.Pkg() != nil {
				called[strings.TrimPrefix(fn.Pkg().Path(), module)] = true
			}
			return true
		})
	}
	return called
}
