// Package storetest seeds a store with many realistic contacts, for
// benchmarks in any package, moves its clock, and lists the events a
// webhook endpoint is due. Only tests import it.
//
// It imports store, model, demo and testkit only, never a domain package.
package storetest
