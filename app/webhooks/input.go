package webhooks

import (
	"net/netip"
	"net/url"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/http/httpguts"

	"github.com/portico-hub/portico/app/events"
	"github.com/portico-hub/portico/app/model"
)

// EndpointInput is what an admin enters for an endpoint.
type EndpointInput struct {
	URL         string
	Description string
	// EventTypes are the types wanted; empty means all of them.
	EventTypes []string
	Enabled    bool
	// Headers are extra request headers, one "Name: value" per line.
	Headers string
}

// reservedHeaders are set by Portico on every request and cannot be
// replaced by an endpoint's own headers.
var reservedHeaders = []string{"content-type", "content-length", "host", "transfer-encoding", "connection",
	"webhook-id", "webhook-timestamp", "webhook-signature"}

const maxHeaders = 20

// validate checks the input and returns the endpoint it describes.
func (in EndpointInput) validate(guard func(netip.Addr) error) (model.WebhookEndpoint, error) {
	v := &model.ValidationError{}
	ep := model.WebhookEndpoint{Description: strings.TrimSpace(in.Description), Enabled: in.Enabled}
	ep.URL = checkURL(v, strings.TrimSpace(in.URL), guard)
	if utf8.RuneCountInString(ep.Description) > 500 {
		v.Add("description", "Keep the description under 500 characters.")
	}
	for _, t := range in.EventTypes {
		if !events.Known(t) {
			v.Add("event_types", "Choose event types from the list.")
		} else if !slices.Contains(ep.EventTypes, t) {
			ep.EventTypes = append(ep.EventTypes, t)
		}
	}
	ep.Headers = parseHeaders(v, in.Headers)
	return ep, v.Err()
}

// checkURL accepts absolute http and https URLs without credentials. An
// address written as an IP (or localhost) is checked now; a host name is
// checked each time it is connected to, after DNS.
func checkURL(v *model.ValidationError, raw string, guard func(netip.Addr) error) string {
	u, err := url.Parse(raw)
	switch {
	case raw == "":
		v.Add("url", "Enter the URL that receives the webhooks.")
	case err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() == "":
		v.Add("url", "Enter an absolute http:// or https:// URL, such as https://example.com/hooks/portico.")
	case u.User != nil:
		v.Add("url", "Leave credentials out of the URL; send them in a custom header such as Authorization.")
	case len(raw) > 2000:
		v.Add("url", "Keep the URL under 2,000 characters.")
	case refusedHost(u.Hostname(), guard):
		v.Add("url", "This address is loopback, private, link-local or reserved, which webhooks may not reach. "+
			"For a receiver on your own network, list its network in PORTICO_WEBHOOK_ALLOW_NETS.")
	default:
		u.Fragment = ""
		return u.String()
	}
	return raw
}

func refusedHost(host string, guard func(netip.Addr) error) bool {
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		host = "127.0.0.1"
	}
	a, err := netip.ParseAddr(strings.Trim(host, "[]"))
	if err != nil {
		return false
	}
	return guard(a.Unmap()) != nil
}

// parseHeaders reads "Name: value" lines.
func parseHeaders(v *model.ValidationError, text string) map[string]string {
	out := map[string]string{}
	for line := range strings.Lines(text) {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		name, value, ok := strings.Cut(line, ":")
		name, value = strings.TrimSpace(name), strings.TrimSpace(value)
		switch {
		case !ok || !httpguts.ValidHeaderFieldName(name) || !httpguts.ValidHeaderFieldValue(value):
			v.Add("headers", "Write one header per line as Name: value.")
		case slices.Contains(reservedHeaders, strings.ToLower(name)):
			v.Add("headers", "Portico sets "+name+" itself; choose another header.")
		case len(out) >= maxHeaders:
			v.Add("headers", "Use at most 20 custom headers.")
		default:
			out[name] = value
		}
	}
	return out
}
