package servertest

import (
	"context"
	"fmt"
	"testing"

	"github.com/portico-hub/portico/plugins/sdk/host"
)

// BenchmarkSendToProsody measures messages per second handed from the host
// package through the Node plugin to a real Prosody, which stores them for
// the offline recipient.
func BenchmarkSendToProsody(b *testing.B) {
	s := startProsody(b)
	p, ref := configured(b, s)
	b.ResetTimer()
	for i := range b.N {
		req := host.SendRequest{Ref: ref, Key: fmt.Sprint("bench-", i), AddressKind: "xmpp", Address: "ada@localhost", Text: "Your Portico code is 123456"}
		if _, err := p.Send(context.Background(), req); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "messages/s")
}
