package servertest

import (
	"context"
	"testing"

	"github.com/portico-hub/portico/plugins/sdk"
	"github.com/portico-hub/portico/plugins/sdk/host"
)

// BenchmarkImportFromDovecot measures records per second from a real
// Dovecot through the Node plugin and gRPC into a host-side consumer that
// only counts them (no database). Each message is read as its envelope.
func BenchmarkImportFromDovecot(b *testing.B) {
	d := startDovecot(b)
	want := seed(b, d, 5000)
	p := startPlugin(b, pluginDir(b))
	cfg := sdk.Config{InstanceID: "bench", Revision: 1, JSON: []byte(mailConfig(d)), Secrets: mailSecrets}
	if err := p.Configure(context.Background(), cfg); err != nil {
		b.Fatal(err)
	}
	records, messages := 0, int64(0)
	b.ResetTimer()
	for range b.N {
		err := p.Import(context.Background(), host.ImportRequest{Ref: host.Ref{InstanceID: "bench", Revision: 1}, BatchSize: 500},
			func(batch sdk.Batch) error {
				records += len(batch.Records)
				messages = batch.Progress.Done
				return nil
			})
		if err != nil || messages != int64(want.messages) {
			b.Fatalf("read %d of %d messages: %v", messages, want.messages, err)
		}
	}
	b.ReportMetric(float64(records)/b.Elapsed().Seconds(), "records/s")
	b.ReportMetric(float64(int64(b.N)*messages)/b.Elapsed().Seconds(), "messages/s")
}
