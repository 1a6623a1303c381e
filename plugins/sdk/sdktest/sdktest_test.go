package sdktest_test

import (
	"context"
	"errors"
	"strconv"
	"testing"

	"github.com/portico-hub/portico/plugins/sdk"
	"github.com/portico-hub/portico/plugins/sdk/sdktest"
)

// counter is a tiny importer: Count contacts, two per batch.
type counter struct{ Count int }

func (c *counter) CheckHealth(context.Context) (string, error) {
	return "counting to " + strconv.Itoa(c.Count), nil
}

func (c *counter) Import(_ context.Context, req sdk.ImportRequest, w *sdk.BatchWriter) error {
	next, _ := strconv.Atoi(req.Cursor)
	for ; next < c.Count; next += 2 {
		recs := []sdk.Record{{Contact: &sdk.Contact{ExternalID: strconv.Itoa(next)}}}
		if next+1 < c.Count {
			recs = append(recs, sdk.Record{Contact: &sdk.Contact{ExternalID: strconv.Itoa(next + 1)}})
		}
		if err := w.Send(sdk.Batch{Records: recs, Cursor: strconv.Itoa(next + 2)}); err != nil {
			return err
		}
	}
	return nil
}

var counterPlugin = sdk.Plugin{
	Info: sdk.Info{ID: "counter", Version: "1.0.0", Kinds: []sdk.Kind{sdk.KindImporter}},
	Configure: func(_ context.Context, cfg sdk.Config) (sdk.Instance, error) {
		c := &counter{}
		if err := cfg.Decode(c); err != nil {
			return nil, err
		}
		return c, nil
	},
}

func TestInProcessPluginImportsAndResumes(t *testing.T) {
	h := sdktest.Start(t, counterPlugin)
	if info := h.Info(); info.ID != "counter" || info.SDK != "go "+sdk.Version || info.Protocol != 1 {
		t.Errorf("info: %+v", info)
	}
	ref := sdktest.Configure(t, h, "a", `{"Count": 5}`, nil)
	if got := sdktest.ImportAll(t, h, ref, ""); len(got) != 3 || got[2].Cursor != "6" {
		t.Errorf("got %d batches %+v", len(got), got)
	}
	got := sdktest.ImportAll(t, h, ref, "2")
	if len(got) != 2 || got[0].Records[0].Contact.ExternalID != "2" {
		t.Errorf("resume from 2: %+v", got)
	}
}

func TestInProcessConfigErrorsReachTheHost(t *testing.T) {
	h := sdktest.Start(t, counterPlugin)
	err := h.Configure(context.Background(), sdk.Config{InstanceID: "a", Revision: 1, JSON: []byte(`{"Cuont": 5}`)})
	if !errors.Is(err, &sdk.Error{Kind: sdk.ErrInvalidConfig}) {
		t.Fatalf("want invalid_config, got %v", err)
	}
}
