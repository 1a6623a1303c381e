package web

import (
	"errors"
	"fmt"
	"slices"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/importfile"
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
	if f.Map != nil {
		p.Map = imports.PluginSpecs(f.Map)
	}
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
		SendActivation: c.FormValue("send_activation") == "on", Map: readSourceMapping(c)}
}

// readSourceMapping takes the field chosen for each of the plugin's
// columns; a value that is no field skips its column. It is nil when the
// form held no mapping, so the suggested one applies.
func readSourceMapping(c *fiber.Ctx) []importfile.Field {
	if c.FormValue("mapped") == "" {
		return nil
	}
	cols := imports.PluginColumns(nil)
	fields := imports.Fields(imports.KindContacts)
	out := make([]importfile.Field, len(cols))
	for i := range cols {
		v := c.FormValue(fmt.Sprintf("col_%d", i))
		if slices.ContainsFunc(fields, func(f importfile.Choice) bool { return f.Value == v }) {
			out[i] = importfile.Field(v)
		}
	}
	return out
}
