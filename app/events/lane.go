package events

import "strconv"

// The lanes events travel in. A consumer takes every interactive event
// before any bulk one, so one person's action is never queued behind the
// thousands of events of an import.
const (
	// LaneInteractive carries the events of a person's single action: a
	// verification, an edit, a merge, a ticket.
	LaneInteractive = "interactive"
	// LaneBulk carries the events of bulk operations: imports, bulk
	// sends, a company's new domain linking its contacts, syncs.
	LaneBulk = "bulk"
)

// ResourceOf names what a payload is about, "contact:42" or
// "company:7", or "" for nothing in particular. A consumer delivers the
// events of one resource in commit order.
func ResourceOf(p Payload) string {
	if s, ok := p.(Subject); ok && s.SubjectContact() != 0 {
		return "contact:" + strconv.FormatInt(s.SubjectContact(), 10)
	}
	if s, ok := p.(CompanySubject); ok && s.SubjectCompany() != 0 {
		return "company:" + strconv.FormatInt(s.SubjectCompany(), 10)
	}
	return ""
}
