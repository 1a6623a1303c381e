package cli

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"regexp"
	"syscall"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/activation"
	"github.com/portico-hub/portico/app/internal/testkit"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
	"github.com/portico-hub/portico/app/token"
)

// smsLink finds an activation link's token in an SMS.
var smsLink = regexp.MustCompile(`/portal/activate/([A-Za-z0-9_-]{43})`)

// TestSMSActivationSurvivesSIGKILL sends the activation link to 5,000
// contacts under "SMS, then email" through the kannel-sms plugin and a
// real Kannel, kills `portico serve` three times on the way and restarts
// it, and checks the fake SMSC's log: every contact got exactly one SMS,
// none twice, each with the link that works for them; no email fallback
// went.
func TestSMSActivationSurvivesSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and sends 5,000 SMS through Kannel")
	}
	const total = 5_000
	k := testkit.StartKannel(t)
	dir, bin := buildPortico(t)
	db := filepath.Join(dir, "data", "portico.db")
	seedSMSActivation(t, db, k, total)
	args := []string{"serve", "--db", db, "--addr", "127.0.0.1:0", "--job-lease", "1s", "--log-level", "error"}
	for _, killAt := range []int{total / 5, total / 2, 4 * total / 5} {
		cmd := startServe(t, bin, args)
		waitUntil(t, fmt.Sprintf("%d SMS before the kill", killAt), 3*time.Minute, func() bool { return len(k.Received(t)) >= killAt })
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		t.Logf("killed with %d of %d SMS at the fake SMSC", len(k.Received(t)), total)
		time.Sleep(1500 * time.Millisecond) // the leases run out; the plugin notices its host is gone
	}
	cmd := startServe(t, bin, args)
	conn := rawDB(t, db)
	waitUntil(t, "every SMS sent and the outbox settled", 3*time.Minute, func() bool { return outboxSettled(t, conn, total) })
	cmd.Process.Signal(syscall.SIGTERM)
	cmd.Wait()
	time.Sleep(time.Second) // bearerbox hands the last SMS to the fake SMSC
	assertOneWorkingLinkEach(t, conn, k.Received(t), total)
}

// seedSMSActivation writes total unverified contacts with an address and
// a mobile number, approves kannel-sms with an instance sending to k,
// sets activation's rule to "SMS, then email" and queues the bulk send.
func seedSMSActivation(t *testing.T, db string, k *testkit.Kannel, total int) {
	ctx := context.Background()
	testkit.InstallGoPlugin(t, filepath.Join(filepath.Dir(db), "plugins"), filepath.Join("..", "..", "plugins", "examples", "kannel-sms"))
	if code, out, errs := run(t, "", "plugins", "approve", "kannel-sms", "--yes", "--db", db); code != 0 {
		t.Fatalf("approve: %s %s", out, errs)
	}
	st := openDB(t, db)
	defer st.Close()
	seed := model.Actor{Name: "Seed"}
	id, err := st.SavePluginInstance(ctx, model.PluginInstance{PluginID: "kannel-sms", Name: "Office",
		Config:  fmt.Sprintf(`{"url":%q,"username":%q,"from":"Acme"}`, k.URL, testkit.KannelUser),
		Secrets: map[string]string{"password": testkit.KannelPassword}})
	if err != nil {
		t.Fatal(err)
	}
	rule := model.NotifyRule{Kind: model.NotifyActivation, Steps: []model.RuleStep{
		{Channel: model.InstanceChannel(id), AddressKind: model.AddressPhone}, {Channel: model.ChannelEmail, AddressKind: model.AddressEmail}}}
	if err := st.SaveNotifyRule(ctx, seed, rule, "email", "SMS, then email"); err != nil {
		t.Fatal(err)
	}
	for done := 0; done < total; done += 1000 {
		batch := make([]store.NewContact, min(1000, total-done))
		for i := range batch {
			n := done + i
			batch[i] = store.NewContact{Fields: model.ContactFields{Name: fmt.Sprintf("Person %d", n), Mobile: mobile(n)},
				Emails: []string{fmt.Sprintf("person%d@example.com", n)}}
		}
		if _, err := st.InsertContacts(ctx, seed, batch); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := (&activation.Service{Store: st}).StartBulk(ctx, seed, model.Selection{All: true}, false); err != nil {
		t.Fatal(err)
	}
}

func mobile(n int) string { return fmt.Sprintf("+1555%07d", n) }

// outboxSettled reports whether total SMS went out and nothing is left
// to send or waiting.
func outboxSettled(t *testing.T, db *sql.DB, total int) bool {
	var sent, open int
	q := `SELECT (SELECT count(*) FROM emails WHERE channel <> 'email' AND state = 'sent'),
		(SELECT count(*) FROM emails WHERE state IN ('queued', 'sending', 'held'))`
	if err := db.QueryRow(q).Scan(&sent, &open); err != nil {
		t.Logf("outbox: %v", err)
		return false
	}
	return sent == total && open == 0
}

// assertOneWorkingLinkEach checks the fake SMSC got one SMS per contact,
// whose link is the contact's live activation link, and that every email
// fallback was closed as not needed.
func assertOneWorkingLinkEach(t *testing.T, db *sql.DB, got []testkit.SMS, total int) {
	live := map[string]string{} // token hash -> mobile number
	rows, err := db.Query(`SELECT t.token_hash, c.mobile FROM activation_tokens t JOIN contacts c ON c.id = t.contact_id
		WHERE t.used_at IS NULL AND t.superseded_at IS NULL AND t.revoked_at IS NULL`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var h, m string
		rows.Scan(&h, &m)
		live[h] = m
	}
	rows.Close()
	per := map[string]int{}
	for _, s := range got {
		per[s.To]++
		tok := smsLink.FindStringSubmatch(s.Text)
		if tok == nil || live[token.Hash(tok[1])] != s.To {
			t.Errorf("SMS to %s carries no live link of theirs: %q", s.To, s.Text)
		}
	}
	for n := range total {
		if c := per[mobile(n)]; c != 1 {
			t.Errorf("%s got %d SMS, want 1", mobile(n), c)
		}
	}
	if len(got) != total || len(live) != total {
		t.Errorf("%d SMS and %d live links, want %d each", len(got), len(live), total)
	}
	var emails int
	db.QueryRow(`SELECT count(*) FROM emails WHERE channel = 'email' AND state <> 'skipped'`).Scan(&emails)
	if emails != 0 {
		t.Errorf("%d email fallbacks went or wait, want all skipped", emails)
	}
}
