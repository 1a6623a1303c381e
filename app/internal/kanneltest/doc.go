// Package kanneltest starts a real Kannel SMS gateway on loopback for
// Portico's tests: bearerbox, the fake SMSC that logs every SMS it is
// given, and smsbox serving HTTP sendsms. Received reads that log, so a
// test proves which text reached which number. Only tests import it.
//
// It imports the plugin SDK's test kit and nothing else of Portico's.
package kanneltest
