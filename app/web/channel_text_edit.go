package web

import (
	"strconv"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/mail"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/notify"
	"github.com/portico-hub/portico/app/pluginhost"
)

// channelTextPage edits the text one kind of message has on channels,
// with a live preview measured as the chosen channel counts it.
type channelTextPage struct {
	Base
	Label        string
	Template     model.ChannelTemplate
	Custom       bool
	Channels     []pluginhost.Channel
	Channel      int64
	Placeholders []string
	Preview      *notify.Preview
	Length       pluginhost.Length
}

// channelTextEdit shows the editor with the stored text previewed.
func (s *Server) channelTextEdit(c *fiber.Ctx) error {
	kind, err := notifyKind(c)
	if err != nil {
		return err
	}
	t, custom, err := s.notify.Template(c.UserContext(), kind)
	if err != nil {
		return err
	}
	p, err := s.channelTextData(c, t)
	if err != nil {
		return err
	}
	p.Custom = custom
	if err := s.previewInto(c, p); err != nil {
		return err
	}
	return render(c, fiber.StatusOK, "admin/channel_text", "", p)
}

// notifyKind is the kind of message the URL names, or not found.
func notifyKind(c *fiber.Ctx) (model.NotifyKind, error) {
	k := model.NotifyKind(c.Params("kind"))
	if !k.Valid() {
		return "", errNoSuchPage
	}
	return k, nil
}

// channelTextData builds the editor for t, measuring with the channel the
// form or the query names, else the first usable one.
func (s *Server) channelTextData(c *fiber.Ctx, t model.ChannelTemplate) (*channelTextPage, error) {
	p := &channelTextPage{Base: base(c, notify.KindLabels[t.Kind]+" text", "notifications"), Label: notify.KindLabels[t.Kind],
		Template: t, Placeholders: mail.Placeholders}
	chs, err := s.notify.Channels(c.UserContext())
	if err != nil {
		return nil, err
	}
	for _, ch := range chs {
		if ch.Usable && len(ch.AddressKinds) > 0 {
			p.Channels = append(p.Channels, ch)
		}
	}
	p.Channel, _ = strconv.ParseInt(c.FormValue("channel", c.Query("channel")), 10, 64)
	if p.Channel == 0 && len(p.Channels) > 0 {
		p.Channel = p.Channels[0].InstanceID
	}
	return p, nil
}

// previewInto fills the preview of the page's text in, or the reason it
// cannot be filled in.
func (s *Server) previewInto(c *fiber.Ctx, p *channelTextPage) error {
	prev, err := s.notify.Preview(c.UserContext(), p.Template.Kind, p.Template.Text, p.Channel)
	if fields, ok := fieldErrors(err); ok {
		p.Errors = fields
		return nil
	}
	if err != nil {
		return err
	}
	bare, err := notify.PreviewBare(p.Template.Text)
	if err != nil {
		return err
	}
	p.Preview, p.Length = &prev, pluginhost.Measure(prev.Limits, prev.Text, bare)
	return nil
}
