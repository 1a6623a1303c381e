package servertest

import (
	"encoding/base64"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// mailbox is what the seeded Maildir should import as.
type mailbox struct {
	senders   map[string]string // address → name
	companies map[string]bool   // domains
	messages  int
}

// ordinarySenders write the bulk of the messages: every third at gmail.com,
// the others at one of five company domains.
const ordinarySenders = 97

// seed writes n ordinary messages and the special ones into the Maildir:
// encoded-word names (Korean in Base64 UTF-8, French in Quoted-Printable
// Latin-1), a public domain, a bounce, a no-reply, a colleague and a
// message without From.
func seed(t testing.TB, d *dovecot, n int) mailbox {
	t.Helper()
	want := mailbox{senders: map[string]string{}, companies: map[string]bool{}}
	for i := range n {
		s := i % ordinarySenders
		domain := fmt.Sprintf("corp%d.example", s%5)
		if s%3 == 0 {
			domain = "gmail.com"
		} else {
			want.companies[domain] = true
		}
		addr, name := fmt.Sprintf("person%02d@%s", s, domain), fmt.Sprintf("Person %02d", s)
		want.senders[addr] = name
		d.write(t, i, fmt.Sprintf("%q <%s>", name, addr))
	}
	b64 := func(s string) string { return "=?UTF-8?B?" + base64.StdEncoding.EncodeToString([]byte(s)) + "?=" }
	for i, from := range []string{
		b64("김민준") + " <minjun.kim@hanbit.example>",
		"=?ISO-8859-1?Q?Ren=E9_Dupont?= <rene@exemple.example>",
		b64("이서연") + " <seoyeon@naver.com>",
		"Mail Delivery System <MAILER-DAEMON@mx.shop.example>",
		"Shop <no-reply@shop.example>",
		"A Colleague <colleague@portico.example>",
		"",
	} {
		d.write(t, n+i, from)
	}
	want.senders["minjun.kim@hanbit.example"] = "김민준"
	want.senders["rene@exemple.example"] = "René Dupont"
	want.senders["seoyeon@naver.com"] = "이서연"
	want.companies["hanbit.example"], want.companies["exemple.example"] = true, true
	want.messages = n + 7
	d.chown(t, d.Maildir)
	return want
}

// write delivers message i into new/, as a mail server would.
func (d *dovecot) write(t testing.TB, i int, from string) {
	t.Helper()
	date := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Minute)
	msg := fmt.Sprintf("Date: %s\r\nTo: Support <support@portico.example>\r\nSubject: Question %d\r\n"+
		"Message-ID: <%d@test.example>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n",
		date.Format(time.RFC1123Z), i, i)
	if from != "" {
		msg = "From: " + from + "\r\n" + msg
	}
	msg += "\r\nHello, I have a question.\r\n"
	name := fmt.Sprintf("%d.M%dP1.portico.test", date.Unix(), i)
	if err := os.WriteFile(filepath.Join(d.Maildir, "new", name), []byte(msg), 0o644); err != nil {
		t.Fatal(err)
	}
}

// mailConfig is an instance configuration for the test user.
func mailConfig(d *dovecot) string {
	return fmt.Sprintf(`{"host": "127.0.0.1", "port": %d, "security": "none", "user": %q, `+
		`"ignore_domains": ["portico.example"]}`, d.Port, testUser)
}

var mailSecrets = map[string]string{"password": testPassword}
