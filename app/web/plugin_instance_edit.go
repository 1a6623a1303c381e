package web

import (
	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/pluginhost"
)

// instanceEdit shows an instance's form and its recent activity.
func (s *Server) instanceEdit(c *fiber.Ctx) error {
	pl, err := s.pluginParam(c)
	if err != nil {
		return err
	}
	in, err := s.instanceParam(c, pl.ID)
	if err != nil {
		return err
	}
	form, err := s.plugins.Form(c.UserContext(), pl.ID, in.ID)
	if err != nil {
		return err
	}
	p := instancePage{Base: base(c, in.Name, "plugins"), Plugin: pl, Form: form, Name: in.Name}
	if p.Activity, err = s.plugins.Activity(c.UserContext(), pl.ID, in.ID, 20); err != nil {
		return err
	}
	if p.Kinds, err = s.instanceKinds(c, in.ID); err != nil {
		return err
	}
	return render(c, fiber.StatusOK, "plugins/instance", "", p)
}

// instanceUpdate saves an instance's changed configuration.
func (s *Server) instanceUpdate(c *fiber.Ctx) error {
	id, err := paramID(c, "instance")
	if err != nil {
		return err
	}
	pl, err := s.pluginParam(c)
	if err != nil {
		return err
	}
	if _, err := s.instanceParam(c, pl.ID); err != nil {
		return err
	}
	return s.instanceSave(c, id)
}

// instanceCheckResult is the answer to "Test connection".
type instanceCheckResult struct {
	Base
	Plugin   pluginhost.Status
	Instance int64
	OK       bool
	Message  string
}

// instanceCheck runs the instance's health check: an HTMX request gets
// the result in place, a plain post the instance page with it flashed.
func (s *Server) instanceCheck(c *fiber.Ctx) error {
	pl, err := s.pluginParam(c)
	if err != nil {
		return err
	}
	in, err := s.instanceParam(c, pl.ID)
	if err != nil {
		return err
	}
	h, err := s.plugins.TestConnection(c.UserContext(), in.ID)
	if err != nil {
		return err
	}
	if !isPartial(c) {
		flash(c, "Test connection: "+h.Message)
		return redirect(c, instanceURL(pl.ID, in.ID))
	}
	r := instanceCheckResult{Base: base(c, in.Name, "plugins"), Plugin: pl, Instance: in.ID, OK: h.OK, Message: h.Message}
	return render(c, fiber.StatusOK, "plugins/_check", "plugins/_check", r)
}
