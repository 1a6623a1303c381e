package token

import "testing"

// TestNewIsRandomAndHashIsStable checks that two tokens differ, that a
// hash is repeatable, and that the hash is not the token itself.
func TestNewIsRandomAndHashIsStable(t *testing.T) {
	a, b := New(), New()
	if a == b || len(a) != 43 {
		t.Fatalf("tokens %q and %q: want two different 43-character tokens", a, b)
	}
	if Hash(a) != Hash(a) || Hash(a) == Hash(b) || Hash(a) == a {
		t.Fatalf("Hash(%q) = %q: want a stable digest distinct per token", a, Hash(a))
	}
}
