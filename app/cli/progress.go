package cli

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/portico-hub/portico/app/wording"
)

// progress shows a long command's progress on stderr. On a terminal it
// is a bar (schollz/progressbar) redrawn in place, with the pace and the
// time left; elsewhere (a log, a pipe) a plain line every few seconds,
// which stays readable where a redrawn line would not.
type progress struct {
	w     io.Writer
	verb  string
	noun  string
	bar   *progressbar.ProgressBar
	last  time.Time
	drawn bool
}

// newProgress shows "verb: done of total nouns" on w.
func newProgress(w io.Writer, verb, noun string) *progress {
	p := &progress{w: w, verb: verb, noun: noun}
	if isTerminal(w) {
		p.bar = progressbar.NewOptions(-1, progressbar.OptionSetWriter(w), progressbar.OptionSetDescription(verb),
			progressbar.OptionSetWidth(30), progressbar.OptionShowCount(), progressbar.OptionShowIts(),
			progressbar.OptionSetItsString(noun+"s"), progressbar.OptionSetPredictTime(true),
			progressbar.OptionThrottle(100*time.Millisecond), progressbar.OptionUseANSICodes(true),
			progressbar.OptionShowDescriptionAtLineEnd())
	}
	return p
}

// show records done of total; detail (such as "3 failed") follows the
// count.
func (p *progress) show(done, total int, detail string) {
	if p.bar != nil {
		if p.bar.GetMax() != total {
			p.bar.ChangeMax(total)
		}
		p.bar.Describe(p.verb + " " + detail)
		p.bar.Set(done)
		p.drawn = true
		return
	}
	if time.Since(p.last) < 5*time.Second && done < total {
		return
	}
	p.last = time.Now()
	line := fmt.Sprintf("%s: %s of %s (%.0f%%)", p.verb, wording.Number(done), wording.Count(total, p.noun), 100*float64(done)/float64(max(total, 1)))
	if detail != "" {
		line += " · " + detail
	}
	fmt.Fprintln(p.w, line)
}

// end leaves the terminal's cursor on a fresh line.
func (p *progress) end() {
	if p.drawn {
		fmt.Fprintln(p.w)
		p.drawn = false
	}
}

// isTerminal tells a terminal from a file or a pipe.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
