package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// checkDB refuses a database path that can never be a file: empty, a
// folder, or under something that is not a folder.
func (c *Config) checkDB() error {
	if strings.TrimSpace(c.DBPath) == "" {
		return errors.New("db: a database path is required, such as data/portico.db")
	}
	if fi, err := os.Stat(c.DBPath); err == nil && fi.IsDir() {
		return fmt.Errorf("db %q: this is a folder; give the database file's path, such as %s", c.DBPath,
			filepath.Join(c.DBPath, "portico.db"))
	}
	if dir := fileAbove(c.DBPath); dir != "" {
		return fmt.Errorf("db %q: %s is a file, not a folder", c.DBPath, dir)
	}
	return nil
}

// checkFiles defaults the files folder to the database's, and refuses a
// file given in its place.
func (c *Config) checkFiles() error {
	if c.FilesDir == "" {
		c.FilesDir = filepath.Dir(c.DBPath)
		return nil // the database's folder, which checkDB speaks for
	}
	if fi, err := os.Stat(c.FilesDir); err == nil && !fi.IsDir() {
		return fmt.Errorf("files %q: this is a file; give a folder", c.FilesDir)
	}
	if dir := fileAbove(c.FilesDir); dir != "" {
		return fmt.Errorf("files %q: %s is a file, not a folder", c.FilesDir, dir)
	}
	return nil
}

// fileAbove returns the nearest existing folder above path when it is in
// fact a file, and "" otherwise.
func fileAbove(path string) string {
	for dir := filepath.Dir(path); ; dir = filepath.Dir(dir) {
		fi, err := os.Stat(dir)
		switch {
		case err == nil && !fi.IsDir():
			return dir
		case err == nil || !errors.Is(err, os.ErrNotExist) || dir == filepath.Dir(dir):
			return ""
		}
	}
}

// checkPluginsDir defaults the plugins folder to one next to the
// database, and refuses a file given in its place.
func (c *Config) checkPluginsDir() error {
	if c.PluginsDir == "" {
		c.PluginsDir = filepath.Join(filepath.Dir(c.DBPath), "plugins")
	}
	if fi, err := os.Stat(c.PluginsDir); err == nil && !fi.IsDir() {
		return fmt.Errorf("plugins-dir %q: this is a file; give a folder", c.PluginsDir)
	}
	return nil
}
