package contact_test

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/portico-hub/portico/app/contact"
	"github.com/portico-hub/portico/app/model"
)

func mergeSet() []*model.Contact {
	return []*model.Contact{
		{ID: 1, Name: "Jane Doe", JobTitle: "CTO", Phone: "", Language: "en", State: model.StateUnverified,
			Emails: []model.Email{{Address: "jane@acme.com"}}, Tags: []string{"vip"},
			Companies: []model.Membership{{CompanyID: 5}}},
		{ID: 2, Name: "J. Doe", JobTitle: "", Phone: "+1 555 0100", Language: "en", State: model.StateVerified,
			Emails: []model.Email{{Address: "jd@acme.com"}, {Address: "j@doe.org"}}, Tags: []string{"VIP", "beta"},
			Companies: []model.Membership{{CompanyID: 5}, {CompanyID: 6}}},
		{ID: 3, Name: "Jane Doe", TimeZone: "Asia/Seoul", Phone: "+1 555 0199"},
	}
}

func TestMergePlanConflictsAndDefaults(t *testing.T) {
	tests := []struct {
		name      string
		primary   int64
		picks     map[string]int64
		conflicts []string
		kept      model.ContactFields
	}{
		{"primary's values win", 1, nil, []string{"name", "phone"},
			model.ContactFields{Name: "Jane Doe", JobTitle: "CTO", Phone: "+1 555 0100", Language: "en", TimeZone: "Asia/Seoul"}},
		{"another primary", 3, nil, []string{"name", "phone"},
			model.ContactFields{Name: "Jane Doe", JobTitle: "CTO", Phone: "+1 555 0199", Language: "en", TimeZone: "Asia/Seoul"}},
		{"picks win; empty or unknown picks fall back", 1, map[string]int64{"name": 2, "phone": 3, "job_title": 2, "about": 99}, []string{"name", "phone"},
			model.ContactFields{Name: "J. Doe", JobTitle: "CTO", Phone: "+1 555 0199", Language: "en", TimeZone: "Asia/Seoul"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := contact.NewMergePlan(mergeSet(), tt.primary, tt.picks)
			if err != nil {
				t.Fatal(err)
			}
			var conflicts []string
			for _, r := range p.Rows {
				if r.Conflict {
					conflicts = append(conflicts, r.Field)
				}
			}
			if !reflect.DeepEqual(conflicts, tt.conflicts) || p.Kept != tt.kept {
				t.Errorf("conflicts %v kept %+v, want %v %+v", conflicts, p.Kept, tt.conflicts, tt.kept)
			}
			if p.Primary.ID != tt.primary || !reflect.DeepEqual(p.OtherIDs(), others(tt.primary)) {
				t.Errorf("primary %d others %v", p.Primary.ID, p.OtherIDs())
			}
			if p.Emails != 3 || p.Tags != 2 || p.Companies != 2 {
				t.Errorf("counts: %d emails, %d tags, %d companies", p.Emails, p.Tags, p.Companies)
			}
		})
	}
}

func others(primary int64) []int64 {
	var out []int64
	for _, id := range []int64{1, 2, 3} {
		if id != primary {
			out = append(out, id)
		}
	}
	return out
}

func TestMergePlanRefusesBadSets(t *testing.T) {
	set := mergeSet()
	many := make([]*model.Contact, contact.MaxMerge+1)
	for i := range many {
		many[i] = &model.Contact{ID: int64(i + 1), Name: "X"}
	}
	tests := []struct {
		name     string
		contacts []*model.Contact
		primary  int64
		field    string
	}{
		{"alone", set[:1], 1, "with"},
		{"too many", many, 1, "with"},
		{"repeated", []*model.Contact{set[0], set[0]}, 1, "with"},
		{"primary not among them", set, 42, "primary"},
	}
	for _, tt := range tests {
		_, err := contact.NewMergePlan(tt.contacts, tt.primary, nil)
		var ve *model.ValidationError
		if !errors.As(err, &ve) || ve.Fields[tt.field] == "" {
			t.Errorf("%s: want a message on %s, got %v", tt.name, tt.field, err)
		}
	}
}

func TestMergePlanCheck(t *testing.T) {
	set := mergeSet()
	set[2].About = strings.Repeat("x", 5001)
	set[0].State = model.StateDeleted
	for i := range 8 {
		set[1].Emails = append(set[1].Emails, model.Email{Address: string(rune('a'+i)) + "@doe.org"})
	}
	p, err := contact.NewMergePlan(set, 1, nil)
	if err != nil {
		t.Fatal(err)
	}
	_, err = p.Check()
	var ve *model.ValidationError
	if !errors.As(err, &ve) || ve.Fields["about"] == "" || ve.Fields["emails"] == "" || ve.Fields["primary"] == "" {
		t.Fatalf("want messages on about, emails and primary, got %v", err)
	}
	if f, err := mustPlan(t, mergeSet(), 2).Check(); err != nil || f.Name != "J. Doe" {
		t.Fatalf("a valid merge: %+v, %v", f, err)
	}
}

func mustPlan(t *testing.T, set []*model.Contact, primary int64) *contact.MergePlan {
	t.Helper()
	p, err := contact.NewMergePlan(set, primary, nil)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestMissingError(t *testing.T) {
	for _, tt := range []struct {
		ids  []int64
		want string
	}{{[]int64{4}, "Contact #4 no longer exists"}, {[]int64{4, 9}, "Contacts #4, #9 no longer exist"}} {
		var ve *model.ValidationError
		if err := contact.MissingError(tt.ids); !errors.As(err, &ve) || !strings.HasPrefix(ve.Fields["with"], tt.want) {
			t.Errorf("%v: %v", tt.ids, err)
		}
	}
}
