package model

import "time"

// Company is an organisation that contacts belong to.
type Company struct {
	ID           int64
	Name         string
	Domains      []string
	Description  string
	Notes        string
	HealthScore  string
	AccountTier  string
	RenewalDate  string // YYYY-MM-DD, or empty
	Industry     string
	ContactCount int
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// CompanyFields are a company's editable fields, normalised and validated
// by the company package.
type CompanyFields struct {
	Name        string
	Domains     []string
	Description string
	Notes       string
	HealthScore string
	AccountTier string
	RenewalDate string
	Industry    string
}

// Fields returns c's editable fields.
func (c *Company) Fields() CompanyFields {
	return CompanyFields{
		Name: c.Name, Domains: c.Domains, Description: c.Description, Notes: c.Notes,
		HealthScore: c.HealthScore, AccountTier: c.AccountTier, RenewalDate: c.RenewalDate, Industry: c.Industry,
	}
}

// CompanyQuery selects a page of companies.
type CompanyQuery struct {
	// Search matches names and domains anywhere, case-insensitively.
	Search  string
	Page    int // 1-based
	PerPage int
}

// CompanyPage is one page of the company list.
type CompanyPage struct {
	Companies []Company
	Total     int
	Page      int
	Pages     int
}

// CompanyTakenError says which company already has a name, so the form
// can link to it.
type CompanyTakenError struct {
	Name string
	ID   int64
}

func (e *CompanyTakenError) Error() string { return "company name " + e.Name + " is already taken" }

// Is makes errors.Is(err, ErrConflict) true for a taken name.
func (e *CompanyTakenError) Is(target error) bool { return target == ErrConflict }

// MaxMemberships is how many companies one contact may belong to.
const MaxMemberships = 300
