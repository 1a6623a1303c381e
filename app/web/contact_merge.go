package web

import (
	"fmt"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/contact"
)

// mergeForm is what both merge steps read: the contact in the URL, the
// duplicates chosen, the contact to keep, and per field the contact whose
// value to keep.
type mergeForm struct {
	ID      int64
	With    []int64
	Primary int64
	Picks   map[string]int64
}

// ids lists every contact of the merge, the one in the URL first.
func (f mergeForm) ids() []int64 { return append([]int64{f.ID}, f.With...) }

// mergeArgs is a query string or an urlencoded body.
type mergeArgs interface {
	Peek(key string) []byte
	PeekMulti(key string) [][]byte
}

// readMergeForm parses the merge parameters. Values that are not ids are
// ignored, as are repeats, so a hand-edited URL cannot cause a 500.
func readMergeForm(c *fiber.Ctx, args mergeArgs) (mergeForm, error) {
	id, err := paramID(c, "id")
	if err != nil {
		return mergeForm{}, err
	}
	f := mergeForm{ID: id, Primary: id, Picks: map[string]int64{}}
	seen := map[int64]bool{id: true}
	for _, v := range args.PeekMulti("with") {
		if n := mergeID(v); n != 0 && !seen[n] {
			seen[n] = true
			f.With = append(f.With, n)
		}
	}
	if n := mergeID(args.Peek("primary")); n != 0 {
		f.Primary = n
	}
	for _, k := range contact.MergeFieldKeys() {
		if n := mergeID(args.Peek("keep_" + k)); n != 0 {
			f.Picks[k] = n
		}
	}
	return f, nil
}

func mergeID(b []byte) int64 {
	n, err := strconv.ParseInt(string(b), 10, 64)
	if err != nil || n < 0 {
		return 0
	}
	return n
}

// contactMerge carries out a reviewed merge and opens the kept contact. A
// problem (too many addresses, a contact merged meanwhile) shows the
// review again with its message.
func (s *Server) contactMerge(c *fiber.Ctx) error {
	f, err := readMergeForm(c, c.Request().PostArgs())
	if err != nil {
		return err
	}
	plan, err := s.contacts.Merge(c.UserContext(), actor(c), f.ids(), f.Primary, f.Picks)
	if fields, ok := fieldErrors(err); ok {
		return s.renderMergeReview(c, f, fields)
	}
	if err != nil {
		return err
	}
	flash(c, fmt.Sprintf("Merged %s into %s.", count(len(plan.OtherIDs()), "contact"), plan.Kept.Name))
	return redirect(c, fmt.Sprintf("/contacts/%d", plan.Primary.ID))
}
