package web

import (
	"context"
	"crypto/rand"
	"fmt"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/pluginhost"
)

// testMessage is an admin's test of a channel, and the channel's answer:
// accepted with its id and segments, or refused with the error kind
// (Refused) and the reason.
type testMessage struct {
	Base
	Kind, Address, Text string
	ProviderID          string
	Segments            int
	Refused, Reason     string
}

// testMessageLimit bounds a test message's text; testMessageWait how long
// the admin waits for the channel.
const (
	testMessageLimit = 1000
	testMessageWait  = 20 * time.Second
)

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
	m := testMessage{Base: base(c, in.Name, "plugins"), Kind: c.FormValue("kind"),
		Address: strings.TrimSpace(c.FormValue("address")), Text: strings.TrimSpace(c.FormValue("text"))}
	if m.Reason = m.problem(); m.Reason == "" {
		ctx, cancel := context.WithTimeout(c.UserContext(), testMessageWait)
		defer cancel()
		r, err := s.plugins.SendTest(ctx, in.ID, "test-"+rand.Text(), m.Kind, m.Address, m.Text)
		m.ProviderID, m.Segments = r.ProviderID, r.Segments
		if err != nil {
			m.Refused, m.Reason = pluginhost.Refusal(err)
		}
	}
	if !isPartial(c) {
		flash(c, m.summary())
		return redirect(c, instanceURL(pl.ID, in.ID))
	}
	return render(c, fiber.StatusOK, "plugins/_test_message", "plugins/_test_message", m)
}

// problem refuses a test message before it is sent, or returns "".
func (m *testMessage) problem() string {
	switch {
	case m.Address == "":
		m.Refused = "not sent"
		return "Enter the address to send the test to."
	case m.Text == "" || len([]rune(m.Text)) > testMessageLimit:
		m.Refused = "not sent"
		return "Enter a short text, under 1,000 characters."
	}
	return ""
}

// OK says the channel accepted the message.
func (m testMessage) OK() bool { return m.Refused == "" }

// summary is the answer in one sentence, for the flash.
func (m testMessage) summary() string {
	if m.OK() {
		return fmt.Sprintf("Test message to %s accepted: id %s, %d segment(s).", m.Address, m.ProviderID, m.Segments)
	}
	return fmt.Sprintf("Test message not delivered (%s): %s", m.Refused, m.Reason)
}

// instanceKinds returns the address kinds of a notifier's instance, none
// for other plugins.
func (s *Server) instanceKinds(c *fiber.Ctx, id int64) ([]string, error) {
	chs, err := s.plugins.Channels(c.UserContext())
	if err != nil {
		return nil, err
	}
	for _, ch := range chs {
		if ch.InstanceID == id {
			return ch.AddressKinds, nil
		}
	}
	return nil, nil
}
