package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/portico-hub/portico/plugins/sdk"
)

// gateway is one configured Kannel.
type gateway struct {
	cfg      settings
	password string
	instance string
	timeout  time.Duration
	reports  *reportListener
}

// Close stops the delivery-report listener of a replaced instance.
func (g *gateway) Close() error {
	if g.reports != nil {
		return g.reports.Close()
	}
	return nil
}

// CheckHealth asks Kannel to send nothing: it checks the credentials
// first, so 403 means they are wrong and any other answer that they work.
func (g *gateway) CheckHealth(ctx context.Context) (string, error) {
	status, body, err := g.get(ctx, url.Values{})
	if err != nil {
		return "", err
	}
	if status == http.StatusForbidden {
		return "", sdk.Unauthorized(fmt.Sprintf("Kannel refuses user %s: %s", g.cfg.Username, body))
	}
	return fmt.Sprintf("Kannel at %s accepts user %s", g.cfg.URL, g.cfg.Username), nil
}

// Send composes the SMS (text, then the link), refuses it when longer than
// six parts, and hands it to Kannel with a delivery-report URL that names
// the message's key.
func (g *gateway) Send(ctx context.Context, m sdk.Message) (sdk.Receipt, error) {
	to, err := g.ValidateAddress(ctx, m.AddressKind, m.Address)
	if err != nil {
		return sdk.Receipt{}, err
	}
	text := compose(m.Text, m.Link)
	measure, err := limits.Check(text)
	if err != nil {
		return sdk.Receipt{}, err
	}
	id := providerID()
	q := url.Values{"to": {to}, "text": {text}, "charset": {"UTF-8"}, "coding": {"0"}}
	if measure.Unicode {
		q.Set("coding", "2")
	}
	if g.reports != nil {
		q.Set("dlr-mask", "31")
		q.Set("dlr-url", g.reports.callback(m.Key, id))
	}
	status, body, err := g.get(ctx, q)
	if err != nil {
		return sdk.Receipt{}, err
	}
	if err := classify(status, body); err != nil {
		return sdk.Receipt{}, err
	}
	return sdk.Receipt{ProviderID: id, Segments: measure.Segments}, nil
}

// compose strips control characters (an SMS is plain text: markup stays
// as typed) and appends the link unless the text already holds it.
func compose(text, link string) string {
	text = strings.TrimSpace(sdk.PlainText(text))
	link = strings.TrimSpace(sdk.PlainText(link))
	if link == "" || strings.Contains(text, link) {
		return text
	}
	if text == "" {
		return link
	}
	return text + " " + link
}

// get calls sendsms with the credentials and q, under the timeout.
func (g *gateway) get(ctx context.Context, q url.Values) (int, string, error) {
	ctx, cancel := context.WithTimeout(ctx, g.timeout)
	defer cancel()
	q.Set("username", g.cfg.Username)
	q.Set("password", g.password)
	if g.cfg.From != "" {
		q.Set("from", g.cfg.From)
	}
	if g.cfg.SMSC != "" {
		q.Set("smsc", g.cfg.SMSC)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, g.cfg.URL+"?"+q.Encode(), nil)
	if err != nil {
		return 0, "", sdk.InvalidConfig(err.Error())
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return 0, "", sdk.Temporary(fmt.Sprintf("Kannel did not answer within %s", g.timeout))
		}
		return 0, "", sdk.Unreachable(fmt.Sprintf("cannot reach Kannel at %s: %v", g.cfg.URL, err))
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
	if resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable {
		return 0, "", busy(resp)
	}
	return resp.StatusCode, strings.TrimSpace(string(body)), nil
}

func providerID() string {
	b := make([]byte, 8)
	rand.Read(b)
	return "kannel-" + hex.EncodeToString(b)
}
