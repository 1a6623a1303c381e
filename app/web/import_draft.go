package web

import (
	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/imports"
	"github.com/portico-hub/portico/app/model"
)

// loadDraft resolves the :draft parameter to a draft of the signed-in
// agent and of the request's kind; any other draft is not found.
func (s *Server) loadDraft(c *fiber.Ctx) (*model.ImportDraft, error) {
	id, err := paramID(c, "draft")
	if err != nil {
		return nil, err
	}
	return imports.Draft(c.UserContext(), s.imports, id, currentAgent(c).ID, kindOf(c).Kind)
}

// importDiscard abandons a draft at any step and deletes its file.
func (s *Server) importDiscard(c *fiber.Ctx) error {
	d, err := s.loadDraft(c)
	if err != nil {
		return err
	}
	if err := imports.DiscardDraft(c.UserContext(), s.imports, d); err != nil {
		return err
	}
	flash(c, "Import discarded; the uploaded file was deleted.")
	return redirect(c, kindOf(c).Path())
}
