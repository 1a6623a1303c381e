// Command ldap-directory imports the people of an LDAP directory (OpenLDAP,
// Active Directory, 389 DS, ...) into Portico as contacts, and their
// organisations as companies. It only reads: a person who leaves the
// directory stays in Portico.
package main

import (
	_ "embed"
	"encoding/json"

	"github.com/portico-hub/portico/plugins/sdk"
)

// version must match plugin.json; the host checks it.
const version = "0.1.0"

// schema is the configuration's JSON Schema, the same as plugin.json's.
//
//go:embed schema.json
var schema []byte

func main() {
	sdk.Serve(sdk.Plugin{
		Info: sdk.Info{
			ID: "ldap-directory", Name: "LDAP directory", Version: version,
			Kinds: []sdk.Kind{sdk.KindImporter}, ConfigSchema: json.RawMessage(schema),
		},
		Configure: configure,
	})
}
