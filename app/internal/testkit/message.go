package testkit

import (
	"bytes"
	"io"
	"mime"
	"mime/multipart"
	"net/mail"
	"strings"
	"testing"
)

// Message is one email the SMTP server accepted: its header and its
// undecoded body.
type Message struct {
	Header mail.Header
	Body   []byte
}

// Parts returns the message's decoded parts by media type (text/plain,
// text/html); Portico sends every email as multipart/alternative.
func (m Message) Parts(t testing.TB) map[string]string {
	t.Helper()
	media, params, err := mime.ParseMediaType(m.Header.Get("Content-Type"))
	if err != nil || !strings.HasPrefix(media, "multipart/") {
		t.Fatalf("want a multipart message, got %q (%v)", m.Header.Get("Content-Type"), err)
	}
	out := map[string]string{}
	mr := multipart.NewReader(bytes.NewReader(m.Body), params["boundary"])
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(p)
		ct, _, _ := mime.ParseMediaType(p.Header.Get("Content-Type"))
		out[ct] = string(b)
	}
}
