package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/model"
)

// TestDeliveryReportsKeepTheFinalWord records reports out of order: an
// older report and a late "pending" after "delivered" leave "delivered".
func TestDeliveryReportsKeepTheFinalWord(t *testing.T) {
	st, clk := open(t)
	ctx := context.Background()
	sms := model.InstanceChannel(3)
	m := newMail("+447700900001")
	m.Channel, m.AddressKind = sms, model.AddressPhone
	id, err := st.QueueEmail(ctx, m)
	if err != nil {
		t.Fatal(err)
	}
	at := clk.now()
	for _, r := range []struct {
		status string
		at     time.Time
		took   bool
	}{
		{"pending", at, true}, {"delivered", at.Add(time.Second), true},
		{"pending", at.Add(2 * time.Second), false}, {"failed", at, false},
	} {
		if took, err := st.RecordDelivery(ctx, sms, m.MessageID, r.status, "", r.at); err != nil || took != r.took {
			t.Errorf("%s at %s: took %v (%v), want %v", r.status, r.at, took, err, r.took)
		}
	}
	if took, _ := st.RecordDelivery(ctx, model.ChannelEmail, m.MessageID, "delivered", "", at); took {
		t.Error("a report of another channel was recorded")
	}
	got, err := st.Email(ctx, id)
	if err != nil || got.Delivery != "delivered" || got.DeliveryAt == nil {
		t.Errorf("delivery %q at %v (%v)", got.Delivery, got.DeliveryAt, err)
	}
}
