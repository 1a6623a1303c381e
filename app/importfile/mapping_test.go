package importfile

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/portico-hub/portico/app/model"
)

// mapped lists a mapping as "header=field" for the mapped columns.
func mapped(m Mapping) []string {
	var out []string
	for i, f := range m.Columns {
		if f != Skip {
			out = append(out, m.Header[i]+"="+string(f))
		}
	}
	return out
}

func TestSuggestMapping(t *testing.T) {
	cases := []struct {
		name   string
		header string
		want   []string
	}{
		{"google", googleHeader, []string{"First Name=first_name", "Last Name=last_name", "Organization Name=company",
			"Organization Title=job_title", "Notes=about", "Labels=tags", "E-mail 1 - Value=email", "E-mail 2 - Value=email",
			"Phone 1 - Value=phone"}},
		{"google, old format", "Name,Given Name,Family Name,Notes,Group Membership,E-mail 1 - Type,E-mail 1 - Value,Phone 1 - Type,Phone 1 - Value,Organization 1 - Name,Organization 1 - Title",
			[]string{"Name=name", "Given Name=first_name", "Family Name=last_name", "Notes=about", "Group Membership=tags",
				"E-mail 1 - Value=email", "Phone 1 - Value=phone", "Organization 1 - Name=company", "Organization 1 - Title=job_title"}},
		{"outlook", outlookHeader, []string{"First Name=first_name", "Last Name=last_name", "Language=language", "Notes=about",
			"E-mail Address=email", "E-mail 2 Address=email", "E-mail 3 Address=email", "Mobile Phone=mobile",
			"Home Address=address", "Business Phone=phone", "Company=company", "Job Title=job_title", "Categories=tags"}},
		{"korean with family name", "성,이름,이메일,전화번호,휴대폰,회사,직함,태그,외부 ID,메모",
			[]string{"성=last_name", "이름=first_name", "이메일=email", "전화번호=phone", "휴대폰=mobile", "회사=company",
				"직함=job_title", "태그=tags", "외부 ID=external_id", "메모=about"}},
		{"korean full name", "성명,이메일,연락처", []string{"성명=name", "이메일=email", "연락처=phone"}},
		{"plain", "Full name, E-mail ,Work phone,Mobile,X handle,Title,External ID,Address,Time zone,Language,About,Shoe size",
			[]string{"Full name=name", "E-mail=email", "Work phone=phone", "Mobile=mobile", "X handle=twitter_id", "Title=job_title",
				"External ID=external_id", "Address=address", "Time zone=time_zone", "Language=language", "About=about"}},
		{"business address beats home", "Name,Email,Home Address,Business Address",
			[]string{"Name=name", "Email=email", "Business Address=address"}},
		{"first of two phones", "Name,Phone,Telephone,Email", []string{"Name=name", "Phone=phone", "Email=email"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			header := strings.Split(tc.header, ",")
			for i := range header {
				header[i] = strings.TrimSpace(header[i])
			}
			if got := mapped(SuggestMapping(header)); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestMappingValidate(t *testing.T) {
	header := []string{"Name", "First", "Last", "Email", "Email 2", "Phone", "Tel", "ID"}
	cases := []struct {
		specs []string
		want  map[string]string
	}{
		{[]string{"Name=name", "Email=email", "Email 2=email"}, nil},
		{[]string{"First=first_name", "ID=external_id"}, nil},
		{[]string{"Last=last_name", "Tel=mobile"}, nil},
		{[]string{"Email=email"}, map[string]string{"name": "Map a column to Name, or to First name and Last name."}},
		{[]string{"Name=name"}, map[string]string{"email": "Map a column to at least one of Email, Phone, Mobile, X (Twitter) handle or External ID."}},
		{[]string{"Name=name", "Phone=phone", "Tel=phone"}, map[string]string{"phone": "Only one column can fill Phone; “Phone” and “Tel” do."}},
	}
	for _, tc := range cases {
		m, err := ParseMapping(header, tc.specs)
		if err != nil {
			t.Fatal(err)
		}
		var ve *model.ValidationError
		err = m.Validate()
		if errors.As(err, &ve) != (tc.want != nil) || (ve != nil && !reflect.DeepEqual(ve.Fields, tc.want)) {
			t.Errorf("%q: got %v, want %v", tc.specs, err, tc.want)
		}
	}
}

// TestMappingWith overrides one column of a suggestion and skips
// another, keeping the rest, and leaves the suggestion as it was.
func TestMappingWith(t *testing.T) {
	sug := SuggestMapping([]string{"Name", "E-mail", "Phone", "Notes"})
	m, err := sug.With([]string{"E-mail=email", "phone=skip"})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(m.Specs(), " "); got != "Name=name E-mail=email Notes=about" {
		t.Errorf("specs %q", got)
	}
	if sug.Columns[2] != Phone {
		t.Errorf("the suggestion changed: %q", sug.Columns)
	}
	if _, err := sug.With([]string{"Name=bogus"}); err == nil || !strings.Contains(err.Error(), "use skip or one of name, first_name") {
		t.Errorf("unknown field: %v", err)
	}
}

func TestParseMapping(t *testing.T) {
	header := []string{"Name", "a=b", "Email", "Email", "C", "Notes"}
	m, err := ParseMapping(header, []string{"name=NAME", "a=b=email", "4=email", "E=tags", "F=about", "F=skip"})
	if err != nil {
		t.Fatal(err)
	}
	want := []Field{Name, Email, Skip, Email, Tags, Skip}
	if !reflect.DeepEqual(m.Columns, want) {
		t.Fatalf("columns %q, want %q", m.Columns, want)
	}
	specs := m.Specs()
	if strings.Join(specs, " ") != "Name=name B=email D=email C=tags" {
		t.Errorf("specs %q", specs)
	}
	again, err := ParseMapping(header, specs)
	if err != nil || !reflect.DeepEqual(again.Columns, m.Columns) {
		t.Errorf("specs do not read back: %q, %v", again.Columns, err)
	}
	for spec, msg := range map[string]string{
		"Name":        `mapping "Name": write it as column=field`,
		"Nope=name":   `mapping "Nope=name": no column "Nope" in the file`,
		"Name=salary": `mapping "Name=salary": unknown field "salary"; use skip or one of name, first_name, last_name, email, phone, mobile, company, view_all_tickets, job_title, tags, external_id, twitter_id, address, language, time_zone, about`,
	} {
		if _, err := ParseMapping(header, []string{spec}); err == nil || err.Error() != msg {
			t.Errorf("%s: got %v, want %s", spec, err, msg)
		}
	}
}
