package cli

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// BenchmarkImportFromPluginVsCSV imports the same 20,000 contacts (and
// their 2,000 companies by name) into an empty database twice per round:
// streamed by the hello-go plugin, and from the CSV file holding the
// same rows, so the two can be compared in one run. Besides the time it
// reports records a second and the CPU time of the import, the plugin's
// process included, which other work on a busy machine sways less.
func BenchmarkImportFromPluginVsCSV(b *testing.B) {
	const records = 22_000
	b.Run("plugin", func(b *testing.B) {
		var cpu time.Duration
		for range b.N {
			b.StopTimer()
			db := filepath.Join(b.TempDir(), "p.db")
			approvedHello(b, db, records)
			b.StartTimer()
			from := cpuTime()
			if code, out, errs := runTB(b, "import", "contacts", "--from", "hello-go:Main", "--db", db, "--log-level", "error"); code != 0 {
				b.Fatalf("exit %d %s %s", code, out, errs)
			}
			cpu += cpuTime() - from
		}
		report(b, records, cpu)
	})
	b.Run("csv", func(b *testing.B) {
		path := filepath.Join(b.TempDir(), "same.csv")
		writeHelloCSV(b, path, records)
		from := cpuTime()
		for range b.N {
			db := filepath.Join(b.TempDir(), "p.db")
			if code, out, errs := runTB(b, "import", "contacts", path, "--db", db, "--log-level", "error"); code != 0 {
				b.Fatalf("exit %d %s %s", code, out, errs)
			}
		}
		report(b, records, cpuTime()-from)
	})
}

// report adds records a second and CPU milliseconds an import to b's
// results.
func report(b *testing.B, records int, cpu time.Duration) {
	b.ReportMetric(float64(records*b.N)/b.Elapsed().Seconds(), "rec/s")
	b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "cpu-ms/op")
}

// cpuTime is the CPU time used so far by this process and its children
// that ended, such as a plugin's process once its import is done.
func cpuTime() time.Duration {
	var self, children syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &self)
	syscall.Getrusage(syscall.RUSAGE_CHILDREN, &children)
	return time.Duration(self.Utime.Nano() + self.Stime.Nano() + children.Utime.Nano() + children.Stime.Nano())
}

// runTB runs a command for a benchmark.
func runTB(b *testing.B, args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := Run(context.Background(), args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

// writeHelloCSV writes the contacts hello-go generates for n records.
func writeHelloCSV(b *testing.B, path string, n int) {
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w := csv.NewWriter(f)
	w.Write([]string{"External ID", "Name", "Email", "Company", "Tags"})
	for i := range n {
		if i%10 != 0 {
			w.Write([]string{fmt.Sprintf("contact-%d", i), fmt.Sprintf("Person %d", i),
				fmt.Sprintf("person%d@hello.test", i), fmt.Sprintf("Company %d", i/10), "hello"})
		}
	}
	w.Flush()
	f.Close()
}
