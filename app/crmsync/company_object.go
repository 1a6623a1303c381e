package crmsync

import (
	"context"
	"errors"
	"net/url"
	"slices"
	"strings"

	"github.com/portico-hub/portico/app/company"
	"github.com/portico-hub/portico/app/model"
)

// CompanyFields are the Portico company fields a mapping can name.
var CompanyFields = []string{"name", "domains", "description", "notes", "industry"}

// companies are the company records, written through the company service.
type companies struct{ e *Engine }

func (companies) kind() string { return "company" }

func (o companies) load(ctx context.Context, id int64) (*record, error) {
	c, err := o.e.Store.Company(ctx, id)
	if err != nil {
		return nil, err
	}
	v := values{"name": one(c.Name), "domains": normalise("domains", c.Domains), "description": one(c.Description),
		"notes": one(c.Notes), "industry": one(c.Industry)}
	return &record{ID: c.ID, Name: c.Name, V: v, At: c.UpdatedAt, Live: true}, nil
}

func (o companies) create(ctx context.Context, actor model.Actor, t values) (int64, error) {
	return o.e.Companies.Create(ctx, actor, companyInput(company.Input{}, t))
}

func (o companies) update(ctx context.Context, actor model.Actor, rec *record, t values, fields []string) error {
	c, err := o.e.Store.Company(ctx, rec.ID)
	if err != nil {
		return err
	}
	in := company.Input{Name: c.Name, Description: c.Description, Notes: c.Notes, HealthScore: c.HealthScore,
		AccountTier: c.AccountTier, RenewalDate: c.RenewalDate, Industry: c.Industry, Domains: strings.Join(c.Domains, ",")}
	return o.e.Companies.Update(ctx, actor, rec.ID, companyInput(in, pick(t, fields)))
}

func (o companies) remove(ctx context.Context, actor model.Actor, id int64) error {
	return o.e.Companies.Delete(ctx, actor, id)
}

func (o companies) liveIDs(ctx context.Context) ([]int64, error) { return o.e.Store.CompanyIDs(ctx) }

func (companies) keys(v values) []string {
	var out []string
	for _, n := range v["name"] {
		out = append(out, "name:"+strings.ToLower(n))
	}
	for _, d := range v["domains"] {
		out = append(out, "domain:"+d)
	}
	return out
}

// holder is the company whose name a create repeated.
func (companies) holder(err error) int64 {
	var taken *model.CompanyTakenError
	if errors.As(err, &taken) {
		return taken.ID
	}
	return 0
}

// companyInput lays the target's fields over a company form.
func companyInput(in company.Input, t values) company.Input {
	set := map[string]*string{"name": &in.Name, "description": &in.Description, "notes": &in.Notes, "industry": &in.Industry}
	for f, v := range t {
		if p, ok := set[f]; ok {
			*p = first(v)
		}
	}
	if d, ok := t["domains"]; ok {
		in.Domains = strings.Join(d, ",")
	}
	return in
}

// hosts are the domains of web addresses, as a company lists them.
func hosts(urls []string) []string {
	var out []string
	for _, s := range urls {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		if !strings.Contains(s, "://") {
			s = "https://" + s
		}
		if u, err := url.Parse(s); err == nil && u.Hostname() != "" {
			d := company.NormDomain(u.Hostname())
			if !slices.Contains(out, d) {
				out = append(out, d)
			}
		}
	}
	slices.Sort(out)
	return out
}
