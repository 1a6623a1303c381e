package importfile

import (
	"archive/zip"
	"encoding/xml"
	"io"
	"path"
	"strings"
)

// book is a workbook's index, read before excelize sees the file: its
// sheets in tab order and the parts that reading one of them needs.
type book struct {
	zr     *zip.Reader
	parts  map[string]*zip.File // by lower-case name
	sheets []bookSheet
	// index holds the parts every sheet needs: the content types, the
	// package and workbook relationships, the workbook, its styles (for
	// dates and number formats) and its shared strings.
	index []*zip.File
}

// bookSheet is one sheet and the zip part holding its cells.
type bookSheet struct {
	Name string
	part *zip.File
}

const officeDocument = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"

// readBook reads the workbook's index from its relationships and
// workbook parts, each small and read within maxIndexPart.
func readBook(zr *zip.Reader) (*book, error) {
	b := &book{zr: zr, parts: map[string]*zip.File{}}
	for _, f := range zr.File {
		b.parts[strings.ToLower(strings.ReplaceAll(f.Name, "\\", "/"))] = f
	}
	wbPath := "xl/workbook.xml"
	var pkg relationships
	if err := b.decode("_rels/.rels", &pkg); err == nil {
		if t := pkg.target(officeDocument); t != "" {
			wbPath = strings.TrimPrefix(t, "/")
		}
	}
	dir := path.Dir(wbPath)
	relsPath := strings.TrimPrefix(dir+"/_rels/"+path.Base(wbPath)+".rels", "./")
	var wb workbookXML
	var rels relationships
	if err := b.decode(wbPath, &wb); err != nil {
		return nil, err
	}
	if err := b.decode(relsPath, &rels); err != nil {
		return nil, err
	}
	for _, s := range wb.Sheets {
		part := b.part(resolve(dir, rels.byID(s.relID())))
		if part != nil {
			b.sheets = append(b.sheets, bookSheet{Name: s.Name, part: part})
		}
	}
	for _, name := range []string{"[content_types].xml", "_rels/.rels", wbPath, relsPath, "xl/styles.xml", "xl/sharedstrings.xml"} {
		if f := b.part(name); f != nil {
			b.index = append(b.index, f)
		}
	}
	return b, nil
}

// part finds a zip part by name, ignoring case as Excel does.
func (b *book) part(name string) *zip.File { return b.parts[strings.ToLower(name)] }

// decode reads a small XML part of the index, refusing one larger than
// maxIndexPart before reading it.
func (b *book) decode(name string, v any) error {
	f := b.part(name)
	if f == nil {
		return fileError(msgDamaged)
	}
	if f.UncompressedSize64 > maxIndexPart {
		return fileError("This Excel file expands to more than %s in %s.", mb(maxIndexPart), f.Name)
	}
	rc, err := f.Open()
	if err != nil {
		return fileError(msgDamaged)
	}
	defer rc.Close()
	if xml.NewDecoder(io.LimitReader(rc, maxIndexPart)).Decode(v) != nil {
		return fileError(msgDamaged)
	}
	return nil
}

// resolve turns a relationship's target into a part name: relative to
// the workbook's folder, or from the root when it starts with "/".
func resolve(dir, target string) string {
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(path.Clean(target), "/")
	}
	return strings.TrimPrefix(path.Clean(dir+"/"+target), "/")
}

type relationships struct {
	Rels []struct {
		ID     string `xml:"Id,attr"`
		Type   string `xml:"Type,attr"`
		Target string `xml:"Target,attr"`
	} `xml:"Relationship"`
}

func (r relationships) target(typ string) string {
	for _, rel := range r.Rels {
		if rel.Type == typ {
			return rel.Target
		}
	}
	return ""
}

func (r relationships) byID(id string) string {
	for _, rel := range r.Rels {
		if rel.ID == id {
			return rel.Target
		}
	}
	return ""
}

type workbookXML struct {
	Sheets []sheetXML `xml:"sheets>sheet"`
}

type sheetXML struct {
	Name  string     `xml:"name,attr"`
	Attrs []xml.Attr `xml:",any,attr"`
}

// relID is the sheet's r:id, in the transitional or the strict
// namespace alike.
func (s sheetXML) relID() string {
	for _, a := range s.Attrs {
		if a.Name.Local == "id" && a.Name.Space != "" {
			return a.Value
		}
	}
	return ""
}

// SheetNames lists an Excel file's sheets in tab order, so a person can
// pick another when the one read cannot be.
func SheetNames(r io.ReaderAt, size int64) ([]string, error) {
	zr, err := openZip(r, size)
	if err != nil {
		return nil, err
	}
	b, err := readBook(zr)
	if err != nil {
		return nil, err
	}
	names := make([]string, len(b.sheets))
	for i, s := range b.sheets {
		names[i] = s.Name
	}
	return names, nil
}
