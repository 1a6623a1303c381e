package bulk

import (
	"context"
	"errors"
	"fmt"

	"github.com/portico-hub/portico/app/contact"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/oneline"
)

// Action is a change a bulk request makes.
type Action string

const (
	Tag        Action = "tag"
	Untag      Action = "untag"
	AddCompany Action = "company"
	Block      Action = "block"
	Unblock    Action = "unblock"
	Delete     Action = "delete"
	Restore    Action = "restore"
)

// Actions lists the actions in the order a menu offers them.
var Actions = []Action{Tag, Untag, AddCompany, Block, Unblock, Delete, Restore}

// Valid reports whether a is a known action.
func (a Action) Valid() bool {
	for _, k := range Actions {
		if a == k {
			return true
		}
	}
	return false
}

// Destructive reports an action confirmed first however few contacts it
// goes to: a deleted or blocked contact can no longer use the portal.
func (a Action) Destructive() bool { return a == Delete || a == Block }

// Request is a bulk change: the action, what it needs (a tag, or a
// company, known by id once checked) and the contacts it goes to.
type Request struct {
	Action    Action `json:"action"`
	Tag       string `json:"tag,omitempty"`
	CompanyID int64  `json:"company_id,omitempty"`
	// Company is the company's name, for the result's words.
	Company string `json:"company,omitempty"`
	model.Selection
}

// check validates a request, cleans its tag and finds its company by
// the name the agent typed.
func (s *Service) check(ctx context.Context, r *Request) error {
	switch {
	case !r.Action.Valid():
		return model.Invalid("action", "Choose what to do with the selected contacts.")
	case r.Empty():
		return model.Invalid("ids", "Tick the contacts to change, or choose all matching contacts.")
	case !r.All && len(r.IDs) > model.MaxTicked:
		return model.Invalid("ids", fmt.Sprintf("Tick at most %d contacts, or choose all matching contacts.", model.MaxTicked))
	case r.Action == Tag || r.Action == Untag:
		return checkTag(r)
	case r.Action == AddCompany:
		return s.checkCompany(ctx, r)
	}
	return nil
}

func checkTag(r *Request) error {
	tags, err := contact.Tags(r.Tag)
	switch {
	case err != nil:
		return err
	case len(tags) == 0:
		return model.Invalid("tag", "Type the tag to "+map[bool]string{true: "add.", false: "remove."}[r.Action == Tag])
	case len(tags) > 1:
		return model.Invalid("tag", "Type one tag at a time.")
	}
	r.Tag = tags[0]
	return nil
}

func (s *Service) checkCompany(ctx context.Context, r *Request) error {
	r.Company = oneline.Clean(r.Company)
	if r.Company == "" {
		return model.Invalid("company", "Type the name of a company.")
	}
	id, err := s.Store.CompanyByName(ctx, r.Company)
	if errors.Is(err, model.ErrNotFound) {
		return model.Invalid("company", "No company is named “"+r.Company+"”. Pick one from the list.")
	}
	if err != nil {
		return err
	}
	r.CompanyID = id
	r.Company, err = s.Store.CompanyName(ctx, id) // as it is spelled, not as typed
	return err
}
