package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/emersion/go-vcard"
)

// current is a card as the server has it now.
type current struct {
	status int
	etag   string
	card   vcard.Card
}

// request sends one plain request for a card; classified failures (401,
// server down) come back as errors, item answers as the status.
func (b *book) request(ctx context.Context, method, id string, header http.Header, body []byte) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, method, b.objectURL(id), bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	for k, v := range header {
		req.Header[k] = v
	}
	return b.http.Do(req)
}

// get reads a card; a missing one has status 404 and no card.
func (b *book) get(ctx context.Context, id string) (current, error) {
	resp, err := b.request(ctx, http.MethodGet, id, nil, nil)
	if err != nil {
		return current{}, err
	}
	defer resp.Body.Close()
	cur := current{status: resp.StatusCode, etag: resp.Header.Get("ETag")}
	if resp.StatusCode != http.StatusOK {
		return cur, nil
	}
	cur.card, err = vcard.NewDecoder(resp.Body).Decode()
	if err != nil {
		return cur, fmt.Errorf("the server's vCard %s cannot be read: %w", id, err)
	}
	return cur, nil
}

// put writes a card under a precondition: "If-None-Match: *" to create,
// "If-Match: <etag>" to replace. It returns the status and the new ETag,
// or the server's explanation of a refusal.
func (b *book) put(ctx context.Context, id string, c vcard.Card, cond, value string) (int, string, string, error) {
	var body bytes.Buffer
	if err := vcard.NewEncoder(&body).Encode(c); err != nil {
		return 0, "", "", err
	}
	h := http.Header{"Content-Type": {"text/vcard; charset=utf-8"}, cond: {value}}
	resp, err := b.request(ctx, http.MethodPut, id, h, body.Bytes())
	if err != nil {
		return 0, "", "", err
	}
	defer resp.Body.Close()
	return resp.StatusCode, resp.Header.Get("ETag"), explain(resp), nil
}

// explain keeps the start of a refusal's body, e.g. Radicale's
// <no-uid-conflict/>, for the message shown to the admin.
func explain(resp *http.Response) string {
	if resp.StatusCode < 300 {
		return ""
	}
	b, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
	msg := resp.Status
	if s := strings.Join(strings.Fields(string(b)), " "); s != "" {
		msg += ": " + s
	}
	return msg
}
