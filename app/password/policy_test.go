package password

import (
	"strings"
	"testing"
)

func TestPolicy(t *testing.T) {
	cases := []struct {
		pw, email string
		ok        bool
	}{
		{"seven77", "ann@example.com", false},
		{"k7#vQ2!m", "ann@example.com", true},
		{"eight888", "ann@example.com", false}, // a word and a repeat
		{"password123", "ann@example.com", false},
		{"welcome123", "ann@example.com", false},
		{"admin1234", "ann@example.com", false},
		{"P@ssw0rd", "ann@example.com", false},
		{"Passw0rd!", "ann@example.com", false},
		{"Summer2024", "ann@example.com", false},
		{"xx-annabel-xx", "annabel@example.com", false},
		{"password", "ann@example.com", false},
		{"PassWord1", "ann@example.com", false}, // the list is checked ignoring case
		{"Trustno1", "ann@example.com", false},
		{"corn flakes at noon", "ann@example.com", true},
		{strings.Repeat("p", 257), "ann@example.com", false},
		{"비밀번호는아주길다", "ann@example.com", true},
	}
	for _, tc := range cases {
		if err := Validate(tc.pw, tc.email); (err == nil) != tc.ok {
			t.Errorf("Validate(%q, %q) = %v, want ok=%v", tc.pw, tc.email, err, tc.ok)
		}
	}
}

func TestCommonListIsLoaded(t *testing.T) {
	if len(common) < 1500 {
		t.Fatalf("only %d common passwords loaded", len(common))
	}
	for pw := range common {
		if len([]rune(pw)) < MinLen {
			t.Errorf("%q is shorter than the length rule already refuses", pw)
		}
	}
}

func TestCheck(t *testing.T) {
	h, err := Hash("correct horse")
	if err != nil {
		t.Fatal(err)
	}
	if !Check("correct horse", h) || Check("correct horsE", h) || Check("", "") {
		t.Fatal("Check accepts a wrong password or refuses the right one")
	}
}
