package importfile

// SuggestMapping proposes a field for each column from its header name.
// Every email column is kept (the first becomes the primary address), and
// a column of further companies ("Other companies") next to the company
// column; for any other field only the best-named column is, the first
// on a tie.
// Columns it does not recognise are skipped.
func SuggestMapping(header []string) Mapping {
	m := Mapping{Header: header, Columns: make([]Field, len(header))}
	korean := false
	for _, h := range header {
		korean = korean || normalise(h) == "성"
	}
	best := map[Field]int{} // field → column holding it
	for i, h := range header {
		a, ok := suggest(h, korean)
		switch {
		case !ok:
			continue
		case a.field == Email || moreCompanies[normalise(h)]:
			m.Columns[i] = a.field
			continue
		}
		if j, taken := best[a.field]; taken {
			if prev, _ := suggest(header[j], korean); prev.rank <= a.rank {
				continue
			}
			m.Columns[j] = Skip
		}
		best[a.field] = i
		m.Columns[i] = a.field
	}
	return m
}
