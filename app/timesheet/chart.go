package timesheet

import (
	"fmt"
	"math"

	"github.com/portico-hub/portico/app/model"
)

// Chart geometry, in the SVG's own units; the page scales it to fit.
const (
	chartWidth = 640
	labelWidth = 170
	barLeft    = labelWidth + 10
	barSpan    = 380
	rowHeight  = 26
	barHeight  = 16
	// MaxBars is how many groups the chart draws; the rest are summed
	// into one last bar.
	MaxBars = 12
)

// Chart is the report's bar chart, one bar per group, stacked billable
// then non-billable, with everything placed, so the template only draws.
type Chart struct {
	Width, Height int
	Bars          []Bar
	Ticks         []Tick
}

// Bar is one group's bar.
type Bar struct {
	Label, Title       string
	Y, TextY           int
	BillX, BillW, NonW float64
	NonX, ValueX       float64
	Value              string
}

// Tick is one hour mark on the axis.
type Tick struct {
	X     float64
	Label string
}

// NewChart draws groups in their order; more than MaxBars, and the last
// bar sums the rest.
func NewChart(gs []model.TimeGroup) Chart {
	if len(gs) > MaxBars {
		rest := model.TimeGroup{Label: fmt.Sprintf("%d others", len(gs)-MaxBars+1)}
		for _, g := range gs[MaxBars-1:] {
			rest.TimeTotals = rest.TimeTotals.Add(g.TimeTotals)
		}
		gs = append(gs[:MaxBars-1:MaxBars-1], rest)
	}
	var most int64 = 1
	for _, g := range gs {
		most = max(most, g.Total())
	}
	step := tickStep(most)
	top := math.Ceil(float64(most)/step) * step
	scale := barSpan / top
	c := Chart{Width: chartWidth, Height: len(gs)*rowHeight + 30}
	for h := 0.0; h <= top+1; h += step {
		c.Ticks = append(c.Ticks, Tick{X: barLeft + h*scale, Label: fmt.Sprintf("%gh", h/3600)})
	}
	for i, g := range gs {
		y := i*rowHeight + 4
		b := Bar{Label: clip(g.Label, 24), Y: y, TextY: y + barHeight - 4, BillX: barLeft,
			BillW: float64(g.Billable) * scale, NonW: float64(g.NonBillable) * scale, Value: HHMM(g.Total()),
			Title: fmt.Sprintf("%s: %s billable, %s non-billable", g.Label, HHMM(g.Billable), HHMM(g.NonBillable))}
		b.NonX = barLeft + b.BillW
		b.ValueX = b.NonX + b.NonW + 6
		c.Bars = append(c.Bars, b)
	}
	return c
}

// tickStep is a round number of hours, in seconds, giving 2 to 5 marks.
func tickStep(most int64) float64 {
	hours := float64(most) / 3600
	for _, s := range []float64{0.25, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000} {
		if hours/s <= 5 {
			return s * 3600
		}
	}
	return 20000 * 3600
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
