package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/portico-hub/portico/plugins/sdk"
	"github.com/portico-hub/portico/plugins/sdk/host"
	"github.com/portico-hub/portico/plugins/sdk/sdktest"
)

// TestBusyGatewaysReachTheHostWithKindAndRetryAfter puts a loopback HTTP
// server where Kannel would be, answering as an overloaded Kannel (503
// "Sending failed.") or a rate-limiting proxy in front of it (429) would.
func TestBusyGatewaysReachTheHostWithKindAndRetryAfter(t *testing.T) {
	answers := map[string]func(http.ResponseWriter){
		"overloaded": func(w http.ResponseWriter) {
			w.Header().Set("Retry-After", "7")
			http.Error(w, "Sending failed.", http.StatusServiceUnavailable)
		},
		"limited": func(w http.ResponseWriter) {
			w.Header().Set("Retry-After", "120")
			http.Error(w, "Too many requests", http.StatusTooManyRequests)
		},
		"broken": func(w http.ResponseWriter) { http.Error(w, "Internal error", http.StatusInternalServerError) },
	}
	gw := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		answers[strings.Fields(r.URL.Query().Get("text"))[0]](w)
	}))
	defer gw.Close()
	p, ref := configured(t, buildPlugin(t), "", smsConfig(gw.URL, ""))
	for text, want := range map[string]struct {
		kind  sdk.ErrorKind
		after time.Duration
	}{"overloaded": {sdk.ErrTemporary, 7 * time.Second}, "limited": {sdk.ErrRateLimited, 120 * time.Second},
		"broken": {sdk.ErrTemporary, 0}} {
		ce := sendErr(t, p, msg(ref, text, to, text+" now"))
		retry, after := host.Retryable(ce)
		if ce.Kind != want.kind || !retry || after != want.after {
			t.Errorf("%s: kind %s, retry %v after %s; want %s after %s", text, ce.Kind, retry, after, want.kind, want.after)
		}
	}
}

func TestUnreachableWrongPasswordAndTooLong(t *testing.T) {
	k := startKannel(t)
	dir := buildPlugin(t)
	closed := fmt.Sprintf("http://127.0.0.1:%d/cgi-bin/sendsms", sdktest.FreePort(t))
	p, ref := configured(t, dir, "", smsConfig(closed, ""))
	if ce := sendErr(t, p, msg(ref, "u", to, "hello")); ce.Kind != sdk.ErrUnreachable {
		t.Errorf("closed port: %v", ce)
	}
	if h, _ := p.CheckHealth(context.Background(), ref); h.OK || !strings.Contains(h.Message, "cannot reach Kannel") {
		t.Errorf("health of a closed port: %+v", h)
	}
	cfg := sdk.Config{InstanceID: "sms", Revision: 2, JSON: []byte(smsConfig(k.URL, "")), Secrets: map[string]string{"password": "wrong"}}
	if err := p.Configure(context.Background(), cfg); err != nil {
		t.Fatal(err)
	}
	ref.Revision = 2
	if ce := sendErr(t, p, msg(ref, "w", to, "hello")); ce.Kind != sdk.ErrUnauthorized {
		t.Errorf("wrong password: %v", ce)
	}
	long := sendErr(t, p, msg(ref, "l", to, strings.Repeat("가", 403)))
	if retry, _ := host.Retryable(long); long.Kind != sdk.ErrTooLong || retry ||
		!strings.Contains(long.Message, "needs 7 segments (403 characters of Unicode text); this channel sends at most 6") {
		t.Errorf("too long: %v", long)
	}
}

// TestKilledMidBatchRetriesSendOnce kills the plugin while a batch is in
// flight, restarts it on the same data directory and retries every
// message with its key: whatever Kannel accepted before the kill is
// answered from the ledger, not sent again, and the rest goes out.
func TestKilledMidBatchRetriesSendOnce(t *testing.T) {
	k := startKannel(t)
	dir, data := buildPlugin(t), t.TempDir()
	p, ref := configured(t, dir, data, smsConfig(k.URL, ""))
	const n = 12
	text := func(i int) string { return fmt.Sprintf("Your code is %04d", i) }
	accepted := make([]bool, n)
	var wg sync.WaitGroup
	for i := range n {
		if i == n/2 {
			syscall.Kill(p.Pid(), syscall.SIGKILL)
		}
		wg.Go(func() {
			_, err := p.Send(context.Background(), msg(ref, fmt.Sprint("key-", i), to, text(i)))
			accepted[i] = err == nil
			if err != nil && status.Code(err) != codes.Unavailable {
				t.Errorf("message %d: want Unavailable from the killed plugin, got %v", i, err)
			}
		})
		if i < n/2 {
			wg.Wait()
		}
	}
	wg.Wait()
	if !accepted[0] || accepted[n-1] {
		t.Fatalf("accepted %v: want the first half sent and the plugin dead for the rest", accepted)
	}
	p.Close()
	p2, _ := configured(t, dir, data, smsConfig(k.URL, ""))
	for i := range n {
		r, err := p2.Send(context.Background(), msg(ref, fmt.Sprint("key-", i), to, text(i)))
		if err != nil || r.Duplicate != accepted[i] {
			t.Errorf("retry %d: %+v %v; accepted before the kill: %v", i, r, err, accepted[i])
		}
	}
	counts := map[string]int{}
	for _, m := range k.waitFor(t, n) {
		counts[m.Text]++
	}
	for i := range n {
		if counts[text(i)] != 1 {
			t.Errorf("message %d reached the SMSC %d times", i, counts[text(i)])
		}
	}
}
