package cli

import (
	"bytes"
	"testing"
)

// TestProgressInALogSaysALineNowAndThen checks the progress a pipe or a
// log gets: the first line at once, none for a while after, and the last
// one always, with the detail after the count.
func TestProgressInALogSaysALineNowAndThen(t *testing.T) {
	var out bytes.Buffer
	p := newProgress(&out, "Importing", "row")
	p.show(0, 44000, "0 failed")
	p.show(20000, 44000, "0 failed")
	p.show(44000, 44000, "2 failed")
	p.end()
	want := "Importing: 0 of 44,000 rows (0%) · 0 failed\nImporting: 44,000 of 44,000 rows (100%) · 2 failed\n"
	if out.String() != want {
		t.Fatalf("progress wrote\n%q\nwant\n%q", out.String(), want)
	}
}
