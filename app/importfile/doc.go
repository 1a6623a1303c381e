// Package importfile turns an uploaded contacts file into rows, and rows
// into validated contact input with an error for each cell that is wrong.
//
// A companies file is mapped the same way (SuggestCompanyMapping,
// ParseCompanyMapping) and read as text (Mapping.CompanyCells), which the
// importer checks with the company rules.
//
// It owns the file side of an import: recognising CSV and Excel (.xlsx)
// files, their character encoding and delimiter (Detect), reading them as a
// stream within limits (Open, Reader), suggesting which column fills which
// contact field (SuggestMapping, Mapping) and applying a mapping to a row
// (Mapping.Apply). Everything it reports to a person, a *FileError, a
// Row.Problem or a CellError, is worded to be shown as it is.
//
// It runs no SQL and no HTTP and keeps no state between files. Of
// Portico's packages it imports model and contact (for the contact
// rules) only; never store, web or a job package. The import job
// that calls it decides what a row does to the database, and resumes an
// interrupted file with Reader.SkipTo.
package importfile
