package manifest

import (
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{1,62}$`)

var kinds = []string{"importer", "crm_sync", "notifier"}

// Validate checks every field and reports the first problem found.
func (m *Manifest) Validate() error {
	for _, check := range []func() error{m.checkIdentity, m.checkKinds, m.checkRun, m.checkSchema} {
		if err := check(); err != nil {
			return err
		}
	}
	return nil
}

func (m *Manifest) checkIdentity() error {
	switch {
	case !idPattern.MatchString(m.ID):
		return fmt.Errorf("id %q must be 2-63 lower-case letters, digits or dashes", m.ID)
	case strings.TrimSpace(m.Name) == "":
		return errors.New("name is required")
	case strings.TrimSpace(m.Version) == "":
		return errors.New("version is required")
	case strings.TrimSpace(m.Author.Name) == "":
		return errors.New("author.name is required")
	}
	return nil
}

func (m *Manifest) checkKinds() error {
	if len(m.Kinds) == 0 {
		return errors.New("kinds is empty")
	}
	for _, k := range m.Kinds {
		if !slices.Contains(kinds, k) {
			return fmt.Errorf("kind %q is unknown (want one of %s)", k, strings.Join(kinds, ", "))
		}
	}
	if len(m.ProtocolVersions) == 0 {
		return errors.New("protocol_versions is empty")
	}
	for _, v := range m.ProtocolVersions {
		if v < 1 {
			return fmt.Errorf("protocol version %d is not a positive integer", v)
		}
	}
	return nil
}

func (m *Manifest) checkRun() error {
	if m.Runtime != RuntimeNative && m.Runtime != RuntimeNode {
		return fmt.Errorf("runtime %q is unknown (want %q or %q)", m.Runtime, RuntimeNative, RuntimeNode)
	}
	if len(m.Files) == 0 {
		return errors.New("files is empty: list every file the plugin runs, for approval")
	}
	for _, f := range m.Files {
		if err := checkPath(f); err != nil {
			return err
		}
	}
	if !slices.Contains(m.Files, m.Entrypoint) {
		return fmt.Errorf("entrypoint %q must be one of the files", m.Entrypoint)
	}
	return nil
}

// checkPath keeps a listed file inside the plugin folder.
func checkPath(p string) error {
	clean := filepath.ToSlash(filepath.Clean(p))
	if p == "" || filepath.IsAbs(p) || clean != p || clean == ".." || strings.HasPrefix(clean, "../") {
		return fmt.Errorf("file %q must be a clean path inside the plugin folder", p)
	}
	return nil
}

func (m *Manifest) checkSchema() error {
	if len(m.ConfigSchema) == 0 {
		return nil
	}
	var obj map[string]any
	if err := json.Unmarshal(m.ConfigSchema, &obj); err != nil {
		return fmt.Errorf("config_schema must be a JSON object: %w", err)
	}
	return nil
}
