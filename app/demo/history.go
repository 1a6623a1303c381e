package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// pastImport is an import the team ran during the year, as its history
// row tells it: its file is long deleted, as real old files are.
type pastImport struct {
	kind, filename string
	by             int // index into the team; -1 is the admin
	day            int // days after the year's start
	counts         model.ImportCounts
	failures       []model.ImportFailure
}

var pastImports = []pastImport{
	{"companies", "accounts-from-crm.csv", -1, 4, model.ImportCounts{Created: 18, Updated: 0, Skipped: 2}, nil},
	{"contacts", "customers-2025.csv", -1, 20, model.ImportCounts{Created: 112, Skipped: 3, Failed: 2}, []model.ImportFailure{
		{Row: 41, Reason: "email: not an email address", Cells: []string{"Sam Ortiz", "sam.ortiz@", "Globex"}},
		{Row: 87, Reason: "name: required", Cells: []string{"", "billing@initech.io", "Initech"}},
	}},
	{"contacts", "seoul-expo-명함.csv", 1, 150, model.ImportCounts{Created: 34, Updated: 6}, nil},
	{"contacts", "webinar-attendees-march.csv", 0, 230, model.ImportCounts{Created: 21, Updated: 14, Skipped: 1}, nil},
	{"companies", "renewals-q3.csv", 2, 290, model.ImportCounts{Updated: 9}, nil},
	{"contacts", "partner-contacts.csv", 3, 350, model.ImportCounts{Created: 12, Updated: 3, Failed: 1}, []model.ImportFailure{
		{Row: 9, Reason: "phone: not a phone number", Cells: []string{"이도윤", "doyun@hanbitsoft.co.kr", "02-12"}},
	}},
}

// keepHistory records the team's past imports, and the admin's past
// exports, in their histories.
func keepHistory(ctx context.Context, st *store.Store, y *year, admin model.Actor, agents []member) error {
	for _, p := range pastImports {
		who := admin
		if p.by >= 0 {
			who = agents[p.by].actor
		}
		if err := p.record(ctx, st, y, who); err != nil {
			return fmt.Errorf("demo: import %s: %w", p.filename, err)
		}
	}
	return exportOverTheYear(ctx, st, y, admin)
}

// firstAdmin is the demo's admin, or no one when there is none yet.
func firstAdmin(ctx context.Context, st *store.Store) (model.Actor, error) {
	all, err := st.ListAgents(ctx)
	if err != nil {
		return model.Actor{}, err
	}
	for _, a := range all {
		if a.IsAdmin() {
			return model.Actor{ID: a.ID, Name: a.Name}, nil
		}
	}
	return model.Actor{}, nil
}

// record writes the import through the steps a real run takes: queued,
// running over its rows, done.
func (p pastImport) record(ctx context.Context, st *store.Store, y *year, who model.Actor) error {
	y.at(time.Duration(p.day)*24*time.Hour + 10*time.Hour)
	match := "email"
	if p.kind == "companies" {
		match = "name"
	}
	id, err := st.CreateImport(ctx, model.Import{Kind: p.kind, Filename: p.filename, Size: int64(p.counts.Rows()) * 96,
		Dialect: `{"Kind":"csv","Delimiter":44,"Header":true}`, Mode: "upsert", Match: match, Blank: "keep", CreatedBy: who.ID})
	if err != nil {
		return err
	}
	rows := p.counts.Rows()
	if err := st.BeginImport(ctx, id, rows); err != nil {
		return err
	}
	y.at(time.Duration(p.day)*24*time.Hour + 10*time.Hour + time.Duration(rows)*time.Second)
	err = st.ImportBatch(ctx, who, id, 0, func(b *store.ImportTx) (int, model.ImportCounts, error) {
		return rows + 1, p.counts, b.Fail(ctx, p.failures)
	})
	if err != nil {
		return err
	}
	return st.FinishImport(ctx, id, model.JobDone, "")
}
