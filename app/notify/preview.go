package notify

import (
	"context"

	"github.com/portico-hub/portico/app/mail"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/plugins/sdk"
)

// DefaultLimits measure a preview when no channel is chosen: SMS of at
// most six parts, the tightest channel Portico ships.
var DefaultLimits = sdk.SMSLimits(6)

// Preview is a channel text filled in with sample data and measured as a
// channel counts it.
type Preview struct {
	Text string
	sdk.Measure
	Limits sdk.MessageLimits
	// TooLong is set when the channel would refuse the text; then the
	// message fails and the email fallback, if the rule has one, is sent.
	TooLong bool
}

// Preview renders text (a kind's template as edited, not yet saved) for
// mail.SampleData and measures it against the limits of the channel with
// instance id channel, or DefaultLimits when channel is 0 or unknown. A
// reply body that would not fit is left out, as when sending.
func (s *Service) Preview(ctx context.Context, kind model.NotifyKind, text string, channel int64) (Preview, error) {
	t, err := compile(text)
	if err != nil {
		return Preview{}, err
	}
	d := mail.SampleData
	if kind == model.NotifyPasswordChanged {
		d.Link = ""
	}
	limits := s.limits(ctx, channel)
	out, err := fill(t, d, func() sdk.MessageLimits { return limits })
	if err != nil {
		return Preview{}, err
	}
	p := Preview{Text: out, Limits: limits}
	_, tooLong := p.Limits.Check(out)
	p.Measure = p.Limits.Measure(out)
	p.TooLong = tooLong != nil
	return p, nil
}
