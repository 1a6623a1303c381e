package crmsync_test

import (
	"fmt"
	"slices"
	"strings"

	"github.com/portico-hub/portico/app/company"
)

// companyStep does one random thing to companies, on either side.
func (w *world) companyStep() {
	switch w.rnd.IntN(6) {
	case 0:
		w.companyCreate()
	case 1, 2:
		w.companyEdit()
	case 3:
		if ids := w.companyIDs(); len(ids) > 0 {
			if err := w.e.companies.Delete(w.e.ctx, w.e.agent, ids[w.rnd.IntN(len(ids))]); err != nil {
				w.t.Fatal(err)
			}
		}
	case 4:
		w.remoteOrgCreate()
	default:
		w.remoteOrgEdit()
	}
}

func (w *world) companyIDs() []int64 {
	ids, err := w.e.st.CompanyIDs(w.e.ctx)
	if err != nil {
		w.t.Fatal(err)
	}
	return ids
}

func (w *world) companyCreate() {
	n := w.next()
	in := company.Input{Name: fmt.Sprintf("Company %d", n), Domains: fmt.Sprintf("c%d.example", n)}
	if _, err := w.e.companies.Create(w.e.ctx, w.e.agent, in); err != nil {
		w.t.Fatal(err)
	}
}

func (w *world) companyEdit() {
	ids := w.companyIDs()
	if len(ids) == 0 {
		return
	}
	co, err := w.e.st.Company(w.e.ctx, ids[w.rnd.IntN(len(ids))])
	if err != nil {
		w.t.Fatal(err)
	}
	in := company.Input{Name: co.Name, Notes: co.Notes, Domains: strings.Join(co.Domains, ",")}
	if w.rnd.IntN(2) == 0 {
		in.Notes = fmt.Sprintf("Notes %d", w.next())
	} else {
		in.Domains += fmt.Sprintf(",d%d.example", w.next())
	}
	if err := w.e.companies.Update(w.e.ctx, w.e.agent, co.ID, in); err != nil {
		w.t.Fatal(err)
	}
}

func (w *world) remoteOrgCreate() {
	if w.down {
		return
	}
	n := w.next()
	w.e.dav.put(fmt.Sprintf("o%d.vcf", n), card{Org: true, Name: fmt.Sprintf("Org %d", n), URLs: []string{fmt.Sprintf("https://o%d.example", n)}})
}

func (w *world) remoteOrgEdit() {
	var orgs []string
	for _, name := range w.remoteNames() {
		if w.e.dav.cards()[name].Org {
			orgs = append(orgs, name)
		}
	}
	if len(orgs) == 0 {
		return
	}
	name := orgs[w.rnd.IntN(len(orgs))]
	cd := w.e.dav.cards()[name]
	if w.rnd.IntN(2) == 0 {
		cd.Note = fmt.Sprintf("Remote note %d", w.next())
	} else {
		cd.Name = fmt.Sprintf("Org renamed %d", w.next())
	}
	w.e.dav.put(name, cd)
}

// checkCompanies compares companies with organisation cards: each is
// linked to one with the same name, notes and domains, or flagged; each
// organisation card is linked to a company.
func (w *world) checkCompanies(cards map[string]card) map[string]bool {
	linked := map[string]bool{}
	for _, id := range w.companyIDs() {
		co, _ := w.e.st.Company(w.e.ctx, id)
		l, err := w.e.st.CRMLinkByLocal(w.e.ctx, w.e.id, "company", id)
		if err != nil {
			w.t.Errorf("company %d %q has no link: %v", id, co.Name, err)
			continue
		}
		cd, ok := cards[l.RemoteID]
		switch {
		case l.State == "remote_deleted" && !ok:
		case l.State != "linked" || !ok || !cd.Org:
			w.t.Errorf("company %d %q: link %s to %s, card there %v", id, co.Name, l.State, l.RemoteID, ok)
		default:
			linked[l.RemoteID] = true
			if cd.Name != co.Name || cd.Note != co.Notes || !slices.Equal(urlHosts(cd.URLs), co.Domains) {
				w.t.Errorf("company %d and card %s differ: %q %q %v / %q %q %v", id, l.RemoteID, co.Name, co.Notes, co.Domains,
					cd.Name, cd.Note, cd.URLs)
			}
		}
	}
	return linked
}

func urlHosts(urls []string) []string {
	var out []string
	for _, u := range urls {
		out = append(out, company.NormDomain(u))
	}
	slices.Sort(out)
	return out
}
