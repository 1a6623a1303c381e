package main

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/portico-hub/portico/plugins/sdk"
	"github.com/portico-hub/portico/plugins/sdk/host"
	"github.com/portico-hub/portico/plugins/sdk/sdktest"
)

var secrets = map[string]string{"password": testPassword}

const to = "+15551234567"

func smsConfig(url, extra string) string {
	return fmt.Sprintf(`{"url":%q,"username":%q,"from":"Portico","country_code":"82"%s}`, url, testUser, extra)
}

// configured starts the built plugin and configures instance "sms".
func configured(t testing.TB, dir, data, config string) (*host.Plugin, host.Ref) {
	t.Helper()
	p := startPlugin(t, dir, data)
	if err := p.Configure(context.Background(), sdk.Config{InstanceID: "sms", Revision: 1, JSON: []byte(config), Secrets: secrets}); err != nil {
		t.Fatal(err)
	}
	return p, host.Ref{InstanceID: "sms", Revision: 1}
}

func msg(ref host.Ref, key, address, text string) host.SendRequest {
	return host.SendRequest{Ref: ref, Key: key, AddressKind: "phone", Address: address, Text: text}
}

// waitFor waits until the fake SMSC logged n messages and returns them.
func (k *kannel) waitFor(t testing.TB, n int) []sms {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		got := k.received(t)
		if len(got) >= n || time.Now().After(deadline) {
			return got
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func TestTextsAndNumbersReachTheSMSC(t *testing.T) {
	k := startKannel(t)
	p, ref := configured(t, buildPlugin(t), "", smsConfig(k.URL, ""))
	long := strings.Repeat("Your Portico account is ready. ", 7)
	korean := strings.Repeat("포르티코 계정이 준비되었습니다. ", 8)
	sends := []struct {
		req   host.SendRequest
		want  string
		parts int
	}{
		{host.SendRequest{Ref: ref, Key: "a", AddressKind: "phone", Address: "+1 (555) 123-4567",
			Text: "Activate your account:", Link: "https://portico.example/a/XYZ"},
			"Activate your account: https://portico.example/a/XYZ", 1},
		{msg(ref, "b", "010-9876-5432", "안녕하세요, 김민지 님"), "안녕하세요, 김민지 님", 1},
		{msg(ref, "c", to, long), strings.TrimSpace(long), 2},
		{msg(ref, "d", to, korean), strings.TrimSpace(korean), 3},
		{msg(ref, "e", to, "Hi Ada\x1b[31m <b>Lovelace</b>\x07\u202e"), "Hi Ada[31m <b>Lovelace</b>", 1},
	}
	for _, s := range sends {
		r, err := p.Send(context.Background(), s.req)
		if err != nil || r.Segments != s.parts || !strings.HasPrefix(r.ProviderID, "kannel-") {
			t.Fatalf("send %s: %+v, %v", s.req.Key, r, err)
		}
	}
	got := k.waitFor(t, len(sends))
	if len(got) != len(sends) {
		t.Fatalf("the SMSC got %d messages, want %d: %+v", len(got), len(sends), got)
	}
	wantTo := []string{to, "+821098765432", to, to, to}
	for i, s := range sends {
		if got[i].Text != s.want || got[i].To != wantTo[i] || got[i].Parts != s.parts || got[i].From != "Portico" {
			t.Errorf("message %d: got %+v\nwant %q to %s in %d parts", i, got[i], s.want, wantTo[i], s.parts)
		}
	}
	if t.Failed() {
		raw, _ := os.ReadFile(k.fakeLog)
		t.Logf("the fake SMSC's log:\n%s", raw)
	}
}

func TestDeliveryReportsComeBackFromKannel(t *testing.T) {
	k := startKannel(t)
	listen := fmt.Sprintf(`,"delivery_reports_listen":"127.0.0.1:%d"`, sdktest.FreePort(t))
	p, ref := configured(t, buildPlugin(t), "", smsConfig(k.URL, listen))
	r, err := p.Send(context.Background(), msg(ref, "dlr-1", to, "Your code is 1234"))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	var seen []sdk.DeliveryReport
	err = p.DeliveryReports(ctx, ref, func(rep sdk.DeliveryReport) error {
		seen = append(seen, rep)
		if rep.Status == sdk.Delivered {
			cancel()
		}
		return nil
	})
	last := seen[len(seen)-1:]
	if len(last) == 0 || last[0].Status != sdk.Delivered || last[0].Key != "dlr-1" || last[0].ProviderID != r.ProviderID {
		t.Fatalf("reports %+v (%v); want one saying dlr-1 (%s) was delivered", seen, err, r.ProviderID)
	}
}

func TestAddressesAreCheckedAndNormalised(t *testing.T) {
	k := startKannel(t)
	p, ref := configured(t, buildPlugin(t), "", smsConfig(k.URL, ""))
	for in, want := range map[string]string{"+44 20 7946 0000": "+442079460000", "0044.20.7946.0000": "+442079460000",
		"010-1234-5678": "+821012345678"} {
		if c, err := p.ValidateAddress(context.Background(), ref, "phone", in); err != nil || !c.Valid || c.Normalized != want {
			t.Errorf("%q: %+v %v", in, c, err)
		}
	}
	for in, reason := range map[string]string{"call me": "only digits", "+1 555": "8 to 15 digits", "+0123456789": "no 0 right after",
		"<script>": "only digits"} {
		if c, err := p.ValidateAddress(context.Background(), ref, "phone", in); err != nil || c.Valid || !strings.Contains(c.Reason, reason) {
			t.Errorf("%q: %+v %v; want a reason with %q", in, c, err, reason)
		}
	}
	if ce := sendErr(t, p, msg(ref, "x", "ada@example.org", "hi")); ce.Kind != sdk.ErrInvalidAddress {
		t.Errorf("send to an e-mail address: %v", ce)
	}
}

func sendErr(t *testing.T, p *host.Plugin, req host.SendRequest) *host.CallError {
	t.Helper()
	_, err := p.Send(context.Background(), req)
	ce, ok := err.(*host.CallError)
	if !ok {
		t.Fatalf("send %s: want a plugin error, got %v", req.Key, err)
	}
	return ce
}

func TestConformance(t *testing.T) {
	k := startKannel(t)
	conform(t, buildPlugin(t), smsConfig(k.URL, ""), secrets, to)
}
