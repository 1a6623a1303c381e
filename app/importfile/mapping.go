package importfile

import (
	"fmt"
	"slices"
	"strings"

	"github.com/portico-hub/portico/app/model"
)

// Field is the contact or company field a column fills; Skip leaves a
// column out.
type Field string

// The fields a column can fill. Names match the contact form's field
// names, so validation messages land on the right column.
const (
	Skip       Field = ""
	Name       Field = "name"
	FirstName  Field = "first_name"
	LastName   Field = "last_name"
	Email      Field = "email"
	Phone      Field = "phone"
	Mobile     Field = "mobile"
	Company    Field = "company"
	JobTitle   Field = "job_title"
	Tags       Field = "tags"
	ExternalID Field = "external_id"
	TwitterID  Field = "twitter_id"
	Address    Field = "address"
	Language   Field = "language"
	TimeZone   Field = "time_zone"
	About      Field = "about"
	// ViewAllTickets says whether the contact sees every ticket of the
	// row's company (its first), or, when the row names none, of its
	// default company.
	ViewAllTickets Field = "view_all_tickets"
)

// Fields lists what a column can be mapped to, as the mapping step offers it.
var Fields = []Choice{
	{"", "Skip this column"}, {"name", "Name"}, {"first_name", "First name"}, {"last_name", "Last name"},
	{"email", "Email"}, {"phone", "Phone"}, {"mobile", "Mobile"}, {"company", "Company"},
	{"view_all_tickets", "Sees all tickets of the company"},
	{"job_title", "Job title"}, {"tags", "Tags"}, {"external_id", "External ID"}, {"twitter_id", "X (Twitter) handle"},
	{"address", "Address"}, {"language", "Language"}, {"time_zone", "Time zone"}, {"about", "About"},
}

// Label is the field's name as the UI shows it.
func (f Field) Label() string {
	for _, c := range slices.Concat(Fields, CompanyFields) {
		if c.Value == string(f) {
			return c.Label
		}
	}
	return string(f)
}

// Mapping assigns each column of a file a field. Several columns may fill
// Email: the first is the primary address, the rest are secondary; and
// Company: the first is the default company.
type Mapping struct {
	Header  []string
	Columns []Field // Columns[i] is what column i fills
	// companies says the columns fill CompanyFields, not contact Fields.
	companies bool
}

// columns returns the indexes of the columns that fill f, in file order.
func (m Mapping) columns(f Field) []int {
	var out []int
	for i, c := range m.Columns {
		if c == f {
			out = append(out, i)
		}
	}
	return out
}

// Validate checks that rows can become contacts: a name, a way to reach
// the contact, and no field but Email and Company filled from two columns. A
// companies mapping is checked as companies are (validateCompany).
func (m Mapping) Validate() error {
	if m.companies {
		return m.validateCompany()
	}
	v := &model.ValidationError{}
	if len(m.columns(Name))+len(m.columns(FirstName))+len(m.columns(LastName)) == 0 {
		v.Add("name", "Map a column to Name, or to First name and Last name.")
	}
	if len(m.columns(Email))+len(m.columns(Phone))+len(m.columns(Mobile))+len(m.columns(TwitterID))+len(m.columns(ExternalID)) == 0 {
		v.Add("email", "Map a column to at least one of Email, Phone, Mobile, X (Twitter) handle or External ID.")
	}
	for _, c := range Fields[1:] {
		f := Field(c.Value)
		if cols := m.columns(f); f != Email && f != Company && len(cols) > 1 {
			v.Add(c.Value, fmt.Sprintf("Only one column can fill %s; %s do.", c.Label, m.names(cols)))
		}
	}
	return v.Err()
}

// names quotes the header names of cols for a message.
func (m Mapping) names(cols []int) string {
	q := make([]string, len(cols))
	for i, c := range cols {
		q[i] = "“" + m.Header[c] + "”"
	}
	return strings.Join(q, " and ")
}
