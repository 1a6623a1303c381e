package sdktest_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/portico-hub/portico/plugins/sdk"
	"github.com/portico-hub/portico/plugins/sdk/host"
	"github.com/portico-hub/portico/plugins/sdk/sdktest"
)

// pager is a tiny channel: it "delivers" to pager numbers of four digits,
// counts what it really sent, and fails on the texts named after a kind.
type pager struct {
	sent atomic.Int64
}

func (p *pager) CheckHealth(context.Context) (string, error) { return "paging", nil }

func (p *pager) ValidateAddress(_ context.Context, _, address string) (string, error) {
	a := strings.TrimSpace(address)
	if len(a) != 4 || strings.Trim(a, "0123456789") != "" {
		return "", sdk.InvalidAddress("a pager number has four digits")
	}
	return a, nil
}

func (p *pager) Send(ctx context.Context, m sdk.Message) (sdk.Receipt, error) {
	switch m.Text {
	case "busy":
		return sdk.Receipt{}, sdk.RateLimited("the pager network is busy", 1500*time.Millisecond)
	case "flaky":
		return sdk.Receipt{}, sdk.Temporary("the pager network hiccuped")
	case "slow":
		time.Sleep(200 * time.Millisecond)
	case "careful":
		// Like an HTTP request to a gateway: given up when ctx ends.
		select {
		case <-time.After(300 * time.Millisecond):
		case <-ctx.Done():
			return sdk.Receipt{}, sdk.Temporary("cut off: " + ctx.Err().Error())
		}
	}
	if _, err := pagerLimits.Check(m.Text); err != nil {
		return sdk.Receipt{}, err
	}
	n := p.sent.Add(1)
	return sdk.Receipt{ProviderID: "page-" + m.Key, Segments: int(n)}, nil
}

var pagerLimits = sdk.MessageLimits{MaxChars: 20}

func pagerPlugin(p *pager) sdk.Plugin {
	return sdk.Plugin{
		Info: sdk.Info{ID: "pager", Version: "1.0.0", Kinds: []sdk.Kind{sdk.KindNotifier},
			Notifier: &sdk.NotifierInfo{AddressKinds: []string{"pager"}, Limits: pagerLimits}},
		Configure: func(context.Context, sdk.Config) (sdk.Instance, error) { return p, nil },
	}
}

func page(key, text string) host.SendRequest {
	return host.SendRequest{Ref: host.Ref{InstanceID: "a", Revision: 1}, Key: key, AddressKind: "pager", Address: "1234", Text: text}
}

func TestNotifierDeclaresKindsAndLimits(t *testing.T) {
	h := sdktest.Start(t, pagerPlugin(&pager{}))
	n := h.Info().Notifier
	if n == nil || n.AddressKinds[0] != "pager" || n.Limits.MaxChars != 20 {
		t.Fatalf("notifier info: %+v", n)
	}
}

func TestNotifierValidatesAddresses(t *testing.T) {
	h := sdktest.Start(t, pagerPlugin(&pager{}))
	ref := sdktest.Configure(t, h, "a", "{}", nil)
	if c := sdktest.Validate(t, h, ref, "pager", " 0042 "); !c.Valid || c.Normalized != "0042" {
		t.Errorf("valid address: %+v", c)
	}
	if c := sdktest.Validate(t, h, ref, "pager", "call me"); c.Valid || c.Reason != "a pager number has four digits" {
		t.Errorf("garbage: %+v", c)
	}
}

func TestNotifierSendsAKeyOnce(t *testing.T) {
	p := &pager{}
	h := sdktest.Start(t, pagerPlugin(p))
	sdktest.Configure(t, h, "a", "{}", nil)
	first := sdktest.Send(t, h, page("k1", "hello"))
	again := sdktest.Send(t, h, page("k1", "hello"))
	if first.Duplicate || !again.Duplicate || again.ProviderID != first.ProviderID || p.sent.Load() != 1 {
		t.Fatalf("first %+v, again %+v, sent %d; want one send and the same id", first, again, p.sent.Load())
	}
	if other := sdktest.Send(t, h, page("k2", "hello")); other.Duplicate || p.sent.Load() != 2 {
		t.Errorf("a new key must be sent: %+v", other)
	}
}

