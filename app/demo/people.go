package demo

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// People makes realistic, deterministic sample contacts: English and
// Korean names, one or two addresses, phones, job titles, tags, and a
// mix of states. The same seed always yields the same people.
type People struct {
	r *rand.Rand
	// CompanyDomains are the domains about a fifth of the contacts use
	// for their first address, which links them to that company.
	CompanyDomains []string
	// taken counts the addresses handed out per base address, so that a
	// repeated name gets olivia.martin2@... and every address is unique.
	taken map[string]int
}

// NewPeople returns a generator seeded with seed.
func NewPeople(seed uint64, companyDomains []string) *People {
	return &People{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), CompanyDomains: companyDomains, taken: map[string]int{}}
}

// Next returns the next contact.
func (p *People) Next() store.NewContact {
	var c store.NewContact
	var local string
	if p.r.IntN(100) < 45 {
		local = p.korean(&c)
	} else {
		local = p.english(&c)
	}
	domain := pick(p.r, personalDomains)
	if c.Fields.Language == "ko" {
		domain = pick(p.r, koreanDomains)
	}
	if len(p.CompanyDomains) > 0 && p.r.IntN(100) < 20 {
		domain = pick(p.r, p.CompanyDomains)
	}
	c.Emails = []string{p.address(local, domain)}
	if p.r.IntN(100) < 20 {
		c.Emails = append(c.Emails, p.address(local, pick(p.r, personalDomains)))
	}
	p.details(&c)
	return c
}

func (p *People) korean(c *store.NewContact) string {
	sur, given := pick(p.r, koreanSurnames), pick(p.r, koreanGiven)
	c.Fields.Name = sur.ko + given.ko
	c.Fields.Language, c.Fields.TimeZone = "ko", "Asia/Seoul"
	if p.r.IntN(100) < 70 {
		c.Fields.Mobile = fmt.Sprintf("010-%04d-%04d", p.r.IntN(10000), p.r.IntN(10000))
	}
	if p.r.IntN(100) < 30 {
		c.Fields.Phone = fmt.Sprintf("02-%d-%04d", 500+p.r.IntN(9000), p.r.IntN(10000))
	}
	return given.en + "." + sur.en
}

func (p *People) english(c *store.NewContact) string {
	first, last := pick(p.r, firstNames), pick(p.r, lastNames)
	c.Fields.Name = first + " " + last
	c.Fields.Language, c.Fields.TimeZone = "en", pick(p.r, []string{"America/New_York", "Europe/London", "America/Los_Angeles"})
	if p.r.IntN(100) < 70 {
		area := pick(p.r, areaCodes[c.Fields.TimeZone])
		if strings.HasPrefix(area, "+44") {
			c.Fields.Phone = fmt.Sprintf("%s %04d %04d", area, 3000+p.r.IntN(7000), p.r.IntN(10000))
		} else {
			c.Fields.Phone = fmt.Sprintf("%s %03d %04d", area, 200+p.r.IntN(800), p.r.IntN(10000))
		}
	}
	return strings.ToLower(first + "." + last)
}

// address returns local@domain, numbered when that address was given out.
func (p *People) address(local, domain string) string {
	base := local + "@" + domain
	n := p.taken[base]
	p.taken[base] = n + 1
	if n == 0 {
		return base
	}
	return fmt.Sprintf("%s%d@%s", local, n+1, domain)
}

// details fills the job title, in the language of the name, tags and
// state.
func (p *People) details(c *store.NewContact) {
	if p.r.IntN(100) < 60 {
		c.Fields.JobTitle = pick(p.r, jobTitles)
		if c.Fields.Language == "ko" {
			c.Fields.JobTitle = pick(p.r, koreanJobTitles)
		}
	}
	for range tagCounts[p.r.IntN(len(tagCounts))] {
		if t := pick(p.r, tagNames); !slices.Contains(c.Tags, t) {
			c.Tags = append(c.Tags, t)
		}
	}
	switch n := p.r.IntN(100); {
	case n < 55:
		c.State = model.StateVerified
	case n < 85:
		c.State = model.StateUnverified
	case n < 90:
		c.State = model.StateBlocked
	default:
		c.State = model.StateDeleted
	}
}

// tagCounts makes seven contacts in ten untagged, and one in ten doubly tagged.
var tagCounts = [...]int{0, 0, 0, 0, 0, 0, 0, 1, 1, 2}

// AddWorkAddress gives c one more address, at domain, made from the local
// part of its first address: olivia.martin@hooli.xyz.
func (p *People) AddWorkAddress(c *store.NewContact, domain string) {
	local, _, _ := strings.Cut(c.Emails[0], "@")
	c.Emails = append(c.Emails, p.address(strings.TrimRight(local, "0123456789"), domain))
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }
