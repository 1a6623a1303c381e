package web_test

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"context"
	"fmt"
	"hash/crc32"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/portico-hub/portico/app"
	"github.com/portico-hub/portico/app/agent"
	"github.com/portico-hub/portico/app/config"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// hostileParts is how many 64 MiB parts the hostile workbook carries:
// 960 MiB unpacked, just under the 1 GiB an Excel file may unpack to.
const hostileParts = 15

// BenchmarkImportHostileXLSX uploads a workbook of about 1 MB, made of a
// small sheet and many 64 MiB pictures, three times at once to a real
// server over loopback, and reports the process's peak resident memory
// (peak-rss-MB, from /proc) and peak Go heap (peak-heap-MB) while they
// are read. Reading only the sheet's parts keeps both far below the
// gigabytes the pictures would take.
func BenchmarkImportHostileXLSX(b *testing.B) {
	file := hostileWorkbook(b)
	b.Logf("hostile workbook: %d KB", len(file)>>10)
	addr, cookie := memoryServer(b)
	token := csrfFrom(b, addr, cookie)
	runtime.GC()
	resetPeakRSS()
	stop := watchHeap()
	for b.Loop() {
		var wg sync.WaitGroup
		for range 3 {
			wg.Go(func() { uploadHostile(b, addr, cookie, token, file) })
		}
		wg.Wait()
	}
	b.ReportMetric(float64(stop())/(1<<20), "peak-heap-MB")
	if rss := peakRSS(); rss > 0 {
		b.ReportMetric(float64(rss)/(1<<20), "peak-rss-MB")
	}
}

// hostileWorkbook is a workbook whose one sheet has a contact, padded
// with hostileParts pictures of 64 MiB of spaces, packed 1,000 to one.
func hostileWorkbook(b *testing.B) []byte {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetRow("Sheet1", "A1", &[]any{"Name", "Email"}); err != nil {
		b.Fatal(err)
	}
	if err := f.SetSheetRow("Sheet1", "A2", &[]any{"Ann Lee", "ann@example.com"}); err != nil {
		b.Fatal(err)
	}
	var book, packed, out bytes.Buffer
	if err := f.Write(&book); err != nil {
		b.Fatal(err)
	}
	fw, _ := flate.NewWriter(&packed, flate.BestCompression)
	crc, chunk := crc32.NewIEEE(), []byte(strings.Repeat(" ", 1<<16))
	for range (64 << 20) / len(chunk) {
		fw.Write(chunk)
		crc.Write(chunk)
	}
	fw.Close()
	zr, _ := zip.NewReader(bytes.NewReader(book.Bytes()), int64(book.Len()))
	zw := zip.NewWriter(&out)
	for _, part := range zr.File {
		zw.Copy(part)
	}
	for i := range hostileParts {
		w, err := zw.CreateRaw(&zip.FileHeader{Name: fmt.Sprintf("xl/media/image%d.png", i), Method: zip.Deflate,
			CRC32: crc.Sum32(), CompressedSize64: uint64(packed.Len()), UncompressedSize64: 64 << 20})
		if err != nil {
			b.Fatal(err)
		}
		w.Write(packed.Bytes())
	}
	if err := zw.Close(); err != nil {
		b.Fatal(err)
	}
	return out.Bytes()
}

// memoryServer serves a fresh server over loopback until the benchmark
// ends, and returns its address and a signed-in agent's session cookie.
func memoryServer(b *testing.B) (string, string) {
	ctx, cancel := context.WithCancel(context.Background())
	cfg := config.Default()
	cfg.DBPath, cfg.FilesDir, cfg.LogLevel = filepath.Join(b.TempDir(), "p.db"), b.TempDir(), "error"
	st, err := store.Open(ctx, cfg.DBPath)
	if err == nil {
		err = cfg.Validate()
	}
	if err != nil {
		b.Fatal(err)
	}
	p, err := app.Wire(ctx, cfg, slog.New(slog.DiscardHandler), st, nil)
	if err != nil {
		b.Fatal(err)
	}
	srv := p.Web
	a, err := st.CreateAgent(ctx, "Bench Agent", "bench@portico.test", model.RoleAgent, "", "", nil)
	if err != nil {
		b.Fatal(err)
	}
	token, err := (&agent.Service{Store: st, SessionTTL: time.Hour}).StartSession(ctx, a, "127.0.0.1", "bench")
	ln, lerr := net.Listen("tcp", "127.0.0.1:0")
	if err = cmpErr(err, lerr); err != nil {
		b.Fatal(err)
	}
	done := make(chan struct{})
	go func() { srv.Serve(ctx, ln); close(done) }()
	b.Cleanup(func() { cancel(); <-done; st.Close() })
	return ln.Addr().String(), "portico_session=" + token
}

func cmpErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

var csrfField = regexp.MustCompile(`name="_csrf" value="([^"]+)"`)

// csrfFrom reads the upload form's CSRF token as a browser would.
func csrfFrom(b *testing.B, addr, cookie string) string {
	req, _ := http.NewRequest(http.MethodGet, "http://"+addr+"/contacts/import", nil)
	req.Header.Set("Cookie", cookie)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		b.Fatal(err)
	}
	defer resp.Body.Close()
	page, _ := io.ReadAll(resp.Body)
	m := csrfField.FindSubmatch(page)
	if m == nil {
		b.Fatalf("no CSRF token on the upload form (%d)", resp.StatusCode)
	}
	return string(m[1])
}

// uploadHostile posts the file as the upload form does and expects the
// mapping step.
func uploadHostile(b *testing.B, addr, cookie, token string, file []byte) {
	req, ct := multipartUpload(b, "http://"+addr+"/contacts/import", token, "hostile.xlsx", string(file))
	req.Header.Set("Content-Type", ct)
	req.Header.Set("Cookie", cookie)
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	if err != nil {
		b.Error(err)
		return
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther {
		b.Errorf("upload: %d, want 303 to the mapping step", resp.StatusCode)
	}
}

// watchHeap samples the Go heap in use every few milliseconds until the
// returned function is called, which gives the peak.
func watchHeap() func() uint64 {
	var peak atomic.Uint64
	quit := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			peak.Store(max(peak.Load(), ms.HeapInuse))
			select {
			case <-quit:
				return
			case <-time.After(5 * time.Millisecond):
			}
		}
	}()
	return func() uint64 { close(quit); <-done; return peak.Load() }
}

// resetPeakRSS starts the kernel's count of peak resident memory afresh.
func resetPeakRSS() { os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) }

// peakRSS is the peak resident memory since resetPeakRSS, in bytes, or
// zero where /proc does not tell.
func peakRSS() int64 {
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for line := range strings.Lines(string(status)) {
		if kb, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			n, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(kb), "kB")), 10, 64)
			return n << 10
		}
	}
	return 0
}
