package main

import (
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/portico-hub/portico/plugins/sdk"
	"github.com/portico-hub/portico/plugins/sdk/host"
	"github.com/portico-hub/portico/plugins/sdk/sdktest"
)

// raw reads a card as another client would.
func (r *radicale) raw(t *testing.T, name string) string {
	t.Helper()
	req, _ := http.NewRequest("GET", r.url("contacts")+name, nil)
	req.SetBasicAuth(testUser, testPass)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}

var grace = sdk.Record{Contact: &sdk.Contact{Name: "Grace Hopper", Emails: []string{"grace@navy.example", "amazing@grace.example"},
	Phone: "+1 202 555 0100", Mobile: "+1 202 555 0199", JobTitle: "Rear Admiral", CompanyName: "US Navy",
	About: "COBOL", Tags: []string{"vip"}}}

func TestPushCreatesUpdatesAndDeletesWithETags(t *testing.T) {
	r := seeded(t)
	p, ref := startPlugin(t, buildPlugin(t), r, "contacts")
	_, cursor := mustPull(t, p, ref, "", 100)
	create := sdk.Change{Op: sdk.OpUpsert, Object: sdk.ObjectContact, IdempotencyKey: "outbox-1", Record: grace}
	org := sdk.Change{Op: sdk.OpUpsert, Object: sdk.ObjectCompany, IdempotencyKey: "outbox-2",
		Record: sdk.Record{Company: &sdk.Company{Name: "US Navy", Domains: []string{"navy.example"}}}}
	rs := sdktest.Push(t, p, ref, create, org)
	if rs[0].Status != sdk.PushOK || rs[1].Status != sdk.PushOK || rs[0].NewVersion == "" {
		t.Fatalf("creates: %+v", rs)
	}
	card := r.raw(t, rs[0].RemoteID)
	for _, want := range []string{"FN:Grace Hopper", "EMAIL:grace@navy.example", "EMAIL:amazing@grace.example",
		"TEL;TYPE=cell:+1 202 555 0199", "ORG:US Navy", "TITLE:Rear Admiral", "CATEGORIES:vip", "X-PORTICO-CHANGE:outbox-1"} {
		if !strings.Contains(card, want) {
			t.Errorf("the created card lacks %q:\n%s", want, card)
		}
	}
	if c := r.raw(t, rs[1].RemoteID); !strings.Contains(c, "KIND:org") || !strings.Contains(c, "URL:https://navy.example") {
		t.Errorf("the created organisation card:\n%s", c)
	}
	// The retried create (its answer lost) finds its own card.
	if again := sdktest.Push(t, p, ref, create); again[0].Status != sdk.PushOK || again[0].RemoteID != rs[0].RemoteID {
		t.Errorf("retried create: %+v", again[0])
	}
	// The pull brings the host's own writes back with the versions Push
	// returned: that is how the host tells them from remote edits.
	echo := byID(mustPullOnly(t, p, ref, cursor))
	if echo[rs[0].RemoteID].Version != rs[0].NewVersion || echo[rs[1].RemoteID].Version != rs[1].NewVersion {
		t.Errorf("echo versions %q %q, pushed %q %q", echo[rs[0].RemoteID].Version, echo[rs[1].RemoteID].Version, rs[0].NewVersion, rs[1].NewVersion)
	}
	// An update names only the fields it changes; the address on ada's
	// card, which Portico does not map, survives.
	adaVersion := byID(mustPullOnly(t, p, ref, ""))["ada.vcf"].Version
	up := sdktest.Push(t, p, ref, sdk.Change{Op: sdk.OpUpsert, Object: sdk.ObjectContact, RemoteID: "ada.vcf", BaseVersion: adaVersion,
		IdempotencyKey: "outbox-3", Values: map[string][]string{"title": {"Countess"}, "categories": nil}})
	if up[0].Status != sdk.PushOK || up[0].NewVersion == adaVersion {
		t.Fatalf("update: %+v", up[0])
	}
	if c := r.raw(t, "ada.vcf"); !strings.Contains(c, "TITLE:Countess") || strings.Contains(c, "CATEGORIES") ||
		!strings.Contains(c, "12 St James's Square") || !strings.Contains(c, "FN:Ada Lovelace") {
		t.Errorf("the updated card:\n%s", c)
	}
	stale := sdktest.Push(t, p, ref, sdk.Change{Op: sdk.OpDelete, RemoteID: "ada.vcf", BaseVersion: adaVersion, IdempotencyKey: "outbox-4"})
	if stale[0].Status != sdk.PushConflict || stale[0].CurrentVersion != up[0].NewVersion || stale[0].Current.Record.Contact.JobTitle != "Countess" {
		t.Errorf("delete with a stale version: %+v", stale[0])
	}
	del := sdktest.Push(t, p, ref, sdk.Change{Op: sdk.OpDelete, RemoteID: "ada.vcf", BaseVersion: up[0].NewVersion, IdempotencyKey: "outbox-5"},
		sdk.Change{Op: sdk.OpUpsert, RemoteID: "nobody.vcf", BaseVersion: `"x"`, IdempotencyKey: "outbox-6", Record: grace})
	if del[0].Status != sdk.PushOK || del[1].Status != sdk.PushNotFound {
		t.Errorf("delete, update of a missing card: %+v", del)
	}
}

func mustPullOnly(t *testing.T, p *host.Plugin, ref host.Ref, cursor string) []sdk.ChangeBatch {
	b, _ := mustPull(t, p, ref, cursor, 100)
	return b
}
