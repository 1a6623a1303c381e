package model

import "time"

// WebhookEndpoint is a URL that receives signed events.
type WebhookEndpoint struct {
	ID          int64
	URL         string
	Description string
	// EventTypes are the types it receives; empty means every type.
	EventTypes     []string
	Enabled        bool
	DisabledReason string
	// Secret signs requests; PreviousSecret also signs them until
	// PreviousExpiresAt, after a rotation.
	Secret            string
	PreviousSecret    string
	PreviousExpiresAt *time.Time
	Headers           map[string]string
	FailingSince      *time.Time
	LastSuccessAt     *time.Time
	CreatedAt         time.Time
	UpdatedAt         time.Time
}

// Wants reports whether the endpoint subscribes to an event type.
func (e *WebhookEndpoint) Wants(eventType string) bool {
	if len(e.EventTypes) == 0 {
		return true
	}
	for _, t := range e.EventTypes {
		if t == eventType {
			return true
		}
	}
	return false
}

// FailingNow is when the endpoint's current failure streak began, or nil
// when it is not failing: a streak that a later success ended is not
// shown, even when an attempt that failed earlier was recorded after it.
func (e *WebhookEndpoint) FailingNow() *time.Time {
	if e.FailingSince == nil || e.LastSuccessAt != nil && !e.LastSuccessAt.Before(*e.FailingSince) {
		return nil
	}
	return e.FailingSince
}

// DeliveryState is where a webhook delivery is.
type DeliveryState string

const (
	DeliveryPending   DeliveryState = "pending"
	DeliverySending   DeliveryState = "sending"
	DeliveryDelivered DeliveryState = "delivered"
	DeliveryFailed    DeliveryState = "failed"
)

// WebhookDelivery is one event on its way to one endpoint.
type WebhookDelivery struct {
	ID         int64
	EndpointID int64
	EventID    string
	EventType  string
	// Lane is the lane of the delivery's event, "interactive" or "bulk".
	Lane string
	// EventPosition and Entry locate the event's payload: its events row
	// and, for a bulk batch, its index there.
	EventPosition int64
	Entry         int
	State         DeliveryState
	Attempts      int
	NextAttemptAt time.Time
	LastStatus    int
	LastError     string
	CreatedAt     time.Time
	DeliveredAt   *time.Time
	// Payload is the event's JSON, filled when a delivery is claimed.
	Payload []byte
	// EventAt is when the event was written, filled when claimed.
	EventAt time.Time
	// About is the contact or company the event concerns, filled by
	// the delivery log.
	About DeliverySubject
}

// DeliverySubject is the contact or company a delivery's event is
// about, so the log can name it, link to it and filter by it.
type DeliverySubject struct {
	ContactID, CompanyID int64
	// Name is the contact's or company's name now, or, for a deleted
	// company, the name its events last gave it.
	Name string
	// Gone is set when the company no longer exists.
	Gone bool
}

// ContactDelivery is one delivery of an event about a contact, with the
// endpoint it goes to, as the contact's page lists them.
type ContactDelivery struct {
	WebhookDelivery
	EndpointURL string
}

// WebhookAttempt is one request of a delivery, as the log shows it.
type WebhookAttempt struct {
	ID             int64
	DeliveryID     int64
	AttemptedAt    time.Time
	Status         int
	Duration       time.Duration
	RequestHeaders map[string]string
	RequestBody    string
	ResponseBody   string
	Error          string
}

// Succeeded reports whether the endpoint answered 2xx.
func (a *WebhookAttempt) Succeeded() bool { return a.Status >= 200 && a.Status < 300 && a.Error == "" }

// WebhookOutcome is how one attempt ended, as the worker records it:
// the attempt, and what becomes of the delivery and its endpoint.
type WebhookOutcome struct {
	Delivery WebhookDelivery
	Attempt  WebhookAttempt
	// NextAttemptAt is zero when the delivery is finished.
	NextAttemptAt time.Time
	// Disable, when not empty, disables the endpoint with this reason.
	Disable string
}

// DeliveryQuery selects a page of an endpoint's delivery log.
type DeliveryQuery struct {
	EndpointID int64
	State      DeliveryState // empty for all
	EventType  string        // empty for all
	// ContactID and CompanyID keep the deliveries about that contact or
	// company; zero for all.
	ContactID, CompanyID int64
	// Before pages back: deliveries with an id below it; zero for the newest.
	Before  int64
	PerPage int
}

// DeliveryPage is one page of a delivery log, newest first.
type DeliveryPage struct {
	Deliveries []WebhookDelivery
	// Next is the Before of the next page; zero on the last one.
	Next int64
}

// EndpointTakenError says that another endpoint already has a URL: a
// second one would make its receiver get every event twice. The form
// links to the one that exists.
type EndpointTakenError struct {
	URL        string
	EndpointID int64
}

func (e *EndpointTakenError) Error() string { return "webhook endpoint " + e.URL + " already exists" }

// Is makes errors.Is(err, ErrConflict) true for a taken URL.
func (e *EndpointTakenError) Is(target error) bool { return target == ErrConflict }
