package web

import "time"

// SetPortal wires a portal sign-in into the passkey handlers, as the
// portal does, for tests of those handlers on their own.
func (s *Server) SetPortal(signIn signInFunc, current currentFunc, hasPassword hasPasswordFunc) {
	s.signInCustomer, s.currentCustomer, s.customerHasPassword = signIn, current, hasPassword
}

// HoldParsers takes every turn to read an uploaded file and makes a
// reading refuse at once, until release is called: the server as it is
// while other uploads are being read.
func (s *Server) HoldParsers() (release func()) {
	s.parsers.wait = 0
	for range parsersMax {
		s.parsers.turns <- struct{}{}
	}
	return func() {
		for range parsersMax {
			<-s.parsers.turns
		}
		s.parsers.wait = 20 * time.Second
	}
}
