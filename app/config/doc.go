// Package config reads Portico's settings from flags and PORTICO_*
// environment variables and validates them once, at start.
//
// It imports nothing of Portico's.
package config
