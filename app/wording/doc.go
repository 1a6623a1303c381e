// Package wording says numbers the way Portico's readers expect, alike
// on the command line, in emails and on the pages: "1 row", "2 rows",
// "44,000 rows".
//
// It imports nothing of Portico's.
package wording
