package web

import (
	"context"
	"net/url"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/exports"
	"github.com/portico-hub/portico/app/model"
)

// exportForm is the export dialog: which contacts, which fields and
// which format. The list's view, search and filters ride along in the
// query string, from the list's Export button to the form's action.
type exportForm struct {
	Base
	Query model.ContactQuery
	// Scope is the current list in words, "" when it is every contact;
	// Count and All count the list's and every contact.
	Scope          string
	Count, All     int
	UnknownCompany string
	Fields         []exports.Field
	Chosen         map[string]bool
	Format         string
	Whole          bool // every contact rather than the current list
	BOM            bool
	Neutralise     bool
}

// exportNew shows the export dialog with the list's filters and
// sensible defaults: the current list, the usual fields, CSV with a
// byte order mark (without it Excel reads UTF-8 as the system's code
// page and garbles Korean and accented names), formulas neutralised.
func (s *Server) exportNew(c *fiber.Ctx) error {
	p := exportForm{Base: base(c, "Export contacts", "contacts"), Query: parseContactQuery(c), Format: exports.FormatCSV,
		BOM: true, Neutralise: true, Fields: exports.Fields, Chosen: chosen(exports.DefaultFields())}
	if err := s.loadExportScope(c.UserContext(), c.Query("company_name"), &p); err != nil {
		return err
	}
	return render(c, fiber.StatusOK, "exports/new", "", p)
}

// loadExportScope resolves the list's company and counts its contacts.
func (s *Server) loadExportScope(ctx context.Context, companyName string, p *exportForm) error {
	lp := contactListPage{Query: p.Query}
	if err := s.resolveCompany(ctx, companyName, &lp); err != nil {
		return err
	}
	p.Query, p.UnknownCompany = lp.Query, lp.UnknownCompany
	p.Scope = describeScope(p.Query, lp.CompanyName)
	counts, err := s.contacts.ViewCounts(ctx)
	if err != nil {
		return err
	}
	p.All = counts.All
	if p.Scope == "" || p.UnknownCompany != "" {
		p.Count = p.All
		return nil
	}
	p.Count, err = exports.Count(ctx, s.exports, p.Query)
	return err
}

// describeScope puts a list's selection, view, company, tag and search
// in words: "3 selected, Unverified, company “Acme”, matching “kim”".
func describeScope(q model.ContactQuery, company string) string {
	var parts []string
	if len(q.IDs) > 0 {
		parts = append(parts, count(len(q.IDs), "selected contact"))
	}
	if q.View != "" {
		parts = append(parts, strings.ToUpper(string(q.View[:1]))+string(q.View[1:]))
	}
	if company != "" {
		parts = append(parts, "company “"+company+"”")
	}
	if q.Tag != "" {
		parts = append(parts, "tag “"+q.Tag+"”")
	}
	if q.Search != "" {
		parts = append(parts, "matching “"+q.Search+"”")
	}
	return strings.Join(parts, ", ")
}

// Action is where the form posts: the list's filters stay in its query.
func (p exportForm) Action() string { return "/contacts/exports" + filterQuery(p.Query) }

// ExportURL opens the export dialog for the list as it is shown. The
// list's script keeps it current as search-as-you-type changes the list.
func (p contactListPage) ExportURL() string { return "/contacts/export" + filterQuery(p.Query) }

// filterQuery is the query string of a list's view, search and filters.
func filterQuery(q model.ContactQuery) string {
	v := url.Values{}
	for k, val := range map[string]string{"view": string(q.View), "q": q.Search, "tag": q.Tag} {
		if val != "" {
			v.Set(k, val)
		}
	}
	if q.CompanyID != 0 {
		v.Set("company", strconv.FormatInt(q.CompanyID, 10))
	}
	if len(q.IDs) > 0 {
		v.Set("ids", idList(q.IDs))
	}
	if len(v) == 0 {
		return ""
	}
	return "?" + v.Encode()
}

func chosen(keys []string) map[string]bool {
	m := make(map[string]bool, len(keys))
	for _, k := range keys {
		m[k] = true
	}
	return m
}
