package main

import (
	"context"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/portico-hub/portico/plugins/sdk"
)

// stall sends two batches of ten contacts, then waits for the host to
// give up on the third.
func stall(ctx context.Context, w *sdk.BatchWriter) error {
	for b := range 2 {
		records := make([]sdk.Record, 10)
		for i := range records {
			n := strconv.Itoa(b*10 + i + 1)
			records[i] = sdk.Record{Contact: &sdk.Contact{ExternalID: "c" + n, Name: "Person " + n,
				Emails: []string{"person" + n + "@stall.test"}}}
		}
		if err := w.Send(sdk.Batch{Cursor: strconv.Itoa(b + 1), Records: records}); err != nil {
			return err
		}
	}
	<-ctx.Done()
	return ctx.Err()
}

// badRecords are two good contacts around three that Portico must refuse,
// each for its own reason.
func badRecords() []sdk.Record {
	good := func(n string) sdk.Record {
		return sdk.Record{Contact: &sdk.Contact{ExternalID: "g" + n, Name: "Good " + n, Emails: []string{"good" + n + "@bad.test"}}}
	}
	return []sdk.Record{
		good("1"),
		{Contact: &sdk.Contact{ExternalID: "b1", Name: "Bad address", Emails: []string{"not an address"}}},
		{Contact: &sdk.Contact{ExternalID: "b2", Name: "Huge", Emails: []string{"huge@bad.test"}, About: strings.Repeat("x", 100<<10)}},
		{},
		good("2"),
	}
}

// split sends company acme with its first contact and crashes; resumed
// after them, it sends acme's two other contacts, pointing at it by its
// external id alone.
func split(cursor string, w *sdk.BatchWriter) error {
	contact := func(n string) sdk.Record {
		return sdk.Record{Contact: &sdk.Contact{ExternalID: "p" + n, Name: "Person " + n,
			Emails: []string{"person" + n + "@people.test"}, CompanyExternalID: "acme"}}
	}
	if cursor == "" {
		acme := sdk.Record{Company: &sdk.Company{ExternalID: "acme", Name: "Acme Ltd", Domains: []string{"acme.test"},
			Description: "Makes everything"}}
		if err := w.Send(sdk.Batch{Cursor: "1", Records: []sdk.Record{acme, contact("1")}}); err != nil {
			return err
		}
		time.Sleep(500 * time.Millisecond) // let the host commit the batch
		os.Exit(3)
	}
	return w.Send(sdk.Batch{Cursor: "2", Records: []sdk.Record{contact("2"), contact("3")}})
}

// trailing sends a contact and then company acme, whose record ends the
// batch, and crashes; resumed after them, it sends a contact pointing at
// acme by its external id alone.
func trailing(cursor string, w *sdk.BatchWriter) error {
	contact := func(n, company string) sdk.Record {
		return sdk.Record{Contact: &sdk.Contact{ExternalID: "p" + n, Name: "Person " + n,
			Emails: []string{"person" + n + "@people.test"}, CompanyExternalID: company}}
	}
	if cursor == "" {
		acme := sdk.Record{Company: &sdk.Company{ExternalID: "acme", Name: "Acme Ltd", Domains: []string{"acme.test"}}}
		if err := w.Send(sdk.Batch{Cursor: "1", Records: []sdk.Record{contact("1", ""), acme}}); err != nil {
			return err
		}
		time.Sleep(500 * time.Millisecond) // let the host commit the batch
		os.Exit(3)
	}
	return w.Send(sdk.Batch{Cursor: "2", Records: []sdk.Record{contact("2", "acme")}})
}

// companies sends company records around two contacts: Acme Ltd, Beta
// Inc, Clash Co and Newer Co listing domains Acme Ltd and a stored
// company already list, and Acme Ltd again under another external id
// with a second domain. Then, after a pause, Late Co, which no contact
// follows.
func companies(w *sdk.BatchWriter) error {
	co := func(ext, name string, domains ...string) sdk.Record {
		return sdk.Record{Company: &sdk.Company{ExternalID: ext, Name: name, Domains: domains}}
	}
	contact := func(n, company string) sdk.Record {
		return sdk.Record{Contact: &sdk.Contact{ExternalID: "p" + n, Name: "Person " + n,
			Emails: []string{"person" + n + "@people.test"}, CompanyExternalID: company}}
	}
	acme := co("acme", "Acme Ltd", "acme.test")
	acme.Company.Description = "Makes everything"
	first := []sdk.Record{acme, co("beta", "Beta Inc", "beta.test"), co("clash", "Clash Co", "acme.test"),
		co("newer", "Newer Co", "old.test"), contact("1", "acme"), co("acme2", "ACME LTD", "acme.example"), contact("2", "beta")}
	if err := w.Send(sdk.Batch{Cursor: "1", Records: first}); err != nil {
		return err
	}
	time.Sleep(300 * time.Millisecond) // the host has committed the contacts by now
	return w.Send(sdk.Batch{Cursor: "2", Records: []sdk.Record{co("late", "Late Co", "late.test")}})
}
