package importfile

import (
	"reflect"
	"strings"
	"testing"

	"github.com/portico-hub/portico/app/contact"
)

// applyAll reads a file, maps it as suggested and applies every row.
func applyAll(t *testing.T, name string, data []byte) ([]Record, []CellError) {
	t.Helper()
	res := readAll(t, name, data, Limits{})
	if res.err != nil {
		t.Fatal(res.err)
	}
	m := SuggestMapping(res.header)
	if err := m.Validate(); err != nil {
		t.Fatal(err)
	}
	var recs []Record
	var errs []CellError
	for _, row := range res.rows {
		rec, cerrs := m.Apply(row)
		recs = append(recs, rec)
		errs = append(errs, cerrs...)
	}
	return recs, errs
}

func TestApplyExports(t *testing.T) {
	cases := []struct {
		name string
		file string
		data []byte
		want Record // the first record
	}{
		{"google", "g.csv", googleCSV(), Record{Row: 2, Companies: []string{"Acme Corp"}, Input: contact.Input{
			Name: "Ann Lee", JobTitle: "Support Lead", Phone: "+1 555 0101", About: "Met at the fair.\nCall back in May.",
			Emails: []string{"ann@acme.example", "ann@home.example"}, Tags: "VIP"}}},
		{"outlook", "o.csv", outlookCSV(t), Record{Row: 2, Companies: []string{"Müller & Söhne GmbH"}, Input: contact.Input{
			Name: "Jürgen Müller", JobTitle: "Geschäftsführer", Phone: "+49 30 1234567", Mobile: "+49 170 1234567",
			Emails: []string{"juergen@example.de", "", ""}, Tags: "Kunde,Premium"}}},
		{"korean", "k.csv", koreanCSV(t), Record{Row: 2, Companies: []string{"포르티코"}, Input: contact.Input{
			Name: "김민준", Phone: "010-1234-5678", Emails: []string{"minjun@example.kr"}}}},
		{"xlsx", "w.xlsx", workbook(t), Record{Row: 2, Input: contact.Input{
			Name: "Ann Lee", Phone: "821012345678", About: "=not a formula", Emails: []string{"ann@example.com"}}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			recs, errs := applyAll(t, tc.file, tc.data)
			if len(errs) > 0 {
				t.Errorf("errors %v", errs)
			}
			tc.want.Checked = tc.want.Input.Check()
			if !reflect.DeepEqual(recs[0], tc.want) {
				t.Errorf("got  %+v\nwant %+v", recs[0], tc.want)
			}
		})
	}
}

func TestApplyErrors(t *testing.T) {
	file := "Name,Email,Email 2,Phone,Time zone,Tags\n" +
		"Ann,ann@example,,,,\n" +
		"Bo,bo@example.com,BO@example.com,,,\n" +
		",cy@example.com,,555-CALL,Mars/Base,\n" +
		"Dee,,,,,\n" +
		"Eve,eve@example.com,,,," + strings.Repeat("t", 51) + "\n" +
		"'=Fay,'+fay@example.com,,'-1 555,,\n" +
		"Gus,gus@example.com,\"x\"y,,,\n"
	recs, errs := applyAll(t, "bad.csv", []byte(file))
	fay := contact.Input{Name: "=Fay", Phone: "-1 555", Emails: []string{"+fay@example.com", ""}}
	if !reflect.DeepEqual(recs[5].Input, fay) {
		t.Errorf("neutralised cells read back as %+v", recs[5].Input)
	}
	var got []string
	for _, e := range errs {
		got = append(got, e.Error())
	}
	want := []string{
		"Row 2, Email (B): “ann@example”: Enter a valid email address, such as ann@example.com.",
		"Row 3, Email 2 (C): BO@example.com is listed twice.",
		"Row 4, Name (A): Enter the contact's name.",
		"Row 4, Phone (D): Enter a phone number using digits, spaces, +, -, ( and ).",
		"Row 4, Time zone (E): Choose a time zone such as Europe/Berlin or Asia/Seoul (a Rails name such as Seoul also works).",
		"Row 5: Give at least one of email, phone, mobile, X handle or external ID.",
		"Row 6, Tags (F): Tags are at most 50 characters; “" + strings.Repeat("t", 51) + "” is longer.",
		`Row 8: Cell C has text after its closing quote ("). Double the quotes inside a quoted cell ("").`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestApplyListCells reads cells listing several addresses or companies,
// as Freshdesk's "Other emails" and Portico's "Other companies" do.
func TestApplyListCells(t *testing.T) {
	recs, errs := applyAll(t, "f.csv", []byte("Full name,Email,Other emails,Company,Other companies\n"+
		"Ann,ann@example.com,\"a@example.org,b@example.net; c@example.io\",\"Acme, Inc.\",\"Globex, LLC; Initech\nUmbrella\"\n"))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	want := []string{"ann@example.com", "a@example.org", "b@example.net", " c@example.io"}
	if got := recs[0].Input.Emails; !reflect.DeepEqual(got, want) {
		t.Errorf("emails %q, want %q", got, want)
	}
	if got := recs[0].Companies; !reflect.DeepEqual(got, []string{"Acme, Inc.", "Globex, LLC", "Initech", "Umbrella"}) {
		t.Errorf("companies %q", got)
	}
}
