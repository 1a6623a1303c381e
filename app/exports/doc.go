// Package exports writes contacts to CSV and Excel files: the contacts of
// a list's view, search and filters, or all of them, with the fields an
// agent chose. The web UI runs an export as a background job (Start,
// Register) that emails its agent a download link when the file is
// ready; the command line writes a file directly (Write). It holds no
// HTTP and no SQL.
//
// A file re-imports with the import's suggested mapping and changes
// nothing: the headers are those the import recognises, every address
// has its own Email column (the primary first), the default company is
// in Company, and cells a spreadsheet would run as a formula get an
// apostrophe in front, which the import drops again.
//
// It imports jobs, mail, model and store.
package exports
