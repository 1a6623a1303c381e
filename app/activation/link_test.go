package activation_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/model"
)

func TestLinkIsStoredOnlyAsItsHash(t *testing.T) {
	e := newEnv(t)
	id := e.contact("Kim Min-jun", "minjun@example.com")
	if _, err := e.svc.Send(context.Background(), ann, id); err != nil {
		t.Fatal(err)
	}
	token, page := e.lastLink("minjun@example.com")
	if page != "activate" || len(token) != 43 {
		t.Fatalf("link %s/%s: want an activation link with 256 random bits", page, token)
	}
	var stored string
	if err := e.raw().QueryRow(`SELECT token_hash FROM activation_tokens`).Scan(&stored); err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256([]byte(token))
	if stored != hex.EncodeToString(sum[:]) {
		t.Fatalf("stored %q, want the SHA-256 of the token", stored)
	}
}

func TestLinkWorksOnceAndVerifies(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	id := e.contact("Lee Seo-yeon", "seoyeon@example.com")
	e.svc.Send(ctx, ann, id)
	token, _ := e.lastLink("seoyeon@example.com")
	got, err := e.svc.SetPassword(ctx, token, model.LinkActivation, "corn flakes at noon")
	if err != nil || got != id {
		t.Fatalf("SetPassword = %d, %v", got, err)
	}
	c, _ := e.st.Contact(ctx, id)
	if c.State != model.StateVerified || c.VerifiedAt == nil || !c.VerifiedAt.Equal(e.clk.Now()) {
		t.Fatalf("after activation: state %s, verified at %v", c.State, c.VerifiedAt)
	}
	trail, _ := e.st.Audit(ctx, "contact", id, 5)
	if trail[0].Action != "verified" || trail[0].Changes[1].To != "password" {
		t.Fatalf("audit: %+v", trail[0])
	}
	if _, err := e.svc.SetPassword(ctx, token, model.LinkActivation, "another long phrase"); !errors.Is(err, model.ErrLinkUsed) {
		t.Fatalf("second use: %v, want ErrLinkUsed", err)
	}
}

func TestLinkExpires(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	id := e.contact("Park Ji-ho", "jiho@example.com")
	e.svc.Send(ctx, ann, id)
	token, _ := e.lastLink("jiho@example.com")
	e.clk.Advance(72*time.Hour - time.Second)
	if _, err := e.svc.Lookup(ctx, token, model.LinkActivation); err != nil {
		t.Fatalf("a second before expiry: %v", err)
	}
	e.clk.Advance(time.Second)
	if _, err := e.svc.SetPassword(ctx, token, model.LinkActivation, "corn flakes at noon"); !errors.Is(err, model.ErrLinkExpired) {
		t.Fatalf("at expiry: %v, want ErrLinkExpired", err)
	}
	if c, _ := e.st.Contact(ctx, id); c.State != model.StateUnverified {
		t.Fatalf("an expired link verified the contact")
	}
}

func TestNewerLinkSupersedesOlder(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	id := e.contact("Choi Yuna", "yuna@example.com")
	e.svc.Send(ctx, ann, id)
	first, _ := e.lastLink("yuna@example.com")
	e.clk.Advance(time.Minute)
	e.svc.Send(ctx, ann, id)
	second, _ := e.lastLink("yuna@example.com")
	if first == second {
		t.Fatal("the same token was sent twice")
	}
	if _, err := e.svc.Lookup(ctx, first, model.LinkActivation); !errors.Is(err, model.ErrLinkSuperseded) {
		t.Fatalf("older link: %v, want ErrLinkSuperseded", err)
	}
	if _, err := e.svc.SetPassword(ctx, second, model.LinkActivation, "corn flakes at noon"); err != nil {
		t.Fatalf("newer link: %v", err)
	}
}

