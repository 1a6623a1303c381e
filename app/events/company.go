package events

import (
	"time"

	"github.com/portico-hub/portico/app/model"
)

// Company is a company as events show it.
type Company struct {
	ID          int64     `json:"id"`
	Name        string    `json:"name"`
	Domains     []string  `json:"domains"`
	Description string    `json:"description"`
	HealthScore string    `json:"health_score"`
	AccountTier string    `json:"account_tier"`
	RenewalDate string    `json:"renewal_date"`
	Industry    string    `json:"industry"`
	CreatedAt   time.Time `json:"created_at"`
	UpdatedAt   time.Time `json:"updated_at"`
}

// CompanyOf is co as events show it. Notes are internal and left out.
func CompanyOf(co *model.Company) Company {
	return Company{
		ID: co.ID, Name: co.Name, Domains: append([]string{}, co.Domains...), Description: co.Description,
		HealthScore: co.HealthScore, AccountTier: co.AccountTier, RenewalDate: co.RenewalDate, Industry: co.Industry,
		CreatedAt: co.CreatedAt.UTC(), UpdatedAt: co.UpdatedAt.UTC(),
	}
}

// CompanyCreated is company.created.
type CompanyCreated struct {
	Company Company `json:"company"`
}

// CompanyUpdated is company.updated; Changed names the fields that
// changed (name, domains, description, ...).
type CompanyUpdated struct {
	Company Company  `json:"company"`
	Changed []string `json:"changed"`
}

// CompanyDeleted is company.deleted. Its contacts stay.
type CompanyDeleted struct {
	CompanyID int64  `json:"company_id"`
	Name      string `json:"name"`
}

// Test is webhook.test, sent by "send test event".
type Test struct {
	EndpointID int64  `json:"endpoint_id"`
	Message    string `json:"message"`
}

func (CompanyCreated) EventType() string { return TypeCompanyCreated }
func (CompanyUpdated) EventType() string { return TypeCompanyUpdated }
func (CompanyDeleted) EventType() string { return TypeCompanyDeleted }
func (Test) EventType() string           { return TypeTest }

func (e CompanyCreated) SubjectCompany() int64 { return e.Company.ID }
func (e CompanyUpdated) SubjectCompany() int64 { return e.Company.ID }
func (e CompanyDeleted) SubjectCompany() int64 { return e.CompanyID }
