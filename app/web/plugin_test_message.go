package web

import (
	"fmt"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/pluginhost"
)

// testMessagePage is the channel's answer to "Send a test message".
type testMessagePage struct {
	Base
	Address string
	pluginhost.TestResult
}

// testMessageLimit bounds a test message's text.
const testMessageLimit = 1000

// instanceTestMessage sends a test message through a notifier instance
// now, outside the outbox, and shows what the channel answered: in place
// for HTMX, flashed on the instance page otherwise.
func (s *Server) instanceTestMessage(c *fiber.Ctx) error {
	pl, err := s.pluginParam(c)
	if err != nil {
		return err
	}
	in, err := s.instanceParam(c, pl.ID)
	if err != nil {
		return err
	}
	m := pluginhost.TestMessage{InstanceID: in.ID, AddressKind: c.FormValue("kind"),
		Address: strings.TrimSpace(c.FormValue("address")), Text: strings.TrimSpace(c.FormValue("text"))}
	p := testMessagePage{Base: base(c, in.Name, "plugins"), Address: m.Address, TestResult: badTestMessage(m)}
	if p.Kind == "" {
		if p.TestResult, err = s.plugins.SendTest(c.UserContext(), m); err != nil {
			return err
		}
	}
	if !isPartial(c) {
		flash(c, p.summary())
		return redirect(c, instanceURL(pl.ID, in.ID))
	}
	return render(c, fiber.StatusOK, "plugins/_test_message", "plugins/_test_message", p)
}

// badTestMessage refuses a test message before it is sent: a result with
// Kind set, or the zero result for one that may go.
func badTestMessage(m pluginhost.TestMessage) pluginhost.TestResult {
	switch {
	case m.Address == "":
		return pluginhost.TestResult{Kind: "not sent", Message: "Enter the address to send the test to."}
	case m.Text == "":
		return pluginhost.TestResult{Kind: "not sent", Message: "Enter a short text."}
	case len([]rune(m.Text)) > testMessageLimit:
		return pluginhost.TestResult{Kind: "not sent", Message: "Keep a test message under 1,000 characters."}
	}
	return pluginhost.TestResult{}
}

// summary is the answer in one sentence, for the flash.
func (p testMessagePage) summary() string {
	if p.OK {
		return fmt.Sprintf("Test message to %s accepted: id %s, %d segment(s).", p.Address, p.ProviderID, p.Segments)
	}
	return fmt.Sprintf("Test message not delivered (%s): %s", p.Kind, p.Message)
}

// instanceKinds returns the address kinds of a notifier's instance, none
// for other plugins.
func (s *Server) instanceKinds(c *fiber.Ctx, id int64) ([]string, error) {
	chs, err := s.plugins.Channels(c.UserContext())
	if err != nil {
		return nil, err
	}
	for _, ch := range chs {
		if ch.Instance.ID == id {
			return ch.AddressKinds, nil
		}
	}
	return nil, nil
}
