package main

import (
	"context"
	"fmt"
	"testing"
)

// BenchmarkSendToKannel measures messages per second handed from the host
// package through the plugin process to a real Kannel (accepted by
// smsbox; the fake SMSC takes them at its own pace), with the ledger on
// disk as Portico runs it: one fsync per message.
func BenchmarkSendToKannel(b *testing.B) {
	k := startKannel(b)
	p, ref := configured(b, buildPlugin(b), b.TempDir(), smsConfig(k.URL, ""))
	b.ResetTimer()
	for i := range b.N {
		if _, err := p.Send(context.Background(), msg(ref, fmt.Sprint("bench-", i), to, "Your Portico code is 123456")); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "messages/s")
}
