// Package storetest seeds a store with many realistic contacts, for
// benchmarks in any package. Only tests import it.
//
// It imports store, model and demo only, never a domain package.
package storetest
