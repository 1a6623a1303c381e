package sdk

import (
	"context"
	"fmt"
	"time"
)

// Notifier is implemented by the instances of a notification channel
// plugin: one that delivers Portico's messages (activation links, notices)
// by SMS, chat or any other medium.
type Notifier interface {
	// ValidateAddress returns the address as the channel writes it, or an
	// InvalidAddress error whose message tells the person what is wrong.
	// It must not contact anyone.
	ValidateAddress(ctx context.Context, kind, address string) (string, error)
	// Send hands one message to the channel and returns the channel's id
	// for it. The SDK has already refused a key it saw accepted (see
	// Receipt.Duplicate), so Send only sends. Fail with Temporary,
	// RateLimited, Unreachable, Permanent, InvalidAddress or TooLong.
	Send(ctx context.Context, m Message) (Receipt, error)
}

// DeliveryReporter is implemented by notifier instances that learn what
// happened to a message after Send, e.g. from an SMS gateway's delivery
// reports. Declare CapDeliveryReports in Info.Capabilities as well.
type DeliveryReporter interface {
	// DeliveryReports sends reports until ctx ends or send fails, and
	// should hold reports that arrive while no stream is open.
	DeliveryReports(ctx context.Context, send func(DeliveryReport) error) error
}

// CapDeliveryReports is the capability of notifiers whose instances
// implement DeliveryReporter.
const CapDeliveryReports = "notifier.delivery_reports"

// Message is one message to deliver.
type Message struct {
	// Key is the idempotency key: a retried message has the same key.
	Key         string
	AddressKind string
	Address     string
	// Text is plain text from the host; pass names through PlainText.
	Text   string
	Link   string
	Locale string
}

// Receipt is the channel's answer to an accepted message.
type Receipt struct {
	ProviderID string
	// Segments is how many parts the message used (SMS), or 0.
	Segments int
	// Duplicate says the key was accepted before and nothing was sent
	// again; the SDK sets it.
	Duplicate bool
}

// DeliveryStatus is what a delivery report says.
type DeliveryStatus string

// The statuses of a delivery report.
const (
	Delivered DeliveryStatus = "delivered"
	Failed    DeliveryStatus = "failed"
	Pending   DeliveryStatus = "pending"
)

// DeliveryReport says what became of an accepted message.
type DeliveryReport struct {
	Key        string
	ProviderID string
	Status     DeliveryStatus
	Detail     string
	At         time.Time
}

// NotifierInfo is what a notifier declares in Info.Notifier.
type NotifierInfo struct {
	// AddressKinds are the kinds of address the channel handles, e.g.
	// "phone" or "xmpp".
	AddressKinds []string
	Limits       MessageLimits
}

func checkNotifier(i Info) error {
	if i.Notifier == nil || len(i.Notifier.AddressKinds) == 0 {
		return fmt.Errorf("a notifier must declare Info.Notifier.AddressKinds (e.g. \"phone\")")
	}
	return nil
}
