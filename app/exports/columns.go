package exports

import (
	"fmt"
	"strings"
	"time"

	"github.com/portico-hub/portico/app/model"
)

// layout is a file's columns: the header, and how a contact fills a row.
type layout struct {
	fields []string
	// emails is the number of Email columns: the most addresses any
	// exported contact has, at least one.
	emails     int
	neutralise bool
}

// headers are the names the import's suggested mapping reads back to the
// same fields; State, Created and Updated are skipped.
var headers = map[string]string{
	"name": "Name", "phone": "Phone", "mobile": "Mobile", "job_title": "Job title", "tags": "Tags", "state": "State",
	"language": "Language", "time_zone": "Time zone", "external_id": "External ID", "about": "About",
	"twitter_id": "X (Twitter) handle", "address": "Address",
	"created": "Created", "updated": "Updated",
}

func (l layout) header() []string {
	var out []string
	for _, f := range l.fields {
		switch f {
		case "emails":
			out = append(out, "Email")
			for i := 2; i <= l.emails; i++ {
				out = append(out, fmt.Sprintf("Email %d", i))
			}
		case "companies":
			out = append(out, "Company", "Other companies")
		default:
			out = append(out, headers[f])
		}
	}
	return out
}

// row appends a contact's cells to out, neutralised when asked.
func (l layout) row(c *model.Contact, out []string) []string {
	for _, f := range l.fields {
		switch f {
		case "emails":
			for i := range l.emails {
				out = append(out, l.cell(nth(c.Emails, i)))
			}
		case "companies":
			first, rest := "", make([]string, 0, len(c.Companies))
			for i, m := range c.Companies {
				if i == 0 {
					first = m.CompanyName
				} else {
					rest = append(rest, m.CompanyName)
				}
			}
			out = append(out, l.cell(first), l.cell(strings.Join(rest, "; ")))
		default:
			out = append(out, l.cell(scalar(c, f)))
		}
	}
	return out
}

func nth(es []model.Email, i int) string {
	if i < len(es) {
		return es[i].Address
	}
	return ""
}

// scalar is the text of a one-column field.
func scalar(c *model.Contact, f string) string {
	switch f {
	case "name":
		return c.Name
	case "phone":
		return c.Phone
	case "mobile":
		return c.Mobile
	case "job_title":
		return c.JobTitle
	case "tags":
		return strings.Join(c.Tags, ", ")
	case "state":
		return string(c.State)
	case "language":
		return c.Language
	case "time_zone":
		return c.TimeZone
	case "external_id":
		return c.ExternalID
	case "twitter_id":
		return c.TwitterID
	case "address":
		return c.Address
	case "about":
		return c.About
	case "created":
		return c.CreatedAt.UTC().Format(time.RFC3339)
	case "updated":
		return c.UpdatedAt.UTC().Format(time.RFC3339)
	}
	return ""
}

func (l layout) cell(v string) string {
	if l.neutralise {
		return Neutralise(v)
	}
	return v
}

// Neutralise puts an apostrophe before a cell that starts with =, +, -,
// @, tab or carriage return, which a spreadsheet would otherwise run as
// a formula (CSV injection). The import drops the apostrophe again, so a
// phone number such as +82 10 1234 5678 reads back as it was.
func Neutralise(v string) string {
	if risky(v) {
		return "'" + v
	}
	return v
}

// risky reports a cell that a spreadsheet would take for a formula.
func risky(v string) bool {
	return v != "" && strings.IndexByte("=+-@\t\r", v[0]) >= 0
}