func TestVerifiedContactGetsAResetLink(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	id := e.contact("Jung Hae-in", "haein@example.com")
	e.svc.Send(ctx, ann, id)
	token, _ := e.lastLink("haein@example.com")
	e.svc.SetPassword(ctx, token, model.LinkActivation, "corn flakes at noon")
	purpose, err := e.svc.Send(ctx, ann, id)
	if err != nil || purpose != model.LinkPasswordReset {
		t.Fatalf("Send to a verified contact = %s, %v", purpose, err)
	}
	if _, page := e.lastLink("haein@example.com"); page != "reset" {
		t.Fatalf("the email links to /portal/%s", page)
	}
	if _, err := e.svc.Complete(ctx, token, model.VerifiedByPasskey); !errors.Is(err, model.ErrLinkUsed) {
		t.Fatalf("Complete with a used link: %v", err)
	}
}

func TestSendRefusesWhatCannotSignIn(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	noEmail := e.contact("Nobody Mailable")
	blocked := e.contact("Blocked Person", "blocked@example.com")
	e.st.ChangeContactState(ctx, ann, blocked, "blocked")
	for _, id := range []int64{noEmail, blocked} {
		var ve *model.ValidationError
		if _, err := e.svc.Send(ctx, ann, id); !errors.As(err, &ve) {
			t.Errorf("Send to %d: %v, want a validation error", id, err)
		}
	}
	if err := e.svc.Forgot(ctx, "blocked@example.com"); err != nil {
		t.Fatal(err)
	}
	if err := e.svc.Forgot(ctx, "nobody@example.com"); err != nil {
		t.Fatal(err)
	}
	if p, _ := e.st.ListEmails(ctx, model.MailQuery{Page: 1, PerPage: 10}); p.Total != 0 {
		t.Fatalf("%d emails queued for contacts who cannot sign in", p.Total)
	}
}

func TestAutoSendFollowsTheSwitch(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	id := e.contact("Han Ji-min", "jimin@example.com")
	if sent, err := e.svc.SendAuto(ctx, ann, id); sent || err != nil {
		t.Fatalf("with the switch off: sent %v, %v", sent, err)
	}
	e.st.SetActivationAuto(ctx, ann, true)
	if sent, err := e.svc.SendAuto(ctx, ann, id); !sent || err != nil {
		t.Fatalf("with the switch on: sent %v, %v", sent, err)
	}
	if sent, _ := e.svc.SendAuto(ctx, ann, e.contact("No Address")); sent {
		t.Fatal("sent to a contact without an address")
	}
}

// TestOnlyTheLinksToARemovedAddressEnd: removing another address of the
// contact leaves its link working; the agent's page then tells an ended
// link from a sent one.
func TestOnlyTheLinksToARemovedAddressEnd(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	id := e.contact("Oh Se-ri", "seri@example.com", "seri@old.example")
	e.svc.Send(ctx, ann, id)
	token, _ := e.lastLink("seri@example.com")
	c, _ := e.st.Contact(ctx, id)
	if err := e.st.RemoveEmail(ctx, ann, id, c.Emails[1].ID); err != nil {
		t.Fatal(err)
	}
	if _, err := e.svc.Lookup(ctx, token, model.LinkActivation); err != nil {
		t.Fatalf("removing another address ended the link: %v", err)
	}
	if st, _ := e.st.LinkStatus(ctx, id); st.Ended {
		t.Fatal("the link reads as ended")
	}
	e.st.ChangeContactState(ctx, ann, id, "blocked")
	e.st.ChangeContactState(ctx, ann, id, "unblocked")
	var ended *model.LinkEndedError
	if _, err := e.svc.Lookup(ctx, token, model.LinkActivation); !errors.As(err, &ended) || ended.Why != model.LinkEndAccountClosed {
		t.Fatalf("after blocking: %v, want the link ended as the account closed", err)
	}
	if st, _ := e.st.LinkStatus(ctx, id); !st.Ended {
		t.Fatal("the ended link reads as sent")
	}
}
