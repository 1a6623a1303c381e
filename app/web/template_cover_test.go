package web_test

import (
	"html/template"
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"text/template/parse"

	"github.com/gofiber/template/html/v2"

	"github.com/portico-hub/portico/views"
)

// coverMark is the text a covered template writes first: ⟦name⟧.
var coverMark = regexp.MustCompile(`⟦([a-z_/]+)⟧`)

// templateCover records which templates under views/ test servers
// render. watch makes each of a server's templates write its name first,
// so the answers say which templates ran; record reads them.
type templateCover struct {
	seen map[string]bool
}

// newCover starts recording; watch adds the servers whose answers count.
func newCover() *templateCover { return &templateCover{seen: map[string]bool{}} }

// watch marks the templates of ts's server and records the templates of
// every answer its clients get from then on. Only this server's answers
// carry the marks: every other test server parses its own.
func (c *templateCover) watch(ts *testServer) {
	ts.t.Helper()
	engine, ok := ts.srv.App().Config().Views.(*html.Engine)
	if !ok {
		ts.t.Fatal("the server's views are not the html engine")
	}
	for _, t := range engine.Templates.Templates() {
		if t.Tree == nil || !strings.Contains(t.Name(), "/") {
			continue
		}
		mark, err := template.New("mark").Parse("⟦" + t.Name() + "⟧")
		if err != nil {
			ts.t.Fatal(err)
		}
		t.Tree.Root.Nodes = append([]parse.Node{mark.Tree.Root.Nodes[0]}, t.Tree.Root.Nodes...)
	}
	ts.cover = c
}

// record notes the templates that rendered body.
func (c *templateCover) record(body string) {
	for _, m := range coverMark.FindAllStringSubmatch(body, -1) {
		c.seen[m[1]] = true
	}
}

// missing lists the template files under views/ that no recorded answer
// rendered.
func (c *templateCover) missing() ([]string, error) {
	var out []string
	err := fs.WalkDir(views.FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".html") {
			return err
		}
		if name := strings.TrimSuffix(path, ".html"); !c.seen[name] {
			out = append(out, name)
		}
		return nil
	})
	slices.Sort(out)
	return out, err
}
