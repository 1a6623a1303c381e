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
