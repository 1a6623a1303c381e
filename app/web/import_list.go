package web

import (
	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/imports"
	"github.com/portico-hub/portico/app/model"
)

// importHistoryShown is how many past imports the history lists.
const importHistoryShown = 100

// importListPage is the import history of one kind.
type importListPage struct {
	importBase
	Imports []model.Import
	By      []string // who ran each import
	All     bool     // the viewer sees everyone's imports
}

// Shown is how many imports the history lists at most.
func (importListPage) Shown() int { return importHistoryShown }

// importList shows the newest imports of the request's kind: everyone's
// to an admin, their own to an agent.
func (s *Server) importList(c *fiber.Ctx) error {
	a := currentAgent(c)
	ims, names, err := imports.History(c.UserContext(), s.imports, a, kindOf(c).Kind, importHistoryShown)
	if err != nil {
		return err
	}
	p := importListPage{importBase: s.importBase(c, "Import history"), Imports: ims, By: names, All: imports.SeesAll(a)}
	return render(c, fiber.StatusOK, "imports/list", "", p)
}
