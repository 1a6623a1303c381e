package importfile

import (
	"fmt"
	"slices"
	"strings"

	"github.com/portico-hub/portico/app/model"
)

// The fields a column of a companies file can fill, besides Name. Names
// match the company form's field names, so validation messages land on
// the right column.
const (
	Domains     Field = "domains"
	Description Field = "description"
	Notes       Field = "notes"
	HealthScore Field = "health_score"
	AccountTier Field = "account_tier"
	RenewalDate Field = "renewal_date"
	Industry    Field = "industry"
)

// CompanyFields lists what a column of a companies file can be mapped to.
var CompanyFields = []Choice{
	{"", "Skip this column"}, {"name", "Name"}, {"domains", "Domains"}, {"description", "Description"},
	{"notes", "Notes"}, {"health_score", "Health score"}, {"account_tier", "Account tier"},
	{"renewal_date", "Renewal date"}, {"industry", "Industry"},
}

// Choices lists the fields the mapping's columns can fill, for its
// select boxes: CompanyFields for a companies file, Fields otherwise.
func (m Mapping) Choices() []Choice {
	if m.companies {
		return CompanyFields
	}
	return Fields
}

// knows reports whether f is one of the mapping's choices.
func (m Mapping) knows(f Field) bool {
	return slices.ContainsFunc(m.Choices(), func(c Choice) bool { return c.Value == string(f) })
}

// ParseCompanyMapping is ParseMapping for a companies file.
func ParseCompanyMapping(header []string, specs []string) (Mapping, error) {
	m := Mapping{Header: header, Columns: make([]Field, len(header)), companies: true}
	for _, s := range specs {
		if err := m.Set(s); err != nil {
			return Mapping{}, err
		}
	}
	return m, nil
}

// validateCompany checks that rows can become companies: a name, and no
// field but Domains filled from two columns.
func (m Mapping) validateCompany() error {
	v := &model.ValidationError{}
	if !m.Has(Name) {
		v.Add("name", "Map a column to Name: it finds each company, and names a new one.")
	}
	for _, c := range CompanyFields[1:] {
		if cols := m.columns(Field(c.Value)); Field(c.Value) != Domains && len(cols) > 1 {
			v.Add(c.Value, fmt.Sprintf("Only one column can fill %s; %s do.", c.Label, m.names(cols)))
		}
	}
	return v.Err()
}

// CompanyCells is a row of a companies file as text, one value per field.
// Domains joins the cells of every domain column with ", ".
type CompanyCells struct {
	Name, Domains, Description, Notes, HealthScore, AccountTier, RenewalDate, Industry string
}

// CompanyCells reads a row's mapped cells. Checking them is the company
// rules' business, which the importer applies.
func (m Mapping) CompanyCells(row Row) CompanyCells {
	var c CompanyCells
	var domains []string
	for i, f := range m.Columns {
		v := unneutralise(row.cell(i))
		switch f {
		case Domains:
			if strings.TrimSpace(v) != "" {
				domains = append(domains, v)
			}
		case Name, Description, Notes, HealthScore, AccountTier, RenewalDate, Industry:
			*c.field(f) = v
		}
	}
	c.Domains = strings.Join(domains, ", ")
	return c
}

// field points at the value of a one-column field.
func (c *CompanyCells) field(f Field) *string {
	switch f {
	case Name:
		return &c.Name
	case Description:
		return &c.Description
	case Notes:
		return &c.Notes
	case HealthScore:
		return &c.HealthScore
	case AccountTier:
		return &c.AccountTier
	case RenewalDate:
		return &c.RenewalDate
	}
	return &c.Industry
}
