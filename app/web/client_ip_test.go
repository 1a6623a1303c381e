package web

import (
	"io"
	"net/http/httptest"
	"testing"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/config"
)

// TestClientIPIsTheRightmostUntrustedHop reads X-Forwarded-For as the
// test transport's peer, 0.0.0.0, sends it: only entries appended by
// trusted proxies are skipped, so what a client writes on the left is
// never taken.
func TestClientIPIsTheRightmostUntrustedHop(t *testing.T) {
	cases := []struct {
		trusted string
		xff     []string
		want    string
	}{
		{"", []string{"198.51.100.1"}, "0.0.0.0"}, // no proxy trusted: the header is ignored
		{"0.0.0.0/32", nil, "0.0.0.0"},
		{"0.0.0.0/32", []string{"198.51.100.1"}, "198.51.100.1"},
		{"0.0.0.0/32", []string{"6.6.6.6, 198.51.100.1"}, "198.51.100.1"},
		{"0.0.0.0/32,10.0.0.0/8", []string{"6.6.6.6, 198.51.100.1, 10.0.0.2"}, "198.51.100.1"},
		{"0.0.0.0/32,10.0.0.0/8", []string{"6.6.6.6, 198.51.100.1", "10.0.0.2"}, "198.51.100.1"},
		{"0.0.0.0/32", []string{"6.6.6.6,198.51.100.1:4711"}, "198.51.100.1"},
		{"0.0.0.0/32", []string{"[2001:db8::1]:4711"}, "2001:db8::1"},
		{"0.0.0.0/32", []string{"::ffff:198.51.100.1"}, "198.51.100.1"},
		{"0.0.0.0/32,10.0.0.0/8", []string{"6.6.6.6, unknown, 10.0.0.2"}, "10.0.0.2"},
		{"0.0.0.0/32,10.0.0.0/8", []string{"10.0.0.3, 10.0.0.2"}, "10.0.0.3"},
	}
	for _, tc := range cases {
		cfg := config.Default()
		cfg.TrustedProxiesRaw = tc.trusted
		if err := cfg.ValidateOnly("trusted-proxies"); err != nil {
			t.Fatal(err)
		}
		s := &Server{cfg: cfg}
		app := fiber.New()
		app.Use(s.findClient)
		app.Get("/", func(c *fiber.Ctx) error { return c.SendString(clientIP(c)) })
		req := httptest.NewRequest("GET", "/", nil)
		for _, h := range tc.xff {
			req.Header.Add("X-Forwarded-For", h)
		}
		resp, err := app.Test(req)
		if err != nil {
			t.Fatal(err)
		}
		got, _ := io.ReadAll(resp.Body)
		if string(got) != tc.want {
			t.Errorf("trusting %q, X-Forwarded-For %q: client %s, want %s", tc.trusted, tc.xff, got, tc.want)
		}
	}
}
