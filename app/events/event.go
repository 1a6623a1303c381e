package events

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"
)

// Version is the version of every payload's JSON shape. It changes only
// when a field is renamed or removed; new fields keep it.
const Version = 1

// Payload is the data of one event type.
type Payload interface {
	// EventType is the event's type, such as "contact.created".
	EventType() string
}

// Subject is implemented by payloads about one contact, so erasing that
// contact can find and erase the personal data its events hold.
type Subject interface {
	SubjectContact() int64
}

// CompanySubject is implemented by payloads about one company, so the
// delivery log can name and filter by it and its events keep their order.
type CompanySubject interface {
	SubjectCompany() int64
}

// Envelope is what every event looks like on the wire.
type Envelope struct {
	Type      string    `json:"type"`
	Version   int       `json:"version"`
	Timestamp time.Time `json:"timestamp"`
	Data      any       `json:"data"`
}

// Event is one stored event: its id, its type and its encoded envelope.
type Event struct {
	// Position orders events by commit; zero until stored.
	Position  int64
	ID        string
	Type      string
	Payload   []byte
	ContactID int64
	// CompanyID is the company the event is about, if any.
	CompanyID int64
	// Resource is what the event is about (see ResourceOf).
	Resource  string
	CreatedAt time.Time
	// Lane is LaneInteractive or LaneBulk; Entry is the event's index in
	// its bulk batch, which shares one Position.
	Lane  string
	Entry int
}

// New encodes p into an event with a fresh id. The id is a version 7
// UUID, so ids sort by creation time.
func New(p Payload, at time.Time) (Event, error) {
	at = at.UTC()
	b, err := json.Marshal(Envelope{Type: p.EventType(), Version: Version, Timestamp: at, Data: p})
	if err != nil {
		return Event{}, fmt.Errorf("events: encode %s: %w", p.EventType(), err)
	}
	ev := Event{ID: NewID(), Type: p.EventType(), Payload: b, CreatedAt: at}
	if s, ok := p.(Subject); ok {
		ev.ContactID = s.SubjectContact()
	}
	if s, ok := p.(CompanySubject); ok {
		ev.CompanyID = s.SubjectCompany()
	}
	ev.Resource = ResourceOf(p)
	return ev, nil
}

// NewID returns a fresh event id: "evt_" and 32 hex digits.
func NewID() string {
	return "evt_" + strings.ReplaceAll(uuid.Must(uuid.NewV7()).String(), "-", "")
}
