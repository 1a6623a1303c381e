package imports

import (
	"context"
	"reflect"
	"strings"
	"testing"
)

// TestSummariseFailures groups failed rows by reason, counting rows whose
// reasons differ only in their own values (the address) together, lists
// the five commonest and the first ten failed rows.
func TestSummariseFailures(t *testing.T) {
	e := newEnv(t)
	long := strings.Repeat("a", 5001)
	path := e.file(t, "f.csv", "Name,Email,Phone,Time zone,Tags,About",
		"A1,a1@,,,,",
		"A2,a2@example.com,,Mars/Base,,",
		"A3,a3@,,,,",
		"A4,a4@example.com,555-CALL,,,",
		"A5,a5@,,,,",
		"A6,a6@example.com,,Moon/Crater,,",
		"A7,a7@example.com,,,"+strings.Repeat("t", 51)+",",
		",a8@example.com,,,,",
		"A9,a9@example.com,,,,"+long,
		"A10,a10@,,,,",
		"A11,a11@example.com,CALL-ME,,,",
		"A12,a12@example.com,,Atlantis,,",
		"Ok,ok@example.com,,,,")
	im := e.importFile(t, path, Params{})
	if im.Failed != 12 {
		t.Fatalf("%d rows failed, want 12", im.Failed)
	}
	s, err := SummariseFailures(context.Background(), e.d, im.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		rows   int
		prefix string
	}{{4, "Email: “…”: "}, {3, "Time zone: Choose"}, {2, "Phone: Enter"}, {1, "Tags: Tags are at most 50"}, {1, "Name: Enter"}}
	if len(s.Reasons) != len(want) || s.Other != 1 {
		t.Fatalf("reasons %+v, other %d; want 5 and 1", s.Reasons, s.Other)
	}
	for i, w := range want {
		if r := s.Reasons[i]; r.Rows != w.rows || !strings.HasPrefix(r.Reason, w.prefix) {
			t.Errorf("reason %d: %d rows, %q; want %d, %q…", i, r.Rows, r.Reason, w.rows, w.prefix)
		}
	}
	if !reflect.DeepEqual(s.FirstRows, []int{2, 3, 4, 5, 6, 7, 8, 9, 10, 11}) || !s.More {
		t.Errorf("first rows %v, more %v", s.FirstRows, s.More)
	}
}

func TestReasonPattern(t *testing.T) {
	cases := map[string]string{
		"Email: cat@example.com belongs to contact 12.":                           "Email: … belongs to contact ….",
		"External ID: contact 3 already has “crm-1”.":                             "External ID: contact … already has “…”.",
		"This row matches 2 different contacts (contact 1, contact 9).":           "This row matches 2 different contacts (contact …, contact …).",
		"Time zone: Choose a time zone such as Europe/Berlin.":                    "Time zone: Choose a time zone such as Europe/Berlin.",
		"Email: “kim@@x”: Enter a valid email address, such as name@example.com.": "Email: “…”: Enter a valid email address, such as name@example.com.",
	}
	for in, want := range cases {
		if got := reasonPattern(in); got != want {
			t.Errorf("%q → %q, want %q", in, got, want)
		}
	}
}
