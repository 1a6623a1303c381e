package mail_test

import (
	"testing"

	"github.com/portico-hub/portico/app/internal/testkit"
	"github.com/portico-hub/portico/app/model"
)

// TestAnyDisplayNameGoesOut sends to names a visitor may choose, quotes
// and backslashes among them, from a sender whose name has quotes too,
// through a real SMTP server, and reads the names back from the headers
// as a mail reader decodes them.
func TestAnyDisplayNameGoesOut(t *testing.T) {
	d := testkit.StartSMTP(t)
	from := `"Acme \"Help\" Desk" <help@support.example.com>`
	e := newEnvFrom(t, d.URL, from)
	e.start(t)
	names := map[string]string{
		"quote@example.com":     `Kim "The Boss" Min-jun`,
		"backslash@example.com": `Back\slash "O'Neil"`,
		"accents@example.com":   `Zoë "Ñandú" Ōta, 김민준`,
		"comma@example.com":     `Lee, Seo-yeon (Sales) <sales>`,
		"break@example.com":     "Two\r\nBcc: lines",
	}
	ids := map[string]int64{}
	for addr, name := range names {
		ids[addr] = e.queue(t, name, addr)
	}
	for addr, id := range ids {
		if m := e.waitFor(t, id, func(m *model.Mail) bool { return m.State != model.MailQueued && m.State != model.MailSending }); m.State != model.MailSent {
			t.Fatalf("the email to %q: %s, %s", names[addr], m.State, m.LastError)
		}
	}
	got := d.Messages()
	if len(got) != len(names) {
		t.Fatalf("the server received %d messages, want %d", len(got), len(names))
	}
	for _, m := range got {
		to, err := m.Header.AddressList("To")
		if err != nil || len(to) != 1 {
			t.Fatalf("To %q: %v", m.Header.Get("To"), err)
		}
		if want := names[to[0].Address]; to[0].Name != want {
			t.Errorf("To reads %q, want %q (header %q)", to[0].Name, want, m.Header.Get("To"))
		}
		if m.Header.Get("Bcc") != "" {
			t.Errorf("a name added a header: Bcc %q", m.Header.Get("Bcc"))
		}
		sender, err := m.Header.AddressList("From")
		if err != nil || len(sender) != 1 || sender[0].Name != `Acme "Help" Desk` || sender[0].Address != "help@support.example.com" {
			t.Errorf("From %q reads %+v, %v", m.Header.Get("From"), sender, err)
		}
	}
}
