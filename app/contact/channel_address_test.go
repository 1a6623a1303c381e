package contact

import (
	"testing"

	"github.com/portico-hub/portico/app/model"
)

// TestAddressAllowedRefusesBeforeAskingTheChannel: a deleted contact, an
// address longer than any, and clearing a contact's only way to be
// reached are refused with the field and reason shown.
func TestAddressAllowedRefusesBeforeAskingTheChannel(t *testing.T) {
	live := &model.Contact{State: model.StateUnverified, Mobile: "+821012345678"}
	tests := []struct {
		name, kind, address, field string
		c                          *model.Contact
	}{
		{"deleted", "xmpp", "a@b.org", "state", &model.Contact{State: model.StateDeleted}},
		{"too long", "xmpp", string(make([]rune, 321)), "xmpp", live},
		{"last way to reach", "phone", "", "phone", live},
		{"a chat id on a live contact", "xmpp", "a@b.org", "", live},
		{"clearing a mobile behind an email", "phone", "", "", &model.Contact{State: model.StateVerified, Mobile: "1",
			Emails: []model.Email{{Address: "a@b.org"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := addressAllowed(tt.c, tt.kind, tt.address)
			ve, _ := err.(*model.ValidationError)
			switch {
			case tt.field == "" && err != nil:
				t.Fatalf("refused: %v", err)
			case tt.field != "" && (ve == nil || ve.Fields[tt.field] == ""):
				t.Fatalf("got %v, want a message on %s", err, tt.field)
			}
		})
	}
}
