// Command hello-go is the smallest useful Portico importer: it makes up a
// number of companies and contacts, in batches with a resumable cursor. It
// shows the shape every Go plugin has; copy it to start a new one.
package main

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/portico-hub/portico/plugins/sdk"
)

// version must match plugin.json; the host checks it.
const version = "0.1.0"

func main() {
	sdk.Serve(sdk.Plugin{
		Info: sdk.Info{
			ID: "hello-go", Name: "Hello (Go)", Version: version,
			Kinds: []sdk.Kind{sdk.KindImporter}, ConfigSchema: json.RawMessage(schema),
		},
		Configure: configure,
	})
}

const schema = `{"type":"object","properties":{"count":{"type":"integer","minimum":0},` +
	`"domain":{"type":"string"}},"additionalProperties":false}`

// config is one instance's configuration.
type config struct {
	Count  int    `json:"count"`
	Domain string `json:"domain"`
	// PauseMS waits between batches, like a slow remote source, so an
	// import's live progress can be watched (or a crash caught mid-way).
	PauseMS int `json:"pause_ms"`
}

func configure(_ context.Context, c sdk.Config) (sdk.Instance, error) {
	cfg := config{Count: 1000, Domain: "example.com"}
	if err := c.Decode(&cfg); err != nil {
		return nil, err
	}
	if cfg.Count < 0 {
		return nil, sdk.InvalidConfig(fmt.Sprintf("count must not be negative, got %d", cfg.Count))
	}
	return &generator{cfg: cfg}, nil
}
