package conformance

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/portico-hub/portico/plugins/sdk"
	"github.com/portico-hub/portico/plugins/sdk/host"
)

// maxBatches bounds the import check for plugins with much data: the
// runner stops reading there, which also checks that cancelling works.
const maxBatches = 40

var errEnough = errors.New("enough batches")

// importAll reads from the start and checks each batch: records present
// and well formed, a cursor, and progress that never goes back.
func (c *checker) importAll() error {
	c.batches = nil
	req := host.ImportRequest{Ref: c.ref(), BatchSize: 100}
	err := c.p.Import(context.Background(), req, func(b sdk.Batch) error {
		if err := checkBatch(len(c.batches), b, c.batches); err != nil {
			return err
		}
		c.batches = append(c.batches, b)
		if len(c.batches) == maxBatches {
			return errEnough
		}
		return nil
	})
	if err != nil && !errors.Is(err, errEnough) {
		return err
	}
	if len(c.batches) < 2 {
		return fmt.Errorf("got %d batches; configure at least 2 batches of 100 records to check resuming", len(c.batches))
	}
	return nil
}

func checkBatch(i int, b sdk.Batch, before []sdk.Batch) error {
	switch {
	case len(b.Records) == 0:
		return fmt.Errorf("batch %d has no records", i)
	case b.Cursor == "":
		return fmt.Errorf("batch %d has no cursor", i)
	case i > 0 && b.Progress.Done < before[i-1].Progress.Done:
		return fmt.Errorf("batch %d: progress went back from %d to %d", i, before[i-1].Progress.Done, b.Progress.Done)
	}
	for j, r := range b.Records {
		if id := externalID(r); id == "" {
			return fmt.Errorf("batch %d record %d: no contact or company with an external id", i, j)
		}
	}
	return nil
}

// resume restarts from the middle batch's cursor and expects the very
// records that followed it the first time.
func (c *checker) resume() error {
	if len(c.batches) < 2 {
		return errors.New("needs the import check to pass first")
	}
	k := len(c.batches)/2 - 1
	var got sdk.Batch
	req := host.ImportRequest{Ref: c.ref(), Cursor: c.batches[k].Cursor, BatchSize: 100}
	err := c.p.Import(context.Background(), req, func(b sdk.Batch) error {
		got = b
		return errEnough
	})
	if err != nil && !errors.Is(err, errEnough) {
		return err
	}
	want, have := ids(c.batches[k+1].Records), ids(got.Records)
	if !slices.Equal(want, have) {
		return fmt.Errorf("resuming from cursor %q gave %d records starting %v, want %d starting %v",
			c.batches[k].Cursor, len(have), head(have), len(want), head(want))
	}
	return nil
}

func externalID(r sdk.Record) string {
	switch {
	case r.Contact != nil:
		return "contact:" + r.Contact.ExternalID
	case r.Company != nil:
		return "company:" + r.Company.ExternalID
	}
	return ""
}

func ids(rs []sdk.Record) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = externalID(r)
	}
	return out
}

func head(s []string) []string { return s[:min(len(s), 3)] }
