package webhooks

import (
	"net"
	"net/http"
	"net/netip"
	"time"

	"code.dny.dev/ssrf"
)

// Timeout is how long one attempt may take, answer included.
const Timeout = 10 * time.Second

// Guard returns the check every outbound connection passes: any port, but
// no loopback, private, link-local, cloud-metadata or other special
// address unless it is inside one of the allowed networks.
func Guard(allow []netip.Prefix) *ssrf.Guardian {
	var v4, v6 []netip.Prefix
	for _, p := range allow {
		if p.Addr().Is4() {
			v4 = append(v4, p)
		} else {
			v6 = append(v6, p)
		}
	}
	return ssrf.New(ssrf.WithAnyPort(), ssrf.WithAllowedV4Prefixes(v4...), ssrf.WithAllowedV6Prefixes(v6...))
}

// NewClient returns the HTTP client webhooks are sent with. The guard
// runs as the dialer's Control, on the address actually dialled. Proxies
// from the environment are ignored (they would dial for us, unchecked),
// and redirects are not followed: a 3xx is an answer like any other.
func NewClient(allow []netip.Prefix) *http.Client {
	dialer := &net.Dialer{Timeout: Timeout, Control: Guard(allow).Safe}
	tr := &http.Transport{
		DialContext:         dialer.DialContext,
		ForceAttemptHTTP2:   true,
		MaxIdleConnsPerHost: 64,
		IdleConnTimeout:     90 * time.Second,
		TLSHandshakeTimeout: Timeout,
	}
	return &http.Client{
		Transport:     tr,
		Timeout:       Timeout,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}
