package imports

import (
	"errors"
	"strings"

	"github.com/portico-hub/portico/app/company"
	"github.com/portico-hub/portico/app/importfile"
	"github.com/portico-hub/portico/app/model"
)

// companyInput turns a row's cells into company form input, reading the
// health score, the account tier and the renewal date as spreadsheets
// write them. A cell it cannot read keeps its text and gets a message in
// bad, under its field, which validateCompany prefers to the form's.
func companyInput(c importfile.CompanyCells) (company.Input, map[string]string) {
	in := company.Input{Name: c.Name, Domains: c.Domains, Description: c.Description, Notes: c.Notes,
		HealthScore: c.HealthScore, AccountTier: c.AccountTier, RenewalDate: c.RenewalDate, Industry: c.Industry}
	bad := map[string]string{}
	if v, ok := readChoice(c.HealthScore, company.HealthScores, healthWords); ok {
		in.HealthScore = v
	} else {
		bad["health_score"] = "“" + strings.TrimSpace(c.HealthScore) + "” is not a health score: use At risk, Doing okay or Happy."
	}
	if v, ok := readChoice(c.AccountTier, company.AccountTiers, tierWords); ok {
		in.AccountTier = v
	} else {
		bad["account_tier"] = "“" + strings.TrimSpace(c.AccountTier) + "” is not an account tier: use Basic, Premium or Enterprise."
	}
	if v, problem := readDate(c.RenewalDate); problem == "" {
		in.RenewalDate = v
	} else {
		bad["renewal_date"] = problem
	}
	return in, bad
}

// healthWords and tierWords are Korean names of the pick-list values.
var (
	healthWords = map[string]string{"위험": "at_risk", "주의": "at_risk", "보통": "doing_okay", "양호": "doing_okay", "만족": "happy", "좋음": "happy"}
	tierWords   = map[string]string{"기본": "basic", "베이직": "basic", "프리미엄": "premium", "엔터프라이즈": "enterprise"}
)

// readChoice finds a pick-list value by its value or its label, ignoring
// case, spaces, hyphens and underscores ("Doing okay", "doing_okay").
// A blank cell reads as no value.
func readChoice(v string, choices []company.Choice, words map[string]string) (string, bool) {
	k := fold(v)
	if k == "" {
		return "", true
	}
	for _, c := range choices {
		if k == fold(c.Value) || k == fold(c.Label) {
			return c.Value, true
		}
	}
	val, ok := words[k]
	return val, ok
}

func fold(s string) string {
	return strings.ToLower(separators.Replace(strings.TrimSpace(s)))
}

// separators are what fold drops; one Replacer serves every cell, as
// building one costs more than the cells it reads.
var separators = strings.NewReplacer(" ", "", "_", "", "-", "")

// validateCompany checks input as the company form does; a cell that
// could not be read (bad) gives its own message for its field.
func validateCompany(in company.Input, bad map[string]string) (model.CompanyFields, error) {
	f, err := in.Validate()
	if len(bad) == 0 {
		return f, err
	}
	ve := &model.ValidationError{}
	if !errors.As(err, &ve) && err != nil {
		return f, err
	}
	out := &model.ValidationError{Fields: map[string]string{}}
	for k, msg := range ve.Fields {
		out.Fields[k] = msg
	}
	for k, msg := range bad {
		out.Fields[k] = msg
	}
	return f, out
}
