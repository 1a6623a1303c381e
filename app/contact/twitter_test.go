package contact

import "testing"

func TestTwitterHandleNormalises(t *testing.T) {
	for in, want := range map[string]string{
		"@Portico_Hub":                           "Portico_Hub",
		" portico_hub ":                          "portico_hub",
		"https://x.com/Portico_Hub":              "Portico_Hub",
		"http://www.twitter.com/portico_hub/":    "portico_hub",
		"https://twitter.com/#!/portico_hub":     "portico_hub",
		"HTTPS://X.COM/@portico_hub?s=21":        "portico_hub",
		"mobile.twitter.com/portico_hub/status/": "portico_hub",
		"x.company.example/someone":              "x.company.example/someone",
	} {
		if got := TwitterHandle(in); got != want {
			t.Errorf("TwitterHandle(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTwitterHandleValidates(t *testing.T) {
	cases := []struct {
		handle string
		ok     bool
	}{
		{"a", true}, {"A_1", true}, {"fifteen_chars_x", true}, {"sixteen_chars_xx", false},
		{"has space", false}, {"dash-ed", false}, {"점", false}, {"@", false}, {"x.com/", false},
	}
	for _, tc := range cases {
		f, err := Input{Name: "Ann", TwitterID: tc.handle}.Fields()
		if (err == nil) != tc.ok {
			t.Errorf("%q: valid %v, want %v (%v)", tc.handle, err == nil, tc.ok, err)
		}
		if tc.ok && !Reachable(f) {
			t.Errorf("%q: a handle alone does not make the contact reachable", tc.handle)
		}
	}
}
