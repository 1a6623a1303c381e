package e2e

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// teamContact is one contact of the sample a support team might have.
type teamContact struct {
	name, title, email, phone, state string
	tags                             []string
}

// teamContacts are 34 customers of a support team in Seoul and beyond: 19
// verified, 10 unverified, 3 blocked and 2 deleted.
var teamContacts = []teamContact{
	{"Amelia Hart", "Operations Manager", "amelia.hart@northwind.test", "+1 415 555 0142", "verified", []string{"vip"}},
	{"Ben Okafor", "IT Administrator", "ben.okafor@northwind.test", "+1 415 555 0178", "verified", nil},
	{"Carlos Mendes", "Head of Finance", "carlos@lisboa-labs.test", "+351 21 555 0193", "unverified", nil},
	{"Chloé Martin", "Product Owner", "chloe.martin@atelier.test", "+33 1 55 50 12 34", "verified", []string{"beta"}},
	{"Daniel Brooks", "", "dan.brooks@gmail.test", "", "blocked", nil},
	{"Emma Schneider", "Customer Success Lead", "emma.schneider@fjord.test", "+49 30 5550 1290", "verified", []string{"vip"}},
	{"Fatima Al-Sayed", "Procurement", "fatima@desert-rose.test", "+971 4 555 0110", "unverified", nil},
	{"George Wilson", "CTO", "george@brightpath.test", "+44 20 5550 1834", "verified", []string{"vip", "beta"}},
	{"Hannah Kim", "Support Engineer", "hannah.kim@northwind.test", "+1 415 555 0166", "verified", nil},
	{"Isabella Rossi", "Office Manager", "isabella@trattoria.test", "", "unverified", nil},
	{"Jacob Levi", "Developer", "jacob.levi@brightpath.test", "+44 20 5550 1871", "verified", []string{"beta"}},
	{"Kenji Watanabe", "Systems Architect", "k.watanabe@sakura-soft.test", "+81 3 5550 2231", "verified", nil},
	{"Liam O'Connor", "Account Executive", "liam@greenisle.test", "+353 1 555 0128", "deleted", nil},
	{"Maya Patel", "VP Engineering", "maya.patel@fjord.test", "+49 30 5550 1233", "verified", []string{"vip"}},
	{"Noah Fischer", "", "noah.fischer@web.test", "", "unverified", nil},
	{"Olivia Nguyen", "Marketing Director", "olivia@lotus-media.test", "+84 28 5550 3344", "verified", nil},
	{"Priya Sharma", "QA Lead", "priya.sharma@brightpath.test", "+44 20 5550 1902", "unverified", []string{"beta"}},
	{"Rafael Costa", "", "rafael.costa@mail.test", "", "blocked", nil},
	{"Sofia Andersson", "Head of Support", "sofia@fjord.test", "+46 8 555 012 34", "verified", nil},
	{"Thomas Müller", "Purchasing", "t.mueller@atelier.test", "", "deleted", nil},
	{"강지훈", "Backend Engineer", "jihoon.kang@hanbit.test", "+82 2 555 0147", "verified", nil},
	{"김민준", "개발팀장", "minjun.kim@hanbit.test", "+82 2 555 0101", "verified", []string{"vip"}},
	{"김서연", "Product Manager", "seoyeon.kim@daeho.test", "+82 2 555 0188", "verified", nil},
	{"박지민", "디자이너", "jimin.park@daeho.test", "", "unverified", nil},
	{"송하은", "Sales Manager", "haeun.song@hanbit.test", "+82 10 5550 2468", "verified", nil},
	{"안재현", "", "jaehyun.ahn@naver.test", "", "blocked", nil},
	{"오세훈", "Support Engineer", "sehun.oh@daeho.test", "+82 2 555 0133", "unverified", []string{"beta"}},
	{"윤서아", "마케팅 매니저", "seoa.yoon@hanbit.test", "+82 2 555 0172", "verified", nil},
	{"이도윤", "CTO", "doyun.lee@gangnam-ai.test", "+82 2 555 0119", "verified", []string{"vip"}},
	{"임하준", "Data Analyst", "hajun.lim@gangnam-ai.test", "", "unverified", nil},
	{"장예린", "운영 매니저", "yerin.jang@daeho.test", "+82 31 555 0165", "unverified", nil},
	{"정우진", "IT 관리자", "woojin.jung@hanbit.test", "+82 2 555 0157", "verified", nil},
	{"최유나", "Customer Success", "yuna.choi@gangnam-ai.test", "+82 10 5550 7788", "verified", nil},
	{"한지우", "", "jiwoo.han@kakao.test", "", "unverified", nil},
}

