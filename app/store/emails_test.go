package store_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

func newMail(to string) model.NewMail {
	return model.NewMail{MessageID: "id-" + to, To: to, ToName: "Name of " + to, Subject: "Hello", Text: "Hi", Template: "activation"}
}

func deliveryJobs(t *testing.T, st *store.Store) []model.Job {
	t.Helper()
	js, err := st.Jobs(context.Background(), store.DeliverJobKind, 100)
	if err != nil {
		t.Fatal(err)
	}
	return js
}

func TestQueueingBooksOneDeliveryJob(t *testing.T) {
	st, _ := open(t)
	ctx := context.Background()
	if _, err := st.QueueEmail(ctx, newMail("a@example.com")); err != nil {
		t.Fatal(err)
	}
	if err := st.QueueEmails(ctx, []model.NewMail{newMail("b@example.com"), newMail("c@example.com")}); err != nil {
		t.Fatal(err)
	}
	if js := deliveryJobs(t, st); len(js) != 1 || js[0].State != model.JobQueued {
		t.Fatalf("want one queued delivery job, got %+v", js)
	}
	err := st.QueueEmails(ctx, []model.NewMail{newMail("d@example.com"), newMail("a@example.com")})
	if err == nil {
		t.Fatal("a repeated message id was queued")
	}
	if p, _ := st.ListEmails(ctx, model.MailQuery{PerPage: 10}); p.Total != 3 {
		t.Fatalf("a failed bulk queue left %d emails, want 3", p.Total)
	}
}

func TestClaimLeasesAndFinish(t *testing.T) {
	st, clk := open(t)
	ctx := context.Background()
	for _, to := range []string{"a@example.com", "b@example.com", "c@example.com"} {
		st.QueueEmail(ctx, newMail(to))
	}
	first, err := st.ClaimEmails(ctx, 2, time.Minute)
	if err != nil || len(first) != 2 || first[0].To != "a@example.com" || first[0].State != model.MailSending || first[0].Attempts != 1 {
		t.Fatalf("first claim: %+v, %v", first, err)
	}
	if rest, _ := st.ClaimEmails(ctx, 10, time.Minute); len(rest) != 1 || rest[0].To != "c@example.com" {
		t.Fatalf("a claimed email was claimed again: %+v", rest)
	}
	retryAt := clk.now().Add(10 * time.Minute)
	err = st.FinishEmails(ctx, []model.MailOutcome{
		{ID: first[0].ID, State: model.MailSent, Transport: model.TransportSMTP},
		{ID: first[1].ID, State: model.MailQueued, Error: "451 busy", RetryAt: retryAt},
	})
	if err != nil {
		t.Fatal(err)
	}
	if sent, _ := st.Email(ctx, first[0].ID); sent.State != model.MailSent || sent.SentAt == nil || sent.Transport != "smtp" {
		t.Fatalf("sent: %+v", sent)
	}
	if again, _ := st.Email(ctx, first[1].ID); again.State != model.MailQueued || again.LastError != "451 busy" || !again.NextAttemptAt.Equal(retryAt) {
		t.Fatalf("retry: %+v", again)
	}
	clk.advance(2 * time.Minute) // c's sender died: its lease ran out
	if late, _ := st.ClaimEmails(ctx, 10, time.Minute); len(late) != 1 || late[0].To != "c@example.com" || late[0].Attempts != 2 {
		t.Fatalf("after the lease ran out: %+v", late)
	}
}

func TestNextDeliveryIsBookedForTheNextRetry(t *testing.T) {
	st, clk := open(t)
	ctx := context.Background()
	id, _ := st.QueueEmail(ctx, newMail("a@example.com"))
	st.ClaimJob(ctx, "w", []string{store.DeliverJobKind}, time.Minute)
	st.ClaimEmails(ctx, 10, time.Minute)
	retryAt := clk.now().Add(5 * time.Minute)
	st.FinishEmails(ctx, []model.MailOutcome{{ID: id, State: model.MailQueued, Error: "451", RetryAt: retryAt}})
	if err := st.ScheduleNextDelivery(ctx); err != nil {
		t.Fatal(err)
	}
	js := deliveryJobs(t, st)
	if len(js) != 2 || js[0].State != model.JobQueued || !js[0].RunAt.Equal(retryAt) {
		t.Fatalf("want a job at the retry time %s, got %+v", retryAt, js)
	}
}

