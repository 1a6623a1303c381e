package sdk

// Contact is a person as the remote system knows them.
type Contact struct {
	// ExternalID is the remote system's stable identifier; Portico links
	// records by it.
	ExternalID string
	Name       string
	// Emails holds the addresses, the primary one first.
	Emails            []string
	Phone             string
	Mobile            string
	JobTitle          string
	Language          string
	TimeZone          string
	CompanyExternalID string
	CompanyName       string
	Tags              []string
	About             string
	CustomFields      map[string]string
}

// Company is an organisation as the remote system knows it.
type Company struct {
	ExternalID   string
	Name         string
	Domains      []string
	Description  string
	Notes        string
	Tags         []string
	CustomFields map[string]string
}

// Record is one contact or one company: exactly one field is set.
type Record struct {
	Contact *Contact
	Company *Company
}

// Batch is a run of records and the cursor that resumes right after them.
type Batch struct {
	Records  []Record
	Cursor   string
	Progress Progress
}

// Progress tells how far an import has come. Total is 0 when unknown.
type Progress struct {
	Done  int64
	Total int64
}
