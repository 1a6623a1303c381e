// Package activation owns the one-time links emailed to contacts: the
// activation email that invites a contact to the portal, the password
// reset link, sending them one at a time, automatically to new contacts,
// or in bulk as a background job, and redeeming them, which verifies the
// contact.
//
// Other features send activation through Service.Send and
// Service.SendAuto, and finish it through Service.Complete. It holds the
// rules and no SQL or HTTP: it imports model, store, mail, jobs,
// contact, password, token and wording.
package activation