// teamCompanies are the customers' employers, each with the domain its
// people write from; the free-mail domains belong to no company.
var teamCompanies = []model.CompanyFields{
	{Name: "Northwind Traders", Domains: []string{"northwind.test"}, Industry: "Wholesale", AccountTier: "premium"},
	{Name: "Fjord Analytics", Domains: []string{"fjord.test"}, Industry: "Software", AccountTier: "enterprise"},
	{Name: "BrightPath", Domains: []string{"brightpath.test"}, Industry: "Education"},
	{Name: "Atelier Martin", Domains: []string{"atelier.test"}, Industry: "Design"},
	{Name: "Hanbit Soft", Domains: []string{"hanbit.test"}, Industry: "Software", AccountTier: "enterprise"},
	{Name: "Daeho Logistics", Domains: []string{"daeho.test"}, Industry: "Logistics"},
	{Name: "Gangnam AI", Domains: []string{"gangnam-ai.test"}, Industry: "Software", AccountTier: "premium"},
}

// seedTeamContacts creates teamCompanies, then teamContacts over the last
// four months, some edited days after they were created, so the dates vary
// as they would. The contacts join their companies by their email domain.
func seedTeamContacts(t *testing.T, st *store.Store) {
	ctx := context.Background()
	created := time.Now().UTC().Add(-130 * 24 * time.Hour)
	clock := created.Add(-24 * time.Hour)
	st.Now = func() time.Time { return clock }
	defer func() { st.Now = func() time.Time { return time.Now().UTC() } }()
	for _, co := range teamCompanies {
		if _, err := st.CreateCompany(ctx, e2eActor, co); err != nil {
			t.Fatalf("seed %s: %v", co.Name, err)
		}
	}
	for i, c := range teamContacts {
		created = created.Add(time.Duration(60+i*37%50) * time.Hour)
		clock = created
		id, err := st.CreateContact(ctx, e2eActor, store.NewContact{
			Fields: model.ContactFields{Name: c.name, JobTitle: c.title, Phone: c.phone},
			Emails: []string{c.email}, State: c.initialState(),
		})
		if err != nil {
			t.Fatalf("seed %s: %v", c.name, err)
		}
		clock = created.Add(time.Duration(i%5+1) * 29 * time.Hour)
		if err := seedLater(ctx, st, id, c); err != nil {
			t.Fatalf("seed %s: %v", c.name, err)
		}
	}
}

// initialState is verified for verified contacts and unverified for the
// rest, which are blocked or deleted later.
func (c teamContact) initialState() model.State {
	if c.state == "verified" {
		return model.StateVerified
	}
	return model.StateUnverified
}

// seedLater makes the changes that come after a contact's creation: its
// tags, and blocking or deleting it.
func seedLater(ctx context.Context, st *store.Store, id int64, c teamContact) error {
	if len(c.tags) > 0 {
		if err := st.SetContactTags(ctx, e2eActor, id, c.tags); err != nil {
			return err
		}
	}
	if c.state == "blocked" || c.state == "deleted" {
		return st.ChangeContactState(ctx, e2eActor, id, c.state)
	}
	return nil
}

// collapse folds runs of white space into one space.
func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }
