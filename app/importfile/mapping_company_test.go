package importfile

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/portico-hub/portico/app/model"
)

func TestSuggestCompanyMapping(t *testing.T) {
	cases := []struct {
		name   string
		header string
		want   []string
	}{
		{"freshdesk export", "Name,Description,Notes,Domains,Health Score,Account Tier,Renewal Date,Industry",
			[]string{"Name=name", "Description=description", "Notes=notes", "Domains=domains", "Health Score=health_score",
				"Account Tier=account_tier", "Renewal Date=renewal_date", "Industry=industry"}},
		{"zendesk organizations", "name,domain_names,details,notes,tags",
			[]string{"name=name", "domain_names=domains", "details=description", "notes=notes"}},
		{"korean", "회사명,도메인,설명,메모,업종,등급,갱신일,건강도",
			[]string{"회사명=name", "도메인=domains", "설명=description", "메모=notes", "업종=industry", "등급=account_tier",
				"갱신일=renewal_date", "건강도=health_score"}},
		{"korean short", "회사,홈페이지 주소,비고", []string{"회사=name", "홈페이지 주소=domains", "비고=notes"}},
		{"account name beats name", "Name,Account Name,Website,Website 2,Email domain",
			[]string{"Account Name=name", "Website=domains", "Website 2=domains", "Email domain=domains"}},
		{"company beats name", "Name,Company,Domain 1,Domain 2,Sector",
			[]string{"Company=name", "Domain 1=domains", "Domain 2=domains", "Sector=industry"}},
		{"company name", "Company Name,URL,Shoe size", []string{"Company Name=name", "URL=domains"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := mapped(SuggestCompanyMapping(strings.Split(tc.header, ","))); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestCompanyMappingValidate(t *testing.T) {
	header := []string{"Name", "Site", "Web", "Notes", "Memo"}
	cases := []struct {
		specs []string
		want  map[string]string
	}{
		{[]string{"Name=name", "Site=domains", "Web=domains"}, nil},
		{[]string{"Site=domains"}, map[string]string{"name": "Map a column to Name: it finds each company, and names a new one."}},
		{[]string{"Name=name", "Notes=notes", "Memo=notes"}, map[string]string{"notes": "Only one column can fill Notes; “Notes” and “Memo” do."}},
	}
	for _, tc := range cases {
		m, err := ParseCompanyMapping(header, tc.specs)
		if err != nil {
			t.Fatal(err)
		}
		var ve *model.ValidationError
		err = m.Validate()
		if errors.As(err, &ve) != (tc.want != nil) || (ve != nil && !reflect.DeepEqual(ve.Fields, tc.want)) {
			t.Errorf("%q: got %v, want %v", tc.specs, err, tc.want)
		}
	}
	if _, err := ParseCompanyMapping(header, []string{"Name=email"}); err == nil {
		t.Error("a contact field was accepted in a companies mapping")
	}
	if _, err := ParseMapping(header, []string{"Site=domains"}); err == nil {
		t.Error("a company field was accepted in a contacts mapping")
	}
}

func TestCompanyCellsJoinDomainColumns(t *testing.T) {
	m, err := ParseCompanyMapping([]string{"Name", "D1", "D2", "D3", "Tier"}, []string{"Name=name", "D1=domains", "D2=domains", "D3=domains", "Tier=account_tier"})
	if err != nil {
		t.Fatal(err)
	}
	got := m.CompanyCells(Row{Number: 2, Cells: []string{"Acme", "acme.com; acme.org", " ", "https://www.acme.kr/", "Premium"}})
	want := CompanyCells{Name: "Acme", Domains: "acme.com; acme.org, https://www.acme.kr/", AccountTier: "Premium"}
	if got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
	if specs := m.Specs(); strings.Join(specs, " ") != "Name=name D1=domains D2=domains D3=domains Tier=account_tier" {
		t.Errorf("specs %q", specs)
	}
	if len(m.Choices()) != len(CompanyFields) {
		t.Errorf("choices %v", m.Choices())
	}
}
