package config

import "testing"

func TestWebhookAllowNets(t *testing.T) {
	cases := []struct {
		raw  string
		want []string
		bad  bool
	}{
		{"", nil, false},
		{"127.0.0.0/8, ::1", []string{"127.0.0.0/8", "::1/128"}, false},
		{"10.1.2.3/24", []string{"10.1.2.0/24"}, false},
		{"localhost", nil, true},
		{"10.0.0.0/33", nil, true},
	}
	for _, tc := range cases {
		c := Default()
		c.WebhookAllowNetsRaw = tc.raw
		err := c.Validate()
		if (err != nil) != tc.bad {
			t.Errorf("%q: error %v, want error %v", tc.raw, err, tc.bad)
			continue
		}
		if tc.bad {
			continue
		}
		if len(c.WebhookAllowNets) != len(tc.want) {
			t.Fatalf("%q: got %v, want %v", tc.raw, c.WebhookAllowNets, tc.want)
		}
		for i, p := range c.WebhookAllowNets {
			if p.String() != tc.want[i] {
				t.Errorf("%q: got %v, want %v", tc.raw, c.WebhookAllowNets, tc.want)
			}
		}
	}
}
