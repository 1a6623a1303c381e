// Package demo loads realistic sample data into an empty database, so a
// new installation can be explored at once. Its generator also feeds the
// benchmarks' million contacts.
//
// It must not import web or any domain package: only store and model.
package demo
