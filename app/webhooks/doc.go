// Package webhooks sends Portico's events to the endpoints admins
// register, signed by the Standard Webhooks specification.
//
// Events come from the store's transactional outbox. A Worker fans each
// committed event out into one delivery per subscribed endpoint (a bulk
// batch's entries a window at a time, after every interactive delivery,
// each contact's and company's in commit order), sends deliveries with
// leases (a crash sends a webhook again, never loses one), retries failures on a fixed schedule with jitter, caps the
// requests in flight per endpoint so a slow receiver never delays the
// others, and disables endpoints that answer 410 Gone or have failed for
// five days. Service holds what the admin pages need: endpoints, secrets,
// the delivery log and resending.
//
// Outbound requests are checked when they connect (after DNS, so
// rebinding cannot get around it): loopback, private, link-local and
// cloud-metadata addresses are refused unless allow-listed.
//
// It imports events, mail, model and store; never web.
package webhooks
