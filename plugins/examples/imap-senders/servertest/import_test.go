package servertest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/portico-hub/portico/plugins/sdk"
	"github.com/portico-hub/portico/plugins/sdk/host"
	"github.com/portico-hub/portico/plugins/sdk/sdktest"
)

func configure(t *testing.T, p *host.Plugin, id, config string, secrets map[string]string) host.Ref {
	t.Helper()
	if err := p.Configure(context.Background(), sdk.Config{InstanceID: id, Revision: 1, JSON: []byte(config), Secrets: secrets}); err != nil {
		t.Fatal(err)
	}
	return host.Ref{InstanceID: id, Revision: 1}
}

func importAll(p *host.Plugin, ref host.Ref, cursor string, size int) ([]sdk.Batch, error) {
	var batches []sdk.Batch
	err := p.Import(context.Background(), host.ImportRequest{Ref: ref, Cursor: cursor, BatchSize: size},
		func(b sdk.Batch) error { batches = append(batches, b); return nil })
	return batches, err
}

func TestImportSendersFromDovecot(t *testing.T) {
	d := startDovecot(t)
	want := seed(t, d, 300)
	p := startPlugin(t, pluginDir(t))
	batches, err := importAll(p, configure(t, p, "inbox", mailConfig(d), mailSecrets), "", 100)
	if err != nil {
		t.Fatal(err)
	}
	got, companies := map[string]string{}, map[string]bool{}
	for i, b := range batches {
		inBatch := map[string]bool{}
		for _, r := range b.Records {
			if r.Company != nil {
				companies[r.Company.Domains[0]], inBatch[r.Company.ExternalID] = true, true
				continue
			}
			c := r.Contact
			got[c.ExternalID] = c.Name
			if domain := c.Emails[0][strings.IndexByte(c.Emails[0], '@')+1:]; want.companies[domain] != (c.CompanyExternalID == "domain:"+domain) {
				t.Errorf("%s has company %q", c.ExternalID, c.CompanyExternalID)
			}
			if c.CompanyExternalID != "" && !inBatch[c.CompanyExternalID] {
				t.Errorf("batch %d: %s refers to company %s before it was sent", i, c.ExternalID, c.CompanyExternalID)
			}
		}
	}
	if fmt.Sprint(got) != fmt.Sprint(want.senders) {
		t.Errorf("senders:\n got %v\nwant %v", got, want.senders)
	}
	if fmt.Sprint(companies) != fmt.Sprint(want.companies) {
		t.Errorf("companies: got %v, want %v", companies, want.companies)
	}
	if last := batches[len(batches)-1].Progress; last.Done != int64(want.messages) || last.Total != int64(want.messages) {
		t.Errorf("final progress %+v, want %d of %d", last, want.messages, want.messages)
	}
}

// TestImportResumesAfterTheLastUID resumes from a batch's cursor in a new
// plugin process and expects exactly what followed, then only the new
// message once one arrives; a cursor of another UIDVALIDITY is refused.
func TestImportResumesAfterTheLastUID(t *testing.T) {
	d := startDovecot(t)
	seed(t, d, 300)
	dir := pluginDir(t)
	p := startPlugin(t, dir)
	ref := configure(t, p, "inbox", mailConfig(d), mailSecrets)
	all, err := importAll(p, ref, "", 50)
	if err != nil {
		t.Fatal(err)
	}
	p2 := startPlugin(t, dir)
	rest, err := importAll(p2, configure(t, p2, "inbox", mailConfig(d), mailSecrets), all[2].Cursor, 50)
	if err != nil {
		t.Fatal(err)
	}
	if want, got := recordIDs(all[3:]), recordIDs(rest); !slices.Equal(want, got) {
		t.Fatalf("resumed import gave %d records, want the %d that followed batch 2", len(got), len(want))
	}
	end := all[len(all)-1].Cursor
	d.write(t, 1000, `"New Customer" <new@newco.example>`)
	d.chown(t, d.Maildir)
	fresh, err := importAll(p, ref, end, 50)
	if err != nil {
		t.Fatal(err)
	}
	if got := recordIDs(fresh); !slices.Equal(got, []string{"company:domain:newco.example", "contact:new@newco.example"}) {
		t.Fatalf("after the last UID: got %v", got)
	}
	// IMAP's "n:*" matches the highest UID even when it is below n.
	if again, err := importAll(p, ref, fresh[0].Cursor, 50); err != nil || len(again) != 0 {
		t.Fatalf("resuming at the end: got %d batches, %v; want none", len(again), err)
	}
	validity, _, _ := strings.Cut(end, ":")
	var ce *host.CallError
	if _, err := importAll(p, ref, validity+"1:5", 50); !errors.As(err, &ce) || ce.Kind != sdk.ErrInvalidCursor {
		t.Fatalf("a cursor of another UIDVALIDITY: want invalid_cursor, got %v", err)
	}
}

func recordIDs(batches []sdk.Batch) []string {
	var out []string
	for _, b := range batches {
		for _, r := range b.Records {
			if r.Contact != nil {
				out = append(out, "contact:"+r.Contact.ExternalID)
			} else {
				out = append(out, "company:"+r.Company.ExternalID)
			}
		}
	}
	return out
}

// TestCheckHealthSaysWhatIsWrong covers "Test connection" for a working
// mailbox, a wrong password, a port where nothing listens and a folder
// that does not exist.
func TestCheckHealthSaysWhatIsWrong(t *testing.T) {
	d := startDovecot(t)
	seed(t, d, 3)
	p := startPlugin(t, pluginDir(t))
	closed := sdktest.FreePort(t)
	good := mailConfig(d)
	cases := []struct {
		name, config, password, want string
		ok                           bool
	}{
		{"working", good, testPassword, fmt.Sprintf("Connected to 127.0.0.1:%d as support; INBOX holds 10 messages", d.Port), true},
		{"unreachable", strings.Replace(good, fmt.Sprint(d.Port), fmt.Sprint(closed), 1), testPassword, fmt.Sprintf("cannot reach 127.0.0.1:%d: ", closed), false},
		{"no such mailbox", strings.Replace(good, `"user"`, `"mailbox": "Archive", "user"`, 1), testPassword, `mailbox "Archive" does not exist on 127.0.0.1`, false},
		// Last: Dovecot delays every login from an address after a failed one.
		{"wrong password", good, "nope", `127.0.0.1 refused user "support" with this password`, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ref := configure(t, p, c.name, c.config, map[string]string{"password": c.password})
			h, err := p.CheckHealth(context.Background(), ref)
			if err != nil {
				t.Fatal(err)
			}
			if h.OK != c.ok || !strings.HasPrefix(h.Message, c.want) {
				t.Fatalf("health = %v %q, want %v %q", h.OK, h.Message, c.ok, c.want)
			}
		})
	}
}

// TestConformanceAgainstDovecot runs the SDK's conformance checks on the
// bundled plugin against the seeded mailbox.
func TestConformanceAgainstDovecot(t *testing.T) {
	d := startDovecot(t)
	seed(t, d, 400)
	conform(t, pluginDir(t), mailConfig(d), mailSecrets)
}
