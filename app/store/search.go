package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"unicode"
)

// searchTokens splits text the way the FTS5 unicode61 tokenizer does:
// runs of letters and digits.
func searchTokens(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// FTSQuery turns what a user typed into a safe FTS5 query: every word is
// quoted and matched as a prefix, and all words must match. It returns ""
// when the input has no searchable word.
func FTSQuery(input string) string {
	toks := searchTokens(input)
	if digits := onlyDigits(input); len(digits) >= 3 && len(toks) > 1 {
		toks = []string{digits} // "+1 (555) 010" is one phone number
	}
	for i, t := range toks {
		toks[i] = `"` + t + `"*`
	}
	return strings.Join(toks, " ")
}

// searchDoc builds a contact's search document. Besides the raw values it
// adds each name word without its first letter when the word is Hangul or
// Han, so "민준" finds "김민준", and phone numbers as bare digits. keys
// are its external id and X handle.
func searchDoc(name string, emails, phones, companies []string, keys ...string) string {
	var b strings.Builder
	b.WriteString(name)
	for _, w := range searchTokens(name) {
		if r := []rune(w); len(r) > 1 && isCJK(r[0]) {
			b.WriteString(" " + string(r[1:]))
		}
	}
	for _, e := range emails {
		b.WriteString(" " + e)
	}
	for _, p := range phones {
		if d := onlyDigits(p); d != "" {
			b.WriteString(" " + p + " " + d + nationalDigits(p))
		}
	}
	for _, c := range companies {
		b.WriteString(" " + c)
	}
	for _, k := range keys {
		if k != "" {
			b.WriteString(" " + k)
		}
	}
	return b.String()
}

func isCJK(r rune) bool {
	return unicode.In(r, unicode.Hangul, unicode.Han, unicode.Hiragana, unicode.Katakana)
}

func onlyDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
}

// refreshSearch rewrites the search document of contact id from its rows.
func refreshSearch(ctx context.Context, tx *sql.Tx, id int64) error {
	var name, phone, mobile string
	var ext, handle sql.NullString
	err := tx.QueryRowContext(ctx, `SELECT name, phone, mobile, external_id, twitter_id FROM contacts WHERE id = $1`, id).
		Scan(&name, &phone, &mobile, &ext, &handle)
	if err != nil {
		return notFound(err, "contact", id)
	}
	emails, err := strings1(ctx, tx, `SELECT email FROM contact_emails WHERE contact_id = $1`, id)
	if err != nil {
		return err
	}
	companies, err := strings1(ctx, tx, `SELECT co.name FROM contact_companies cc JOIN companies co ON co.id = cc.company_id WHERE cc.contact_id = $1`, id)
	if err != nil {
		return err
	}
	doc := searchDoc(name, emails, []string{phone, mobile}, companies, ext.String, handle.String)
	if _, err := tx.ExecContext(ctx, `DELETE FROM contacts_fts WHERE rowid = $1`, id); err != nil {
		return fmt.Errorf("store: clear search doc %d: %w", id, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO contacts_fts (rowid, doc) VALUES ($1, $2)`, id, doc); err != nil {
		return fmt.Errorf("store: write search doc %d: %w", id, err)
	}
	return nil
}

// strings1 runs a query returning one text column.
func strings1(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}, query string, args ...any) ([]string, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("store: query: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, fmt.Errorf("store: scan: %w", err)
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// nationalDigits returns, for an international number such as
// "+1 555 156 6795" or "+82 10 1234 5678", the number as dialled at home
// ("5551566795"; "1012345678" and "01012345678"), each with a leading
// space, so agents find it however they type it. Other numbers give "".
func nationalDigits(phone string) string {
	p := strings.TrimSpace(phone)
	if !strings.HasPrefix(p, "+") {
		return ""
	}
	cc := strings.IndexFunc(p[1:], func(r rune) bool { return r < '0' || r > '9' })
	if cc <= 0 {
		return ""
	}
	national := onlyDigits(p[1+cc:])
	if national == "" {
		return ""
	}
	if strings.HasPrefix(national, "0") {
		return " " + national
	}
	return " " + national + " 0" + national
}
