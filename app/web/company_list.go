package web

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/company"
	"github.com/portico-hub/portico/app/model"
)

// companyListPage is the company list with its search.
type companyListPage struct {
	Base
	Search string
	Result *model.CompanyPage
}

// companyList shows a page of companies. Search-as-you-type and paging ask
// for the results fragment only.
func (s *Server) companyList(c *fiber.Ctx) error {
	p := companyListPage{Base: base(c, "Companies", "companies"), Search: strings.TrimSpace(c.Query("q"))}
	page, _ := strconv.Atoi(c.Query("page"))
	var err error
	if p.Result, err = s.companies.List(c.UserContext(), p.Search, min(max(page, 1), 100000)); err != nil {
		return err
	}
	return render(c, fiber.StatusOK, "companies/list", "companies/_results", p)
}

// companyOptions answers a company picker with the names matching what was
// typed so far, for its datalist. The picker on a contact's page sends it
// as name, the contacts list's filter as company_name, its bulk bar as
// bulk_company, the Time Sheet Summary's filter as add_company.
func (s *Server) companyOptions(c *fiber.Ctx) error {
	typed := c.Query("name", c.Query("company_name", c.Query("bulk_company", c.Query("add_company"))))
	res, err := s.companies.List(c.UserContext(), typed, 1)
	if err != nil {
		return err
	}
	return c.Render("companies/_options", res)
}

// URL links to a page of this list, keeping the search.
func (p companyListPage) URL(page int) string {
	v := url.Values{}
	if p.Search != "" {
		v.Set("q", p.Search)
	}
	if page > 1 {
		v.Set("page", strconv.Itoa(page))
	}
	if len(v) == 0 {
		return "/companies"
	}
	return "/companies?" + v.Encode()
}

// First and Last number the rows shown, for "31–60 of 100".
func (p companyListPage) First() int { return (p.Result.Page-1)*company.PerPage + 1 }
func (p companyListPage) Last() int  { return p.First() + len(p.Result.Companies) - 1 }

// Health and Tier label a company's pick-list values.
func (companyListPage) Health(v string) string { return company.Label(company.HealthScores, v) }
func (companyListPage) Tier(v string) string   { return company.Label(company.AccountTiers, v) }
