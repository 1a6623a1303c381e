package company

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/portico-hub/portico/app/model"
)

func TestDomainsAreNormalised(t *testing.T) {
	tests := []struct {
		raw  string
		want []string
		ok   bool
	}{
		{" Acme.COM, @acme.org\nhttps://www.acme.co.kr/about  acme.com", []string{"acme.co.kr", "acme.com", "acme.org"}, true},
		{"", nil, true},
		{"회사.한국", []string{"회사.한국"}, true},
		{"localhost", nil, false},
		{"acme..com", nil, false},
		{"-acme.com", nil, false},
		{"acme.com<script>", nil, false},
		{"ann@acme.com", nil, false},
		{"acme.com, GMail.com", nil, false},
		{"@naver.com", nil, false},
	}
	for _, tt := range tests {
		got, err := Domains(tt.raw)
		if (err == nil) != tt.ok || !slices.Equal(got, tt.want) {
			t.Errorf("Domains(%q) = %v, %v", tt.raw, got, err)
		}
	}
	if _, err := Domains(strings.Repeat("x", 64) + ".com"); err == nil {
		t.Error("a label over 63 characters was accepted")
	}
}

func TestValidateNamesEachBadField(t *testing.T) {
	in := Input{
		Name: "  ", Description: strings.Repeat("d", 5001), HealthScore: "great", AccountTier: "gold",
		RenewalDate: "31/12/2026", Industry: strings.Repeat("i", 101), Domains: "not a domain",
	}
	_, err := in.Validate()
	var ve *model.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("want a validation error, got %v", err)
	}
	for _, f := range []string{"name", "description", "health_score", "account_tier", "renewal_date", "industry", "domains"} {
		if ve.Fields[f] == "" {
			t.Errorf("no message for %s: %v", f, ve.Fields)
		}
	}
	f, err := Input{Name: " Acme \t Corp ", HealthScore: "happy", AccountTier: "enterprise", RenewalDate: "2026-12-31"}.Validate()
	if err != nil || f.Name != "Acme Corp" {
		t.Fatalf("valid input: %+v, %v", f, err)
	}
}
