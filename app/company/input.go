package company

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/oneline"
)

// Input is a company form as submitted: free text, not yet trusted.
type Input struct {
	Name, Description, Notes, HealthScore, AccountTier, RenewalDate, Industry string
	// Domains is a list separated by commas, spaces or new lines.
	Domains string
}

// Choice is one allowed value of a pick-list field and its label.
type Choice struct{ Value, Label string }

// HealthScores and AccountTiers are the allowed values of those fields,
// in display order; the empty value means "not set".
var (
	HealthScores = []Choice{{"at_risk", "At risk"}, {"doing_okay", "Doing okay"}, {"happy", "Happy"}}
	AccountTiers = []Choice{{"basic", "Basic"}, {"premium", "Premium"}, {"enterprise", "Enterprise"}}
)

// Label returns the label of value among choices, or "" when it is none
// of them.
func Label(choices []Choice, value string) string {
	for _, c := range choices {
		if c.Value == value {
			return c.Label
		}
	}
	return ""
}

// limits caps each text field's length in characters.
var limits = map[string]int{"name": 200, "description": 5000, "notes": 5000, "industry": 100}

// Validate checks and normalises the whole form.
func (in Input) Validate() (model.CompanyFields, error) {
	f := model.CompanyFields{
		Name: oneline.Clean(in.Name), Description: strings.TrimSpace(in.Description), Notes: strings.TrimSpace(in.Notes),
		HealthScore: strings.TrimSpace(in.HealthScore), AccountTier: strings.TrimSpace(in.AccountTier),
		RenewalDate: strings.TrimSpace(in.RenewalDate), Industry: oneline.Clean(in.Industry),
	}
	v := &model.ValidationError{}
	if f.Name == "" {
		v.Add("name", "Enter the company's name.")
	}
	checkLengths(f, v)
	checkChoices(f, v)
	var dv *model.ValidationError
	var err error
	if f.Domains, err = Domains(in.Domains); errors.As(err, &dv) {
		v.Add("domains", dv.Fields["domains"])
	}
	return f, v.Err()
}

func checkLengths(f model.CompanyFields, v *model.ValidationError) {
	for field, val := range map[string]string{"name": f.Name, "description": f.Description, "notes": f.Notes, "industry": f.Industry} {
		if n := utf8.RuneCountInString(val); n > limits[field] {
			v.Add(field, fmt.Sprintf("Use at most %d characters (this has %d).", limits[field], n))
		}
	}
}

// checkChoices checks the optional pick-list fields and the date.
func checkChoices(f model.CompanyFields, v *model.ValidationError) {
	if f.HealthScore != "" && Label(HealthScores, f.HealthScore) == "" {
		v.Add("health_score", "Choose at risk, doing okay or happy.")
	}
	if f.AccountTier != "" && Label(AccountTiers, f.AccountTier) == "" {
		v.Add("account_tier", "Choose basic, premium or enterprise.")
	}
	if _, err := time.Parse(time.DateOnly, f.RenewalDate); f.RenewalDate != "" && err != nil {
		v.Add("renewal_date", "Enter a date as YYYY-MM-DD, such as 2026-12-31.")
	}
}
