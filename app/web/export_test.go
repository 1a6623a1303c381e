package web

// SetPortal wires a portal sign-in into the passkey handlers, as the
// portal does, for tests of those handlers on their own.
func (s *Server) SetPortal(signIn signInFunc, current currentFunc, hasPassword hasPasswordFunc) {
	s.signInCustomer, s.currentCustomer, s.customerHasPassword = signIn, current, hasPassword
}
