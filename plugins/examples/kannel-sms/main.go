// Command kannel-sms is a Portico notification channel that sends SMS
// through a Kannel gateway's HTTP sendsms interface, with delivery reports
// from Kannel's dlr-url callbacks.
package main

import (
	_ "embed"
	"encoding/json"

	"github.com/portico-hub/portico/plugins/sdk"
)

// version must match plugin.json; the host checks it.
const version = "0.1.0"

// maxSegments bounds a message: six SMS parts, 918 GSM characters or 402
// of Unicode text. Kannel's sendsms-user needs max-messages of at least 6.
const maxSegments = 6

// limits are SMS's, declared to the host for its template editor.
var limits = sdk.SMSLimits(maxSegments)

//go:embed schema.json
var schema []byte

func main() {
	sdk.Serve(sdk.Plugin{
		Info: sdk.Info{
			ID: "kannel-sms", Name: "SMS through Kannel", Version: version,
			Kinds: []sdk.Kind{sdk.KindNotifier}, ConfigSchema: json.RawMessage(schema),
			Capabilities: []string{sdk.CapDeliveryReports},
			Notifier:     &sdk.NotifierInfo{AddressKinds: []string{"phone"}, Limits: limits},
		},
		Configure: configure,
	})
}
