package web

import (
	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/bulk"
	"github.com/portico-hub/portico/app/model"
)

// bulkConfirmChange asks before a destructive bulk change, or one to all
// matching contacts, saying how many it goes to.
type bulkConfirmChange struct {
	Base
	bulk.Request
	Total  int
	Capped bool
	// Back is the list page the change was started from.
	Back string
}

// bulkConfirm counts the contacts a change goes to and asks; the form
// posts the same request again, confirmed.
func (s *Server) bulkConfirm(c *fiber.Ctx, req bulk.Request) error {
	p := bulkConfirmChange{Base: base(c, "Confirm the change", "contacts"), Request: req, Total: len(req.IDs),
		Back: backTo(c.FormValue("back"), contactListPage{Query: req.Query}.URL())}
	if req.All {
		q := req.Query
		q.Page, q.PerPage, q.Sort = 1, 1, model.SortName
		res, err := s.contacts.List(c.UserContext(), q)
		if err != nil {
			return err
		}
		p.Total, p.Capped = res.Total, res.Capped
	}
	return render(c, fiber.StatusOK, "contacts/bulk_confirm", "", p)
}

// Verb is the action as the question asks it: "Delete", "Tag … with".
func (p bulkConfirmChange) Verb() string {
	return map[bulk.Action]string{bulk.Tag: "Tag", bulk.Untag: "Remove the tag “" + p.Tag + "” from",
		bulk.AddCompany: "Add", bulk.Block: "Block", bulk.Unblock: "Unblock", bulk.Delete: "Delete",
		bulk.Restore: "Restore"}[p.Action]
}

// Tail ends the question: " with “vip”", " to Acme".
func (p bulkConfirmChange) Tail() string {
	switch p.Action {
	case bulk.Tag:
		return " with “" + p.Tag + "”"
	case bulk.AddCompany:
		return " to " + p.Company
	}
	return ""
}

// IDList is the ticked contacts, for the form's hidden fields.
func (p bulkConfirmChange) IDList() []int64 { return p.IDs }
