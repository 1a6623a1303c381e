// Package imports applies contact and company files to the database: it
// previews a file (Prepare, PrepareFor a kind), counts what an import
// would do (DryRun) and runs an import as a durable background job
// (Start, Register). It holds no HTTP; the web wizard and the command
// line both call it.
//
// What an import does, row by row:
//
//   - Rows apply in file order, as if one at a time.
//   - A row matches a stored contact by the chosen key: email (any of the
//     contact's addresses), external id, or phone (its phone or mobile).
//     A row whose addresses or number lead to two contacts fails.
//   - Mode create only creates (a matching row is skipped), update only
//     updates (a row without a match is skipped), upsert does both.
//   - A matched contact is updated only where the row differs from it;
//     a row that changes nothing is skipped. Blank cells leave fields
//     alone (BlankKeep) or clear them (BlankClear); a cleared name fails
//     the row. Extra email columns add secondary addresses, a tags cell
//     replaces the tags, and a company cell joins the company of that
//     name, created when none exists. No import removes an address or
//     leaves a company.
//   - No duplicate is ever created: when two rows of a file share an
//     address, the later row updates the contact the earlier one made.
//   - A row that cannot apply fails with its row number and reason (a bad
//     cell, an address held by another contact or an agent, a deleted
//     contact) and the import goes on. Created + updated + skipped +
//     failed is always the number of rows in the file.
//
// Rows are written in batches. A batch's contacts, its failed rows, the
// counters and the checkpoint (its last row) commit in one transaction,
// and a batch ends early before a row that touches what an earlier row of
// the batch touched, so batching never changes the outcome. A worker that
// dies loses at most the batch in flight; the next one reopens the file,
// skips to the checkpoint and finishes with the counts an uninterrupted
// run has. A checkpoint that moved under a batch (another worker took the
// job over) rolls that batch back.
//
// A companies file (Params.Kind KindCompanies) runs through the same
// job, batches and checkpoints, with the same modes, blank rule and
// counts. A row finds its company by name, ignoring case; a row never
// renames a company. Rows apply one after another within a batch's
// transaction, so a later row sees what an earlier one wrote, and a name
// that repeats updates the company its first row made. Domains (one cell
// with several, or several columns) are added, never removed, and each
// new one links the contacts at it as the company form does. A row fails
// when a cell breaks the company rules (a public mail domain, a bad date
// or pick-list value) or when another company lists a domain it adds.
//
// New contacts of an import asking for the activation email are noted as
// they are created, and emailed only when the import finishes as done. A
// cancelled or failed import (often the wrong file) holds their emails:
// ActivationsOf says so, and SendHeld sends them when its importer or an
// admin asks.
//
// It imports importfile, jobs, contact, company, model and store.
package imports