func TestListEmailsSearchesRecipients(t *testing.T) {
	st, _ := open(t)
	ctx := context.Background()
	for i := range 25 {
		st.QueueEmail(ctx, newMail(fmt.Sprintf("user%02d@example.com", i)))
	}
	st.QueueEmail(ctx, newMail("100%_sure@example.com"))
	p, err := st.ListEmails(ctx, model.MailQuery{PerPage: 10, Page: 3})
	if err != nil || p.Total != 26 || p.Pages != 3 || len(p.Mails) != 6 || p.Mails[5].To != "user00@example.com" {
		t.Fatalf("page 3: %+v, %v", p, err)
	}
	if p, _ := st.ListEmails(ctx, model.MailQuery{Search: "USER1", PerPage: 50}); p.Total != 10 {
		t.Fatalf("search by address: %d", p.Total)
	}
	if p, _ := st.ListEmails(ctx, model.MailQuery{Search: "%_", PerPage: 50}); p.Total != 1 {
		t.Fatalf("a search for %%_ should match them literally: %d", p.Total)
	}
	if p, _ := st.ListEmails(ctx, model.MailQuery{State: model.MailSent, PerPage: 50}); p.Total != 0 {
		t.Fatalf("state filter: %d", p.Total)
	}
	if _, err := st.Email(ctx, 999); !errors.Is(err, model.ErrNotFound) {
		t.Fatalf("unknown email: %v", err)
	}
}

func TestEmailTemplatesSaveAndReset(t *testing.T) {
	st, _ := open(t)
	ctx := context.Background()
	if _, err := st.EmailTemplate(ctx, "activation"); !errors.Is(err, model.ErrNotFound) {
		t.Fatalf("no saved version yet: %v", err)
	}
	for _, subject := range []string{"First", "Second"} {
		if err := st.SaveEmailTemplate(ctx, ann, model.EmailTemplate{Key: "activation", Subject: subject, HTML: "<p>x</p>", Text: "x"}); err != nil {
			t.Fatal(err)
		}
	}
	got, err := st.EmailTemplate(ctx, "activation")
	if err != nil || got.Subject != "Second" || got.UpdatedBy != "Ann Agent" {
		t.Fatalf("saved: %+v, %v", got, err)
	}
	st.DeleteEmailTemplate(ctx, "activation")
	if all, _ := st.EmailTemplates(ctx); len(all) != 0 {
		t.Fatalf("after reset: %+v", all)
	}
}

// TestKeptEmailsCountAndListApart sends one email through SMTP and keeps
// one in the built-in mailbox: each counts and lists under its own state,
// and the kept one never as sent.
func TestKeptEmailsCountAndListApart(t *testing.T) {
	st, _ := open(t)
	ctx := context.Background()
	var ids []int64
	for _, to := range []string{"smtp@example.com", "kept@example.com", "queued@example.com"} {
		id, err := st.QueueEmail(ctx, newMail(to))
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	if claimed, err := st.ClaimEmails(ctx, 2, time.Minute); err != nil || len(claimed) != 2 {
		t.Fatalf("claim: %d %v", len(claimed), err)
	}
	err := st.FinishEmails(ctx, []model.MailOutcome{{ID: ids[0], State: model.MailSent, Transport: model.TransportSMTP},
		{ID: ids[1], State: model.MailSent, Transport: model.TransportMailbox}})
	if err != nil {
		t.Fatal(err)
	}
	counts, err := st.CountEmails(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := map[model.MailState]int{model.MailSent: 1, model.MailKept: 1, model.MailQueued: 1}
	if fmt.Sprint(counts) != fmt.Sprint(want) {
		t.Errorf("counts %v, want %v", counts, want)
	}
	for state, to := range map[model.MailState]string{model.MailSent: "smtp@example.com", model.MailKept: "kept@example.com",
		model.MailQueued: "queued@example.com"} {
		p, err := st.ListEmails(ctx, model.MailQuery{State: state, PerPage: 10})
		if err != nil || p.Total != 1 || len(p.Mails) != 1 || p.Mails[0].To != to {
			t.Errorf("%s: %+v, %v; want only %s", state, p, err, to)
		}
	}
}
