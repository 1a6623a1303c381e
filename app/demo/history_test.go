package demo_test

import (
	"context"
	"testing"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// checkHistories checks the year's imports and exports in their
// histories, and a webhook endpoint whose log has deliveries about
// contacts and companies, both delivered and failed.
func checkHistories(t *testing.T, ctx context.Context, st *store.Store, admin int64) {
	t.Helper()
	for _, kind := range []string{"contacts", "companies"} {
		ims, names, err := st.ImportHistory(ctx, kind, 0, 50)
		if err != nil {
			t.Fatal(err)
		}
		if len(ims) < 2 || ims[0].State != model.JobDone || ims[0].Created+ims[0].Updated == 0 || names[0] == "" {
			t.Errorf("%s import history %+v by %q; want finished imports with counts and who ran them", kind, ims, names)
		}
	}
	exs, err := st.ExportsOf(ctx, admin, 50)
	if err != nil {
		t.Fatal(err)
	}
	if len(exs) < 2 || exs[0].State != model.ExportExpired || exs[0].RowsDone == 0 {
		t.Errorf("the admin's exports %+v; want past exports, expired", exs)
	}
	eps, err := st.WebhookEndpoints(ctx, false)
	if err != nil || len(eps) != 1 {
		t.Fatalf("webhook endpoints %+v, %v; want the sample one", eps, err)
	}
	seen := map[string]int{}
	for _, state := range []model.DeliveryState{model.DeliveryDelivered, model.DeliveryFailed} {
		page, err := st.WebhookDeliveries(ctx, model.DeliveryQuery{EndpointID: eps[0].ID, State: state, PerPage: 100})
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range page.Deliveries {
			seen[string(state)+" "+d.EventType]++
		}
	}
	for _, want := range []string{"delivered contact.updated", "delivered company.updated", "failed contact.updated"} {
		if seen[want] == 0 {
			t.Errorf("deliveries %v: none %s", seen, want)
		}
	}
}