func TestNotifierSendsConcurrentRetriesOnce(t *testing.T) {
	p := &pager{}
	h := sdktest.Start(t, pagerPlugin(p))
	sdktest.Configure(t, h, "a", "{}", nil)
	var wg sync.WaitGroup
	for range 5 {
		wg.Go(func() { sdktest.Send(t, h, page("same", "slow")) })
	}
	wg.Wait()
	if p.sent.Load() != 1 {
		t.Fatalf("sent %d times", p.sent.Load())
	}
}

// TestNotifierFinishesASendItsHostGaveUp cancels a send while the channel
// works on it, as a host killed mid-call does: the send still completes
// and is recorded, so the host's retry is dropped rather than sent again.
func TestNotifierFinishesASendItsHostGaveUp(t *testing.T) {
	p := &pager{}
	h := sdktest.Start(t, pagerPlugin(p))
	sdktest.Configure(t, h, "a", "{}", nil)
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	if _, err := h.Send(ctx, page("cut", "careful")); err == nil {
		t.Fatal("the cancelled call answered")
	}
	// The retry waits for the first send, still running, then finds it.
	if again := sdktest.Send(t, h, page("cut", "careful")); !again.Duplicate || p.sent.Load() != 1 {
		t.Fatalf("retry %+v, sent %d times; want the first send recorded and the retry dropped", again, p.sent.Load())
	}
}

func TestNotifierErrorsReachTheHostWithKindAndRetryAfter(t *testing.T) {
	p := &pager{}
	h := sdktest.Start(t, pagerPlugin(p))
	sdktest.Configure(t, h, "a", "{}", nil)
	busy := sdktest.SendError(t, h, page("b", "busy"))
	if retry, after := host.Retryable(busy); busy.Kind != sdk.ErrRateLimited || !retry || after != 1500*time.Millisecond {
		t.Errorf("busy: kind %s retry %v after %s", busy.Kind, retry, after)
	}
	if flaky := sdktest.SendError(t, h, page("f", "flaky")); flaky.Kind != sdk.ErrTemporary {
		t.Errorf("flaky: %v", flaky)
	}
	long := sdktest.SendError(t, h, page("l", strings.Repeat("x", 21)))
	if retry, _ := host.Retryable(long); long.Kind != sdk.ErrTooLong || retry ||
		!strings.Contains(long.Message, "21 characters; this channel takes at most 20") {
		t.Errorf("too long: %v", long)
	}
	// A failed key was not accepted, so sending it again really sends.
	if r := sdktest.Send(t, h, page("l", "short")); r.Duplicate || p.sent.Load() != 1 {
		t.Errorf("retry after a failure: %+v, sent %d", r, p.sent.Load())
	}
}

func TestNotifierLedgerSurvivesARestart(t *testing.T) {
	dir := t.TempDir()
	p := &pager{}
	// Each run is a new Serve with a new ledger, read from dir.
	run := func() sdk.Receipt {
		h := sdktest.Start(t, pagerPlugin(p), sdk.WithDataDir(dir))
		sdktest.Configure(t, h, "a", "{}", nil)
		return sdktest.Send(t, h, page("restart", "hello"))
	}
	first, second := run(), run()
	if first.Duplicate || !second.Duplicate || second.ProviderID != first.ProviderID || p.sent.Load() != 1 {
		t.Fatalf("first %+v, after restart %+v, sent %d", first, second, p.sent.Load())
	}
}

func TestNotifierWithoutReportsRefusesTheirStream(t *testing.T) {
	h := sdktest.Start(t, pagerPlugin(&pager{}))
	ref := sdktest.Configure(t, h, "a", "{}", nil)
	err := h.DeliveryReports(context.Background(), ref, func(sdk.DeliveryReport) error { return nil })
	if !errors.Is(err, &sdk.Error{Kind: sdk.ErrInvalidRequest}) || !strings.Contains(err.Error(), "no delivery reports") {
		t.Errorf("want invalid_request, got %v", err)
	}
}
