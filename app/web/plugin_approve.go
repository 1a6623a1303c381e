package web

import (
	"errors"
	"io/fs"
	"path/filepath"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/pluginhost"
)

// pluginApprovePage asks an admin to confirm the files, by their
// SHA-256, that the plugin may run with.
type pluginApprovePage struct {
	Base
	Plugin pluginhost.Status
	Files  []pluginhost.File
}

// pluginApproveConfirm lists the plugin's files and their digests.
func (s *Server) pluginApproveConfirm(c *fiber.Ctx) error {
	pl, err := s.pluginParam(c)
	if err != nil {
		return err
	}
	files, err := s.plugins.Files(c.UserContext(), pl.ID)
	var missing *fs.PathError
	if errors.As(err, &missing) && errors.Is(err, fs.ErrNotExist) {
		return fiber.NewError(fiber.StatusConflict, "The plugin cannot be approved yet: a file its plugin.json names is missing ("+
			filepath.Base(missing.Path)+"). Build the plugin (make plugins builds the examples) and reload this page.")
	}
	if err != nil {
		return err
	}
	return render(c, fiber.StatusOK, "plugins/approve", "", pluginApprovePage{Base: base(c, "Approve "+pl.ID, "plugins"), Plugin: pl, Files: files})
}

// pluginApprove approves exactly the digests the admin was shown; files
// that changed meanwhile are refused, so the admin reviews them again.
func (s *Server) pluginApprove(c *fiber.Ctx) error {
	pl, err := s.pluginParam(c)
	if err != nil {
		return err
	}
	sums := map[string]string{}
	for _, v := range c.Context().PostArgs().PeekMulti("file") {
		path, sum, _ := strings.Cut(string(v), "=")
		sums[path] = sum
	}
	if len(sums) == 0 {
		return redirect(c, pluginURL(pl.ID)+"/approve")
	}
	if err := s.plugins.Approve(c.UserContext(), pl.ID, sums, currentAgent(c).ID); err != nil {
		flash(c, "Not approved: "+err.Error())
		return redirect(c, pluginURL(pl.ID)+"/approve")
	}
	flash(c, "Plugin approved: it is starting.")
	return redirect(c, pluginURL(pl.ID))
}

// pluginEnabled disables a plugin (it stops) or enables it again.
func (s *Server) pluginEnabled(c *fiber.Ctx) error {
	pl, err := s.pluginParam(c)
	if err != nil {
		return err
	}
	msg := "Plugin enabled: it is starting."
	if c.FormValue("enabled") == "on" {
		err = s.plugins.Enable(c.UserContext(), pl.ID)
	} else {
		err = s.plugins.Disable(c.UserContext(), pl.ID, "Disabled by "+currentAgent(c).Name+".")
		msg = "Plugin disabled: it stopped, and starts again only when enabled."
	}
	if err != nil {
		return err
	}
	flash(c, msg)
	return redirect(c, pluginURL(pl.ID))
}
