package web

import "time"

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
