package notify_test

import (
	"context"
	"strings"
	"testing"

	"github.com/portico-hub/portico/app/model"
)

// TestAddressesAreCheckedByTheChannel has Kannel's plugin normalize a
// mobile number and refuse one without its country code with its own
// reason; a kind no channel handles is refused, and an address kept
// apart for a chat kind is found by the plan's lookup.
func TestAddressesAreCheckedByTheChannel(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	if got, err := e.svc.CheckAddress(ctx, model.AddressPhone, "+44 7700 900001"); err != nil || got != "+447700900001" {
		t.Errorf("valid number: %q %v", got, err)
	}
	if _, err := e.svc.CheckAddress(ctx, model.AddressPhone, "07700 900001"); err == nil || !strings.Contains(err.Error(), "country code") {
		t.Errorf("number without country code: %v", err)
	}
	ann := e.contact(t, "Ann", "ann@example.com", "")
	if err := e.svc.SaveAddress(ctx, admin, ann, "xmpp", "ann@chat.example.com"); err == nil || !strings.Contains(err.Error(), "No channel") {
		t.Errorf("a kind no channel handles: %v", err)
	}
	if err := e.st.SetContactAddress(ctx, admin, ann, "xmpp", "ann@chat.example.com"); err != nil {
		t.Fatal(err)
	}
	got, err := e.st.ChannelAddresses(ctx, []int64{ann}, "xmpp")
	if err != nil || got[ann] != "ann@chat.example.com" {
		t.Errorf("chat address: %v %v", got, err)
	}
	if err := e.st.SetContactAddress(ctx, admin, ann, model.AddressPhone, "+1"); err == nil {
		t.Error("a mobile number was stored apart from the contact's field")
	}
	kinds, err := e.svc.AddressKinds(ctx)
	if err != nil || len(kinds) != 0 {
		t.Errorf("kinds beyond email and phone: %v %v", kinds, err)
	}
}
