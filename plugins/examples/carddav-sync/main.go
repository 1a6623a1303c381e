// Command carddav-sync is a Portico CRM sync connector for CardDAV address
// books (Radicale, Xandikos, Nextcloud, ...): contacts as vCards, companies
// as organisation cards (KIND:org), kept in step both ways with RFC 6578
// sync-collection reports and conditional writes.
package main

import (
	"context"
	_ "embed"

	"github.com/portico-hub/portico/plugins/sdk"
)

//go:embed schema.json
var schema []byte

const version = "0.1.0"

func main() {
	sdk.Serve(sdk.Plugin{
		Info: sdk.Info{ID: "carddav-sync", Name: "CardDAV address book", Version: version,
			Kinds: []sdk.Kind{sdk.KindCRMSync}, Capabilities: []string{sdk.CapCRMLookup}, ConfigSchema: schema},
		Configure: func(ctx context.Context, c sdk.Config) (sdk.Instance, error) {
			return configure(c)
		},
	})
}
