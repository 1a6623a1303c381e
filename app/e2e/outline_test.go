package e2e

import (
	"os"
	"strings"
	"testing"
)

// outline is the page's structure as a list of lines: its landmarks,
// headings, the links of its menus and its buttons, each once and in
// the order of the page, with numbers shown as #, so that data changes
// it less than a change of the page does.
func (p *page) outline() string {
	p.t.Helper()
	var lines []string
	p.eval(outlineJS, &lines)
	return strings.Join(lines, "\n") + "\n"
}

const outlineJS = `(() => {
	const seen = new Set(), out = [];
	const words = s => (s || "").replace(/\s+/g, " ").trim().replace(/\d[\d,.:]*/g, "#");
	const shown = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
	const sel = "header, nav, main, footer, [role=search], h1, h2, h3, nav a, button, a.button";
	for (const el of document.querySelectorAll(sel)) {
		if (!shown(el)) continue;
		const tag = el.tagName.toLowerCase();
		let line;
		if (/^h[1-3]$/.test(tag)) line = tag + " " + words(el.innerText);
		else if (tag === "button" || el.classList.contains("button")) line = "button " + words(el.innerText || el.getAttribute("aria-label"));
		else if (tag === "a") line = "  link " + words(el.innerText);
		else line = (el.getAttribute("role") || tag) + (el.getAttribute("aria-label") ? " " + el.getAttribute("aria-label") : "");
		if (!seen.has(line)) { seen.add(line); out.push(line); }
	}
	return out;
})()`

// writeOutline saves an outline next to its screenshot.
func writeOutline(t *testing.T, path, outline string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(outline), 0o644); err != nil {
		t.Fatal(err)
	}
}

// compareOutline fails when the page's outline differs from the one
// committed beside its screenshot, and says what changed.
func compareOutline(t *testing.T, path, live string) {
	t.Helper()
	saved, err := os.ReadFile(path)
	if err != nil {
		t.Errorf("%v: run make screenshots", err)
		return
	}
	if string(saved) == live {
		return
	}
	t.Errorf("%s no longer matches its page; run make screenshots to take it again.\nsaved:\n%s\nthe page now:\n%s", path, saved, live)
}
