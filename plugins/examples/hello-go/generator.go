package main

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/portico-hub/portico/plugins/sdk"
)

// generator is one configured instance: it produces cfg.Count records,
// every tenth a company and the others its contacts.
type generator struct {
	cfg config
}

func (g *generator) CheckHealth(context.Context) (string, error) {
	return fmt.Sprintf("Ready to generate %d records at %s", g.cfg.Count, g.cfg.Domain), nil
}

// Import resumes at the index the cursor holds and sends batches until
// Count records were produced.
func (g *generator) Import(ctx context.Context, req sdk.ImportRequest, w *sdk.BatchWriter) error {
	next, err := parseCursor(req.Cursor)
	if err != nil {
		return err
	}
	size := req.BatchSize
	if size <= 0 || size > 1000 {
		size = 500
	}
	for next < g.cfg.Count {
		end := min(next+size, g.cfg.Count)
		records := make([]sdk.Record, 0, end-next)
		for i := next; i < end; i++ {
			records = append(records, g.record(i))
		}
		next = end
		b := sdk.Batch{Records: records, Cursor: strconv.Itoa(next),
			Progress: sdk.Progress{Done: int64(next), Total: int64(g.cfg.Count)}}
		if err := w.Send(b); err != nil {
			return err
		}
		select {
		case <-time.After(time.Duration(g.cfg.PauseMS) * time.Millisecond):
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return ctx.Err()
}

func (g *generator) record(i int) sdk.Record {
	company := "company-" + strconv.Itoa(i/10)
	if i%10 == 0 {
		return sdk.Record{Company: &sdk.Company{ExternalID: company,
			Name: fmt.Sprintf("Company %d", i/10), Domains: []string{fmt.Sprintf("c%d.%s", i/10, g.cfg.Domain)}}}
	}
	return sdk.Record{Contact: &sdk.Contact{ExternalID: "contact-" + strconv.Itoa(i),
		Name: fmt.Sprintf("Person %d", i), Emails: []string{fmt.Sprintf("person%d@%s", i, g.cfg.Domain)},
		CompanyExternalID: company, Tags: []string{"hello"}}}
}

func parseCursor(c string) (int, error) {
	if c == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(c)
	if err != nil || n < 0 {
		return 0, sdk.InvalidCursor(fmt.Sprintf("cursor %q is not a record index", c))
	}
	return n, nil
}
