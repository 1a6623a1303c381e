package web

import (
	"context"
	"errors"
	"strings"

	"github.com/portico-hub/portico/app/model"
)

// companySelectMax is how many companies the contacts list offers in a
// select. With more, the filter is a text field with suggestions, since
// a long select is slow to scan.
const companySelectMax = 50

// companyFilter is the company side of the contacts list's filter bar.
type companyFilter struct {
	// CompanyName names the company the list is filtered by.
	CompanyName string
	// UnknownCompany is a name typed in the filter that no company has.
	UnknownCompany string
	// Companies are the select's choices; ManyCompanies says there are
	// too many for a select, and the filter is a text field instead.
	Companies     []model.Company
	ManyCompanies bool
}

// resolveCompany finds the company the list is filtered by: its id from a
// link or the select, or its name typed in the text field. An unknown
// name is kept, to say so rather than quietly list every contact.
func (s *Server) resolveCompany(ctx context.Context, name string, p *contactListPage) error {
	var err error
	if name = strings.TrimSpace(name); name != "" && p.Query.CompanyID == 0 {
		p.Query.CompanyID, err = s.companies.IDByName(ctx, name)
		if errors.Is(err, model.ErrNotFound) {
			p.UnknownCompany = name
			return nil
		}
		if err != nil {
			return err
		}
	}
	if p.Query.CompanyID != 0 {
		p.CompanyName, err = s.companies.Name(ctx, p.Query.CompanyID)
	}
	return err
}

// loadFilterChoices loads what the filter bar offers: the tags, and the
// companies when they are few enough for a select.
func (s *Server) loadFilterChoices(ctx context.Context, p *contactListPage) error {
	var err error
	if p.Tags, err = s.contacts.Tags(ctx); err != nil {
		return err
	}
	cos, err := s.companies.Find(ctx, model.CompanyQuery{PerPage: companySelectMax})
	if err != nil {
		return err
	}
	p.ManyCompanies = cos.Total > companySelectMax
	if !p.ManyCompanies {
		p.Companies = cos.Companies
	}
	return nil
}
