package imports

import (
	"slices"
	"strings"

	"github.com/portico-hub/portico/app/importfile"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// noCompany is why a row fails that lets a contact without a company see
// every ticket of its company.
const noCompany = "Sees all tickets of the company: the contact has no company; name it in the Company column."

// flagOf is the row's ticket access: its cell, or no for a blank cell of
// an import that clears blanks; nil leaves the access as it is.
func (pl *planner) flagOf(p *parsed) *bool {
	if f := p.rec.ViewAllTickets; f != nil || !pl.m.Has(importfile.ViewAllTickets) || pl.params.Blank != BlankClear {
		return f
	}
	off := false
	return &off
}

// access is what a row changes of whether contact c sees every ticket of
// the row's company: its first, as Freshdesk's export puts the default
// company first, or else c's default company. A new contact is an empty
// c. It returns the change to write and its audit entry, both nil when
// nothing changes, or why the row fails.
func (pl *planner) access(p *parsed, c *store.ImportContact) (*store.TicketAccess, *model.Change, string) {
	flag := pl.flagOf(p)
	if flag == nil {
		return nil, nil, ""
	}
	company := c.DefaultCompany
	if len(p.companies) > 0 {
		company = p.companies[0]
	}
	if company == "" {
		if *flag {
			return nil, nil, noCompany
		}
		return nil, nil, ""
	}
	was := slices.ContainsFunc(c.SeesAll, func(n string) bool { return strings.EqualFold(n, company) })
	if was == *flag {
		return nil, nil, ""
	}
	change := store.TicketAccessChange(company, was, *flag)
	return &store.TicketAccess{Company: company, On: *flag}, &change, ""
}

// seesAllAfter is the companies whose every ticket a contact sees once
// a planned access change is written, for the dry run's later rows.
func seesAllAfter(have []string, a *store.TicketAccess) []string {
	out := slices.DeleteFunc(slices.Clone(have), func(n string) bool { return a != nil && strings.EqualFold(n, a.Company) })
	if a != nil && a.On {
		out = append(out, a.Company)
	}
	return out
}
