package servertest

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/portico-hub/portico/plugins/sdk"
	"github.com/portico-hub/portico/plugins/sdk/host"
	"github.com/portico-hub/portico/plugins/sdk/sdktest"
)

var secrets = map[string]string{"password": botPassword}

func chatConfig(p *prosody) string {
	return fmt.Sprintf(`{"jid":"portico@localhost","service":%q}`, p.Service)
}

func configured(t testing.TB, s *prosody) (*host.Plugin, host.Ref) {
	t.Helper()
	p := startPlugin(t, pluginDir(t))
	if err := p.Configure(context.Background(), sdk.Config{InstanceID: "chat", Revision: 1, JSON: []byte(chatConfig(s)), Secrets: secrets}); err != nil {
		t.Fatal(err)
	}
	return p, host.Ref{InstanceID: "chat", Revision: 1}
}

func next(t testing.TB, inbox <-chan chat) chat {
	t.Helper()
	select {
	case m := <-inbox:
		return m
	case <-time.After(15 * time.Second):
		t.Fatal("ada received nothing within 15s")
	}
	return chat{}
}

func TestMessagesReachTheOtherAccount(t *testing.T) {
	s := startProsody(t)
	inbox := s.receive(t)
	p, ref := configured(t, s)
	if h, err := p.CheckHealth(context.Background(), ref); err != nil || !h.OK {
		t.Fatalf("health: %+v %v", h, err)
	}
	sends := []struct{ text, link, want string }{
		{"Activate your account:", "https://portico.example/a/XYZ", "Activate your account:\nhttps://portico.example/a/XYZ"},
		{"안녕하세요, 김민지 님", "", "안녕하세요, 김민지 님"},
		{"Hi Ada\x1b[31m <b>Lovelace</b> & co\x07\x00", "", "Hi Ada[31m <b>Lovelace</b> & co"},
	}
	for i, c := range sends {
		req := host.SendRequest{Ref: ref, Key: fmt.Sprint("k", i), AddressKind: "xmpp", Address: "Ada@Localhost", Text: c.text, Link: c.link}
		r, err := p.Send(context.Background(), req)
		if err != nil {
			t.Fatal(err)
		}
		if m := next(t, inbox); m.Body != c.want || m.ID != r.ProviderID || !strings.HasPrefix(m.From, "portico@localhost/") {
			t.Errorf("message %d: got %+v, want %q from portico@localhost", i, m, c.want)
		}
	}
}

func TestFaults(t *testing.T) {
	s := startProsody(t)
	p, ref := configured(t, s)
	if c, err := p.ValidateAddress(context.Background(), ref, "xmpp", "<not an address>"); err != nil || c.Valid || c.Reason == "" {
		t.Errorf("garbage address: %+v %v", c, err)
	}
	long := host.SendRequest{Ref: ref, Key: "long", AddressKind: "xmpp", Address: "ada@localhost", Text: strings.Repeat("가", 4001)}
	if _, err := p.Send(context.Background(), long); !errorKind(err, sdk.ErrTooLong) || !strings.Contains(err.Error(), "4001 characters; this channel takes at most 4000") {
		t.Errorf("too long: %v", err)
	}
	bad := sdk.Config{InstanceID: "chat", Revision: 2, JSON: []byte(chatConfig(s)), Secrets: map[string]string{"password": "wrong"}}
	if err := p.Configure(context.Background(), bad); err != nil {
		t.Fatal(err)
	}
	ref.Revision = 2
	if _, err := p.Send(context.Background(), host.SendRequest{Ref: ref, Key: "w", AddressKind: "xmpp", Address: "ada@localhost", Text: "hi"}); !errorKind(err, sdk.ErrUnauthorized) {
		t.Errorf("wrong password: %v", err)
	}
	down := sdk.Config{InstanceID: "chat", Revision: 3, Secrets: secrets,
		JSON: []byte(fmt.Sprintf(`{"jid":"portico@localhost","service":"xmpp://127.0.0.1:%d"}`, sdktest.FreePort(t)))}
	if err := p.Configure(context.Background(), down); err != nil {
		t.Fatal(err)
	}
	ref.Revision = 3
	_, err := p.Send(context.Background(), host.SendRequest{Ref: ref, Key: "d", AddressKind: "xmpp", Address: "ada@localhost", Text: "hi"})
	if retry, _ := host.Retryable(err); !errorKind(err, sdk.ErrUnreachable) || !retry {
		t.Errorf("server down: %v", err)
	}
}

func errorKind(err error, kind sdk.ErrorKind) bool {
	ce, ok := err.(*host.CallError)
	return ok && ce.Kind == kind
}

func TestConformance(t *testing.T) {
	s := startProsody(t)
	conform(t, pluginDir(t), chatConfig(s), secrets, "ada@localhost")
}
