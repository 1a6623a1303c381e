package imports

import (
	"fmt"
	"log/slog"

	"github.com/portico-hub/portico/app/importfile"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// Mode says whether an import creates contacts, updates them, or both.
type Mode string

// Match names the key that finds a row's stored contact.
type Match string

// Blank says what a blank cell does to a matched contact's field.
type Blank string

// The choices of Params.
const (
	ModeCreate Mode = "create"
	ModeUpdate Mode = "update"
	ModeUpsert Mode = "upsert"

	MatchEmail      Match = "email"
	MatchExternalID Match = "external_id"
	MatchTwitterID  Match = "twitter_id"
	MatchPhone      Match = "phone"

	BlankKeep  Blank = "keep"
	BlankClear Blank = "clear"
)

// Params is an import as a person asked for it. Zero values take the
// defaults: contacts, upsert, match by email (companies: by name), blank
// cells keep values.
type Params struct {
	Kind     Kind
	Path     string // the file to import; Start copies it
	Filename string // its name as the person knows it
	Dialect  importfile.Dialect
	// Map holds column=field specs (see importfile.ParseMapping); nil
	// takes the suggested mapping.
	Map            []string
	Mode           Mode
	Match          Match
	Blank          Blank
	SendActivation bool
	DryRun         bool
	// PluginInstance, when set, imports that plugin instance's records
	// instead of a file; Filename then names the source.
	PluginInstance int64
	// InPlace lets a dry run read the file at Path instead of a copy, for
	// a caller that keeps the file as it is until the dry run is over or
	// cancelled. A real import always reads a copy.
	InPlace bool
}

// withDefaults fills the zero choices and checks the others.
func (p Params) withDefaults() (Params, error) {
	p.Kind = or(p.Kind, KindContacts)
	p.Mode = or(p.Mode, ModeUpsert)
	p.Blank = or(p.Blank, BlankKeep)
	match, bad := checkKind(p.Kind, p.Match)
	p.Match = match
	v := &model.ValidationError{Fields: bad}
	if p.Mode != ModeCreate && p.Mode != ModeUpdate && p.Mode != ModeUpsert {
		v.Add("mode", fmt.Sprintf("Mode %q: choose create, update or upsert.", p.Mode))
	}
	if p.Blank != BlankKeep && p.Blank != BlankClear {
		v.Add("blank", fmt.Sprintf("Blank %q: choose keep or clear.", p.Blank))
	}
	return p, v.Err()
}

func or[T comparable](v, def T) T {
	var zero T
	if v == zero {
		return def
	}
	return v
}

// checkMatch refuses a match key that no mapped column fills.
func checkMatch(m importfile.Mapping, match Match) error {
	ok := map[Match]bool{
		MatchEmail:      m.Has(importfile.Email),
		MatchExternalID: m.Has(importfile.ExternalID),
		MatchTwitterID:  m.Has(importfile.TwitterID),
		MatchPhone:      m.Has(importfile.Phone) || m.Has(importfile.Mobile),
		MatchName:       m.Has(importfile.Name),
	}[match]
	if !ok {
		return model.Invalid("match", fmt.Sprintf("Matching by %s needs a column mapped to it.", match))
	}
	return nil
}

// Deps is what the import engine needs.
type Deps struct {
	Store *store.Store
	// FilesDir holds uploaded files; imports go in its imports folder.
	FilesDir string
	Limits   importfile.Limits
	Log      *slog.Logger
	// BatchSize is how many rows commit together (default 2,000).
	BatchSize int
	// Plugins streams the records of installed sources; nil when plugins
	// are off.
	Plugins Streamer
}
