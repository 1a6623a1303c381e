package web

import (
	"strconv"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/pluginhost"
)

// instancePage is an instance's configuration form, generated from the
// plugin's JSON Schema, with what the instance did recently.
type instancePage struct {
	Base
	Plugin   pluginhost.Status
	Form     *pluginhost.Form
	Name     string
	Activity []model.PluginActivity
	// Kinds are the address kinds of a notifier's instance, for "Send a
	// test message"; empty for other plugins.
	Kinds []string
}

// instanceNew shows the form of a new instance.
func (s *Server) instanceNew(c *fiber.Ctx) error {
	pl, err := s.pluginParam(c)
	if err != nil {
		return err
	}
	form, err := s.plugins.Form(c.UserContext(), pl.ID, 0)
	if err != nil {
		return err
	}
	return render(c, fiber.StatusOK, "plugins/instance", "", instancePage{Base: base(c, "New instance", "plugins"), Plugin: pl, Form: form})
}

// instanceCreate saves a new instance and opens it, where it can be
// tested.
func (s *Server) instanceCreate(c *fiber.Ctx) error {
	return s.instanceSave(c, 0)
}

// instanceSave validates and stores a submitted form; field errors show
// the form again, without any secret typed.
func (s *Server) instanceSave(c *fiber.Ctx, id int64) error {
	pl, err := s.pluginParam(c)
	if err != nil {
		return err
	}
	form, err := s.plugins.Form(c.UserContext(), pl.ID, id)
	if err != nil {
		return err
	}
	in := pluginhost.InstanceInput{Name: c.FormValue("name"), Values: map[string]string{}}
	for i, f := range form.Fields {
		in.Values[f.Name] = c.FormValue("f_" + f.Name)
		if !f.Secret {
			form.Fields[i].Value = in.Values[f.Name]
		}
	}
	saved, err := s.plugins.SaveInstance(c.UserContext(), pl.ID, id, in)
	if fields, ok := fieldErrors(err); ok {
		p := instancePage{Base: base(c, "Configure instance", "plugins"), Plugin: pl, Form: form, Name: in.Name}
		p.Errors = fields
		return render(c, fiber.StatusUnprocessableEntity, "plugins/instance", "", p)
	}
	if err != nil {
		return err
	}
	flash(c, "Instance saved. Test its connection to check the settings.")
	return redirect(c, instanceURL(pl.ID, saved))
}

func instanceURL(pluginID string, id int64) string {
	return pluginURL(pluginID) + "/instances/" + strconv.FormatInt(id, 10)
}
