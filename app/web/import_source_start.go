package web

import (
	"errors"
	"slices"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/imports"
)

// importSourceStart starts an import, or a dry run, from the chosen
// installed source; its progress page is the same as a file's.
func (s *Server) importSourceStart(c *fiber.Ctx) error {
	f := readSourceForm(c)
	sources, err := s.importSources(c)
	if err != nil {
		return err
	}
	i := slices.IndexFunc(sources, func(src importSource) bool { return src.InstanceID == f.Instance })
	if i < 0 {
		return s.renderSourceError(c, f, "Choose one of the installed sources.")
	}
	p := imports.Params{Kind: imports.KindContacts, Filename: sources[i].Ref, PluginInstance: f.Instance,
		Mode: imports.Mode(f.Mode), Match: imports.Match(f.Match), Blank: imports.Blank(f.Blank),
		SendActivation: f.SendActivation, DryRun: c.FormValue("action") == "dry"}
	id, err := imports.Start(c.UserContext(), s.imports, s.jobs, actor(c), p)
	var be *imports.BusyError
	switch fields, ok := fieldErrors(err); {
	case errors.As(err, &be):
		return s.renderSource(c, fiber.StatusConflict, f, s.busyImport(c.UserContext(), currentAgent(c), be))
	case ok:
		return s.renderSourceError(c, f, firstMessage(fields))
	case err != nil:
		return err
	}
	if p.DryRun {
		return redirect(c, "/contacts/import/source/dry/"+strconv.FormatInt(id, 10))
	}
	flash(c, "Import started. It goes on if you leave this page.")
	return redirect(c, sourceURL(id))
}

func (s *Server) renderSourceError(c *fiber.Ctx, f sourceForm, msg string) error {
	return s.renderSource(c, fiber.StatusUnprocessableEntity, f, &busyImport{Message: msg})
}

// readSourceForm takes the choices; a value that is no choice is left
// for Start to refuse.
func readSourceForm(c *fiber.Ctx) sourceForm {
	id, _ := strconv.ParseInt(c.FormValue("instance"), 10, 64)
	return sourceForm{Instance: id, Mode: c.FormValue("mode"), Match: c.FormValue("match"), Blank: c.FormValue("blank"),
		SendActivation: c.FormValue("send_activation") == "on"}
}
