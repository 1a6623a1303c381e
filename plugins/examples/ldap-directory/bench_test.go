package main

import (
	"context"
	"testing"

	"github.com/portico-hub/portico/plugins/sdk"
	"github.com/portico-hub/portico/plugins/sdk/host"
)

// BenchmarkImportFromSlapd measures records per second from a real slapd
// through the plugin process and gRPC into a host-side consumer that only
// counts them (no database): the importer's own ceiling.
func BenchmarkImportFromSlapd(b *testing.B) {
	s := startSlapd(b)
	people := seed(b, s, 5000)
	p := startPlugin(b, buildPlugin(b))
	cfg := sdk.Config{InstanceID: "bench", Revision: 1, JSON: []byte(readerConfig(s)), Secrets: readerSecrets}
	if err := p.Configure(context.Background(), cfg); err != nil {
		b.Fatal(err)
	}
	records := 0
	b.ResetTimer()
	for range b.N {
		n := 0
		err := p.Import(context.Background(), host.ImportRequest{Ref: host.Ref{InstanceID: "bench", Revision: 1}, BatchSize: 500},
			func(batch sdk.Batch) error {
				for _, r := range batch.Records {
					if r.Contact != nil {
						n++
					}
				}
				records += len(batch.Records)
				return nil
			})
		if err != nil || n != people {
			b.Fatalf("imported %d of %d people: %v", n, people, err)
		}
	}
	b.ReportMetric(float64(records)/b.Elapsed().Seconds(), "records/s")
}
