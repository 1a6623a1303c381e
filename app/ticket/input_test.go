package ticket

import (
	"errors"
	"strings"
	"testing"

	"github.com/portico-hub/portico/app/model"
)

func TestInputValidate(t *testing.T) {
	for _, tc := range []struct {
		name        string
		in          Input
		want        Input
		badFields   []string
		wantMessage string
	}{
		{"cleaned", Input{"  Printer \n on   fire ", "line one\r\nline two\n"}, Input{"Printer on fire", "line one\nline two"}, nil, ""},
		{"blank", Input{" ", "\n"}, Input{}, []string{"subject", "description"}, "Enter a subject"},
		{"long subject", Input{strings.Repeat("a", MaxSubject+1), "x"}, Input{}, []string{"subject"}, "at most 200"},
		{"not utf-8", Input{"ok", "bad \xff byte"}, Input{}, []string{"description"}, "not valid UTF-8"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := tc.in.Validate()
			var ve *model.ValidationError
			if len(tc.badFields) == 0 {
				if err != nil || got != tc.want {
					t.Fatalf("got %q, %v; want %q", got, err, tc.want)
				}
				return
			}
			if !errors.As(err, &ve) || len(ve.Fields) != len(tc.badFields) || !strings.Contains(ve.Error(), tc.wantMessage) {
				t.Fatalf("error %v; want %v with %q", err, tc.badFields, tc.wantMessage)
			}
		})
	}
}
