// Package model holds Portico's plain data types and the sentinel errors that
// every layer compares with errors.Is.
//
// It must not import any other Portico package: everything else imports it.
package model
