package agent

import (
	"strings"
	"testing"
)

// TestPasswordPolicy holds agents and admins to the customers' policy,
// the list of common passwords included.
func TestPasswordPolicy(t *testing.T) {
	cases := []struct {
		pw, email string
		ok        bool
	}{
		{"seven77", "ann@example.com", false},
		{"k7#vQ2!m", "ann@example.com", true},
		{"xx-annabel-xx", "annabel@example.com", false},
		{"xx-ANNABEL-xx", "annabel@example.com", false},
		{strings.Repeat("p", 257), "ann@example.com", false},
		{"비밀번호는길다", "ann@example.com", false}, // 7 characters, though 21 bytes
		{"비밀번호는아주길다", "ann@example.com", true},
		{"password", "ann@example.com", false},
		{"Password1", "ann@example.com", false},
		{"iloveyou", "ann@example.com", false},
		{"correct horse battery", "ann@example.com", true},
	}
	for _, tc := range cases {
		if err := ValidatePassword(tc.pw, tc.email); (err == nil) != tc.ok {
			t.Errorf("ValidatePassword(%q, %q) = %v, want ok=%v", tc.pw, tc.email, err, tc.ok)
		}
	}
}

func TestHashIsArgon2idAndChecks(t *testing.T) {
	h, err := HashPassword("correct horse")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=19456,t=2,p=1$") {
		t.Fatalf("hash %q does not use OWASP's argon2id parameters", h)
	}
	if !checkPassword("correct horse", h) || checkPassword("correct horsE", h) || checkPassword("", "") {
		t.Fatal("checkPassword accepts the wrong password or rejects the right one")
	}
}
