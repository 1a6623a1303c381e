package exports

import "testing"

func TestContactsCount(t *testing.T) {
	for n, want := range map[int]string{0: "0 contacts", 1: "1 contact", 999: "999 contacts", 1234: "1,234 contacts", 1234567: "1,234,567 contacts"} {
		if got := contacts(n); got != want {
			t.Errorf("contacts(%d) = %q, want %q", n, got, want)
		}
	}
}
