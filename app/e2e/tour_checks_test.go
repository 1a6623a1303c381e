package e2e

// tooWide lists the innermost elements that reach past the window's right
// edge when the document scrolls sideways, and nothing when it does not.
const tooWide = `(() => {
	if (document.documentElement.scrollWidth <= window.innerWidth) return [];
	// An element inside a box that scrolls or clips on its own does not
	// widen the page.
	const scrolledWithin = (el) => {
		for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
			if (getComputedStyle(a).overflowX !== "visible") return true;
		}
		return false;
	};
	const out = [];
	for (const el of document.body.querySelectorAll("*")) {
		const r = el.getBoundingClientRect();
		if (r.right <= window.innerWidth + 0.5 || r.width === 0 || scrolledWithin(el)) continue;
		if ([...el.children].some(c => c.getBoundingClientRect().right > window.innerWidth + 0.5)) continue;
		out.push(el.tagName.toLowerCase() + (el.className ? "." + String(el.className).trim().replace(/\s+/g, ".") : "") + " (" + Math.round(r.right) + " px)");
		if (out.length === 8) break;
	}
	return out.length ? out : ["the document (" + document.documentElement.scrollWidth + " px)"];
})()`

// layoutFlaws lists what looks broken on a page that fits: an address
// broken over two lines in a list on a wide screen, and a pager with
// nowhere to go.
const layoutFlaws = `(() => {
	const out = [];
	if (window.innerWidth > 860) {
		for (const td of document.querySelectorAll("td.email")) {
			const r = document.createRange();
			r.selectNodeContents(td);
			const lines = new Set([...r.getClientRects()].map(x => Math.round(x.top)));
			if (lines.size > 1) out.push("the address " + td.innerText + " wraps over " + lines.size + " lines");
		}
	}
	for (const nav of document.querySelectorAll(".pager")) {
		if (!nav.querySelector("a")) out.push("a pager with no page to go to: " + nav.innerText.replace(/\s+/g, " "));
	}
	return out;
})()`
