// Package bulk applies one change to many contacts an agent selected on
// the contacts list: add or remove a tag, add to a company, block or
// unblock, delete or restore. A selection is the contacts ticked on a
// page, done at once, or every contact a list's view, search and filters
// match, done by a background job with progress that can be cancelled.
//
// Each contact is changed through the store method that changes one
// contact, which writes its audit entry and event in the same
// transaction; contacts the change does not apply to are skipped and
// counted by reason ("3 skipped (already tagged)"). The activation email
// and exports have their own jobs, started for a selection by the web
// layer. It imports contact, jobs, model and store.
package bulk
