package imports

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/config"
	"github.com/portico-hub/portico/app/model"
)

// BenchmarkImportMillion imports a CSV of name, email, phone, company and
// job title into an empty database ("create"); then the same file again
// in update mode ("reimport": every row matches, nothing differs, so
// every row is skipped); then a copy in which every job title differs
// ("update": every row updates its contact). For comparison it times the
// sqlite3 shell twice: its .import of the file into a table with a
// unique email index, and plain SQL writing the same rows into Portico's
// own schema, which is the least any import can do (see floorParts). It
// reports rows per second of each, the processor seconds each import
// took, and the process's peak memory.
// PORTICO_BENCH_ROWS sets the rows (default 1,000,000). Run it alone:
//
//	go test -tags sqlite_fts5 -run '^$' -bench ImportMillion -benchtime 1x ./app/imports
func BenchmarkImportMillion(b *testing.B) {
	rows := 1_000_000
	if v, err := strconv.Atoi(os.Getenv("PORTICO_BENCH_ROWS")); err == nil {
		rows = v
	}
	config.TuneGC() // as every portico command does
	for range b.N {
		e := newEnv(b)
		e.d.BatchSize = 0
		path, changed := filepath.Join(e.dir, "million.csv"), filepath.Join(e.dir, "changed.csv")
		writeBenchFile(b, path, rows, "")
		writeBenchFile(b, changed, rows, " (new)")
		b.ResetTimer()
		for _, pass := range []struct {
			name, path string
			params     Params
			want       func(model.ImportCounts) int
		}{
			{"create", path, Params{}, func(n model.ImportCounts) int { return n.Created }},
			{"reimport", path, Params{Mode: ModeUpdate}, func(n model.ImportCounts) int { return n.Skipped }},
			{"update", changed, Params{Mode: ModeUpdate}, func(n model.ImportCounts) int { return n.Updated }},
		} {
			start, cpu := time.Now(), cpuSeconds()
			im := e.importFile(b, pass.path, pass.params)
			secs := time.Since(start).Seconds()
			if im.State != model.JobDone || pass.want(im.ImportCounts) != rows {
				b.Fatalf("%s: %s %+v", pass.name, im.State, im.ImportCounts)
			}
			b.ReportMetric(float64(rows)/secs, pass.name+"-rows/s")
			b.ReportMetric(cpuSeconds()-cpu, pass.name+"-cpu-s")
			if pass.name == "create" {
				reportSizes(b, filepath.Join(e.dir, "portico.db"))
			}
		}
		b.StopTimer()
		if secs, err := shellImport(e.dir, path); err == nil {
			b.ReportMetric(float64(rows)/secs, "sqlite3-rows/s")
		} else {
			b.Logf("sqlite3 shell: %v", err)
		}
		if parts, err := floorParts(e.dir, path, filepath.Join(e.dir, "portico.db"), rows, 0); err == nil {
			b.ReportMetric(float64(rows)/floorTotal(parts), "sqlite3-schema-rows/s")
		} else {
			b.Logf("sqlite3 shell, Portico's schema: %v", err)
		}
		b.ReportMetric(peakMB(), "peak-MB")
	}
}

// writeBenchFile writes n rows, each job title ending in suffix.
func writeBenchFile(b *testing.B, path string, n int, suffix string) {
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	fmt.Fprintln(w, "Name,Email,Phone,Company,Job Title")
	for i := range n {
		fmt.Fprintf(w, "Person %d,person%d@example.com,+1 555 %07d,Company %d,Title %d%s\n", i, i, i, i%20000, i%300, suffix)
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	f.Close()
}

// shellImport times sqlite3's .import into a table with a unique email.
func shellImport(dir, csv string) (float64, error) {
	script := strings.Join([]string{
		"PRAGMA journal_mode=WAL;",
		"CREATE TABLE people (name TEXT, email TEXT, phone TEXT, company TEXT, job_title TEXT);",
		"CREATE UNIQUE INDEX people_email ON people (email);",
		".mode csv", ".import --skip 1 " + csv + " people", ""}, "\n")
	cmd := exec.Command("sqlite3", filepath.Join(dir, "shell.db"))
	cmd.Stdin = strings.NewReader(script)
	start := time.Now()
	if out, err := cmd.CombinedOutput(); err != nil {
		return 0, fmt.Errorf("%v: %s", err, out)
	}
	return time.Since(start).Seconds(), nil
}

// cpuSeconds is the processor time the process has used. On a shared
// machine the wall clock also counts other programs' turns; this does not.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}

// ioMB is what the process has read from and written to files so far,
// from Linux's rchar and wchar: pages an import reads again because they
// left its cache, and pages it writes again for each batch (to the
// write-ahead log, then to the database), show here however busy the
// machine is.
func ioMB() (read, written float64) {
	data, err := os.ReadFile("/proc/self/io")
	if err != nil {
		return 0, 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "rchar: "); ok {
			read, _ = strconv.ParseFloat(v, 64)
		}
		if v, ok := strings.CutPrefix(line, "wchar: "); ok {
			written, _ = strconv.ParseFloat(v, 64)
		}
	}
	return read / 1e6, written / 1e6
}

// peakMB is the process's peak resident memory, from Linux's VmHWM.
func peakMB() float64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmHWM:" {
			kb, _ := strconv.ParseFloat(f[1], 64)
			return kb / 1024
		}
	}
	return 0
}

// reportSizes reports the database's size and what its events take,
// single rows and bulk batches together, as the sqlite3 shell reads them.
func reportSizes(b *testing.B, db string) {
	out, err := exec.Command("sqlite3", db, `PRAGMA wal_checkpoint(TRUNCATE);
		SELECT sum(length(id) + length(type) + length(payload) + coalesce(length(batch), 0)) FROM events;
		SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size();`).Output()
	if err != nil {
		b.Logf("sizes: %v", err)
		return
	}
	f := strings.Fields(string(out))
	events, _ := strconv.ParseFloat(f[len(f)-2], 64)
	size, _ := strconv.ParseFloat(f[len(f)-1], 64)
	b.ReportMetric(events/1e6, "events-MB")
	b.ReportMetric(size/1e6, "db-MB")
}
