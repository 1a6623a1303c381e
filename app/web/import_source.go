package web

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/importfile"
	"github.com/portico-hub/portico/app/imports"
	"github.com/portico-hub/portico/app/pluginhost"
)

// importSource is a configured instance of an importer plugin that a
// contacts import can read from.
type importSource struct {
	InstanceID int64
	Label      string // "Hello (Go): Sales"
	Ref        string // "hello-go:Sales", as the command line names it
	State      pluginhost.State
}

// importSourcePage is "Import contacts from an installed source": the
// instances to pick from and the same choices as a file's import.
type importSourcePage struct {
	importBase
	Sources []importSource
	// Columns are the plugin's fields with the field each imports into,
	// and Fields what they can be mapped to, as in a file's mapping step.
	Columns []imports.PluginColumn
	Fields  []importfile.Choice
	Form    sourceForm
	Busy    *busyImport
}

// sourceForm is what the agent chose.
type sourceForm struct {
	Instance           int64
	Mode, Match, Blank string
	SendActivation     bool
	// Map is the field chosen for each of the plugin's columns; nil
	// until the agent posts the form.
	Map []importfile.Field
}

// importSources lists the instances of approved importer plugins.
func (s *Server) importSources(c *fiber.Ctx) ([]importSource, error) {
	if s.plugins == nil {
		return nil, nil
	}
	list, err := s.plugins.List(c.UserContext())
	if err != nil {
		return nil, err
	}
	var out []importSource
	for _, p := range list {
		if p.Manifest == nil || !slices.Contains(p.Manifest.Kinds, "importer") || !p.Approval.Approved() {
			continue
		}
		ins, err := s.plugins.Instances(c.UserContext(), p.ID)
		if err != nil {
			return nil, err
		}
		for _, in := range ins {
			out = append(out, importSource{InstanceID: in.ID, Label: p.Manifest.Name + ": " + in.Name,
				Ref: p.ID + ":" + in.Name, State: p.State})
		}
	}
	return out, nil
}

// importSourceNew shows the installed sources and the import's choices.
func (s *Server) importSourceNew(c *fiber.Ctx) error {
	auto, err := s.activation.Auto(c.UserContext())
	if err != nil {
		return err
	}
	f := sourceForm{Mode: string(imports.ModeUpsert), Match: string(imports.MatchEmail), Blank: string(imports.BlankKeep), SendActivation: auto}
	f.Instance, _ = strconv.ParseInt(c.Query("instance"), 10, 64)
	return s.renderSource(c, fiber.StatusOK, f, nil)
}

func (s *Server) renderSource(c *fiber.Ctx, status int, f sourceForm, busy *busyImport) error {
	sources, err := s.importSources(c)
	if err != nil {
		return err
	}
	if f.Instance == 0 && len(sources) > 0 {
		f.Instance = sources[0].InstanceID
	}
	p := importSourcePage{importBase: s.importBase(c, "Import contacts from an installed source"), Sources: sources,
		Columns: imports.PluginColumns(f.Map), Fields: imports.Fields(imports.KindContacts), Form: f, Busy: busy}
	return render(c, status, "imports/source", "", p)
}

// sourceURL is the history page of an import.
func sourceURL(id int64) string { return fmt.Sprintf("/contacts/imports/%d", id) }
