// Package oneline cleans the one-line values people type or import:
// names, titles, phone numbers.
//
// It imports nothing of Portico's.
package oneline
