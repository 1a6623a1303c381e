package e2e

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"
)

// console is what a tab reported as wrong, and what its test said to
// expect.
type console struct {
	mu       sync.Mutex
	bad      []string
	expected []string
}

// watchConsole collects every error the tab's console shows: uncaught
// exceptions, console.error calls (htmx logs a failed request there),
// browser log errors such as a resource that failed to load, and any
// security message, which is how a Content Security Policy violation
// arrives. Each fails the test when it ends, unless the test expected it.
func watchConsole(t *testing.T, tab context.Context) *console {
	c := &console{}
	msgs := chromedp.Console(tab)
	go func() {
		for m, err := range msgs {
			if err != nil {
				return
			}
			if m.IsException() || m.Type == chromedp.ConsoleError || m.Source == "security" {
				c.mu.Lock()
				c.bad = append(c.bad, m.String()+" "+m.URL)
				c.mu.Unlock()
			}
		}
	}()
	t.Cleanup(func() {
		for _, m := range c.unexpected() {
			t.Errorf("browser console: %s", m)
		}
	})
	return c
}

// unexpected is every message that no expected text matches.
func (c *console) unexpected() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []string
	for _, m := range c.bad {
		if !c.matches(m) {
			out = append(out, m)
		}
	}
	return out
}

func (c *console) matches(m string) bool {
	for _, e := range c.expected {
		if strings.Contains(m, e) {
			return true
		}
	}
	return false
}

// expectConsole lets console errors that contain text pass, for a test
// that provokes them on purpose, such as a refused request.
func (p *page) expectConsole(text string) {
	p.console.mu.Lock()
	defer p.console.mu.Unlock()
	p.console.expected = append(p.console.expected, text)
}
