package contact

import (
	"errors"
	"strings"
	"testing"

	"github.com/portico-hub/portico/app/model"
)

func TestInputValidate(t *testing.T) {
	cases := []struct {
		name      string
		in        Input
		wantField string // "" when valid
	}{
		{"email only", Input{Name: "Ann", Emails: []string{"ann@example.com"}}, ""},
		{"phone only", Input{Name: "Ann", Phone: "+82 (2) 555-0101"}, ""},
		{"external id only", Input{Name: "Ann", ExternalID: "crm-42"}, ""},
		{"x handle only", Input{Name: "Ann", TwitterID: "@ann_x"}, ""},
		{"bad x handle", Input{Name: "Ann", Phone: "12345", TwitterID: "ann.x"}, "twitter_id"},
		{"address too long", Input{Name: "Ann", Phone: "12345", Address: strings.Repeat("a", 1001)}, "address"},
		{"nothing to reach", Input{Name: "Ann"}, "email"},
		{"blank name", Input{Name: "  \t ", Phone: "12345"}, "name"},
		{"invisible name", Input{Name: "\u200b\u200b", Phone: "12345"}, "name"},
		{"invalid utf-8", Input{Name: "Ann\xff", Phone: "12345"}, "name"},
		{"display-name email", Input{Name: "Ann", Emails: []string{"Ann <ann@example.com>"}}, "email"},
		{"no dot in domain", Input{Name: "Ann", Emails: []string{"ann@localhost"}}, "email"},
		{"repeated email", Input{Name: "Ann", Emails: []string{"a@example.com", "A@EXAMPLE.com"}}, "email"},
		{"letters in phone", Input{Name: "Ann", Phone: "555-CALL-NOW"}, "phone"},
		{"extension ok", Input{Name: "Ann", Phone: "555 0101 ext. 12"}, ""},
		{"unknown time zone", Input{Name: "Ann", Phone: "12345", TimeZone: "Asia/Atlantis"}, "time_zone"},
		{"known time zone", Input{Name: "Ann", Phone: "12345", TimeZone: "Asia/Seoul"}, ""},
		{"about too long", Input{Name: "Ann", Phone: "12345", About: strings.Repeat("a", 5001)}, "about"},
		{"tag too long", Input{Name: "Ann", Phone: "12345", Tags: strings.Repeat("t", 51)}, "tags"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, _, _, err := tc.in.Validate()
			var ve *model.ValidationError
			switch {
			case tc.wantField == "" && err != nil:
				t.Fatalf("want valid, got %v", err)
			case tc.wantField != "" && (!errors.As(err, &ve) || ve.Fields[tc.wantField] == ""):
				t.Fatalf("want a message for %s, got %v", tc.wantField, err)
			}
		})
	}
}

func TestInputNormalises(t *testing.T) {
	f, emails, tags, err := Input{
		Name: "  Kim\u00a0 Min\tjun ", Emails: []string{" ", " kim@example.com "}, Phone: "010-1234-5678",
		Tags: "vip, VIP , beta,,",
	}.Validate()
	if err != nil {
		t.Fatal(err)
	}
	if f.Name != "Kim Min jun" {
		t.Errorf("name %q", f.Name)
	}
	if len(emails) != 1 || emails[0] != "kim@example.com" {
		t.Errorf("emails %q", emails)
	}
	if strings.Join(tags, "|") != "vip|beta" {
		t.Errorf("tags %q", tags)
	}
}
