package app

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/portico-hub/portico/app/model"
)

// progressBar draws an import's progress on stderr: one line redrawn in
// place on a terminal, a line every few seconds otherwise (logs, pipes).
type progressBar struct {
	w        io.Writer
	terminal bool
	last     time.Time
	start    time.Time
	from     int
	drawn    bool
}

func newProgressBar(w io.Writer) *progressBar {
	f, ok := w.(*os.File)
	term := false
	if ok {
		if fi, err := f.Stat(); err == nil {
			term = fi.Mode()&os.ModeCharDevice != 0
		}
	}
	return &progressBar{w: w, terminal: term, start: time.Now(), from: -1}
}

func (b *progressBar) show(im *model.Import) {
	done := im.Rows()
	if im.RowsTotal == 0 && !im.State.Finished() {
		return // still counting the file's rows
	}
	if b.from < 0 {
		b.from = done
	}
	if !b.terminal && time.Since(b.last) < 5*time.Second && !im.State.Finished() {
		return
	}
	b.last = time.Now()
	pct, width := 0.0, 30
	if im.RowsTotal > 0 {
		pct = float64(done) / float64(im.RowsTotal)
	}
	fill := int(pct * float64(width))
	line := fmt.Sprintf("[%s%s] %3.0f%% %s/%s · %s created · %s updated · %s skipped · %s failed%s",
		strings.Repeat("#", fill), strings.Repeat(".", width-fill), pct*100, number(done), count(im.RowsTotal, "row"),
		number(im.Created), number(im.Updated), number(im.Skipped), number(im.Failed), b.pace(done, im.RowsTotal))
	if b.terminal {
		fmt.Fprintf(b.w, "\r%s\x1b[K", line)
		b.drawn = true
		return
	}
	fmt.Fprintln(b.w, line)
}

// pace is the rate since this command started and the time left.
func (b *progressBar) pace(done, total int) string {
	secs := time.Since(b.start).Seconds()
	if secs < 1 || done <= b.from {
		return ""
	}
	rate := float64(done-b.from) / secs
	left := time.Duration(float64(total-done)/rate) * time.Second
	return fmt.Sprintf(" · %.0f rows/s · %s left", rate, left.Round(time.Second))
}

func (b *progressBar) end() {
	if b.drawn {
		fmt.Fprintln(b.w)
		b.drawn = false
	}
}
