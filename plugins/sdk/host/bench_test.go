package host_test

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/portico-hub/portico/plugins/sdk"
	"github.com/portico-hub/portico/plugins/sdk/host"
	"github.com/portico-hub/portico/plugins/sdk/internal/fixture"
)

var examples = []struct {
	name  string
	build func(testing.TB) string
}{{"go", fixture.GoExample}, {"node", fixture.NodeExample}}

const benchRecords = 200_000

// BenchmarkImport measures records per second from a plugin process through
// gRPC into a host-side consumer that only reads them (no database), and
// the plugin's resident memory after the import.
func BenchmarkImport(b *testing.B) {
	for _, ex := range examples {
		b.Run(ex.name, func(b *testing.B) {
			p := benchPlugin(b, ex.build(b))
			cfg := sdk.Config{InstanceID: "bench", Revision: 1, JSON: []byte(fmt.Sprintf(`{"count":%d}`, benchRecords))}
			if err := p.Configure(context.Background(), cfg); err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for range b.N {
				if n := importAll(b, p); n != benchRecords {
					b.Fatalf("got %d records", n)
				}
			}
			b.ReportMetric(float64(benchRecords*b.N)/b.Elapsed().Seconds(), "records/s")
			b.ReportMetric(rssMB(p.Pid()), "plugin-RSS-MB")
		})
	}
}

// BenchmarkStart measures a plugin's start-to-ready time (process start,
// AutoMTLS handshake, GetInfo) and its resident memory once ready.
func BenchmarkStart(b *testing.B) {
	for _, ex := range examples {
		b.Run(ex.name, func(b *testing.B) {
			dir := ex.build(b)
			approved := fixture.Approve(b, dir)
			var rss float64
			b.ResetTimer()
			for range b.N {
				p, err := host.Start(context.Background(), host.Config{Dir: dir, Approved: approved, Env: benchEnv()})
				if err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				time.Sleep(200 * time.Millisecond)
				rss += rssMB(p.Pid())
				p.Close()
				b.StartTimer()
			}
			b.ReportMetric(rss/float64(b.N), "idle-RSS-MB")
		})
	}
}

func benchPlugin(b *testing.B, dir string) *host.Plugin {
	p, err := host.Start(context.Background(), host.Config{Dir: dir, Approved: fixture.Approve(b, dir), Env: benchEnv()})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(p.Close)
	return p
}

func benchEnv() []string { return []string{"PATH=" + os.Getenv("PATH")} }

func importAll(b *testing.B, p *host.Plugin) int {
	n, ids := 0, 0
	req := host.ImportRequest{Ref: host.Ref{InstanceID: "bench", Revision: 1}, BatchSize: 500}
	err := p.Import(context.Background(), req, func(batch sdk.Batch) error {
		for _, r := range batch.Records {
			if r.Contact != nil {
				ids += len(r.Contact.ExternalID) + len(r.Contact.Emails)
			} else if r.Company != nil {
				ids += len(r.Company.ExternalID)
			}
		}
		n += len(batch.Records)
		return nil
	})
	if err != nil || ids == 0 {
		b.Fatalf("import: %v", err)
	}
	return n
}

// rssMB reads a process's resident set size from /proc.
func rssMB(pid int) float64 {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmRSS:" {
			kb, _ := strconv.ParseFloat(f[1], 64)
			return kb / 1024
		}
	}
	return 0
}
