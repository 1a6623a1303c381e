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

	"github.com/portico-hub/portico/app/model"
)

// BenchmarkImportMillion imports a CSV of name, email, phone, company and
// job title into an empty database, then the same file again (every row
// matches and nothing differs), and times the sqlite3 shell's .import of
// the file into a table with a unique email index for comparison. It
// reports rows per second of each, the processor seconds each took, and
// the process's peak memory.
// PORTICO_BENCH_ROWS sets the rows (default 1,000,000). Run it alone:
//
//	go test -tags sqlite_fts5 -run '^$' -bench ImportMillion -benchtime 1x ./app/imports
func BenchmarkImportMillion(b *testing.B) {
	rows := 1_000_000
	if v, err := strconv.Atoi(os.Getenv("PORTICO_BENCH_ROWS")); err == nil {
		rows = v
	}
	for range b.N {
		e := newEnv(b)
		e.d.BatchSize = 0
		path := filepath.Join(e.dir, "million.csv")
		writeBenchFile(b, path, rows)
		b.ResetTimer()
		for _, pass := range []string{"create", "reimport"} {
			start, cpu := time.Now(), cpuSeconds()
			im := e.importFile(b, path, Params{})
			secs := time.Since(start).Seconds()
			if im.State != model.JobDone || im.Rows() != rows {
				b.Fatalf("%s: %s %+v", pass, im.State, im.ImportCounts)
			}
			b.ReportMetric(float64(rows)/secs, pass+"-rows/s")
			b.ReportMetric(cpuSeconds()-cpu, pass+"-cpu-s")
		}
		b.StopTimer()
		if secs, err := shellImport(e.dir, path); err == nil {
			b.ReportMetric(float64(rows)/secs, "sqlite3-rows/s")
		} else {
			b.Logf("sqlite3 shell: %v", err)
		}
		b.ReportMetric(peakMB(), "peak-MB")
	}
}

func writeBenchFile(b *testing.B, path string, n int) {
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	fmt.Fprintln(w, "Name,Email,Phone,Company,Job Title")
	for i := range n {
		fmt.Fprintf(w, "Person %d,person%d@example.com,+1 555 %07d,Company %d,Title %d\n", i, i, i, i%20000, i%300)
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
