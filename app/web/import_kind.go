package web

import (
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/imports"
)

// importKind is one kind of import as the wizard serves it: the same
// handlers and templates serve every kind, under the kind's own list.
type importKind struct {
	Kind imports.Kind
	// Match is the key a new draft matches rows by.
	Match imports.Match
	// Noun names one row's record in the pages' words.
	Noun string
}

// importKinds are the kinds the wizard serves.
var importKinds = []importKind{
	{Kind: imports.KindContacts, Match: imports.MatchEmail, Noun: "contact"},
	{Kind: imports.KindCompanies, Match: imports.MatchName, Noun: "company"},
}

// Path is the list the kind's wizard and history hang under.
func (k importKind) Path() string { return "/" + string(k.Kind) }

// Plural names the records in the pages' words: "contacts".
func (k importKind) Plural() string { return string(k.Kind) }

// Companies tells the pages to speak of companies.
func (k importKind) Companies() bool { return k.Kind == imports.KindCompanies }

// importKindKey holds a request's kind among its locals.
const importKindKey = "import-kind"

// serve marks a request as being about k before its handler runs.
func (k importKind) serve(c *fiber.Ctx) error {
	c.Locals(importKindKey, k)
	return c.Next()
}

// kindOf is the kind of the import a request is about.
func kindOf(c *fiber.Ctx) importKind {
	k, _ := c.Locals(importKindKey).(importKind)
	return k
}

// importBase is what every page of the wizard and the history shows:
// the layout's data and the kind the page is about.
type importBase struct {
	Base
	Kind importKind
}

// importBase starts the data of an import page titled title.
func (s *Server) importBase(c *fiber.Ctx, title string) importBase {
	k := kindOf(c)
	return importBase{Base: base(c, title, string(k.Kind)), Kind: k}
}

// Title names the records as a heading or a crumb does: "Contacts".
func (k importKind) Title() string { return strings.ToUpper(k.Plural()[:1]) + k.Plural()[1:] }
