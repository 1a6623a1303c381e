package contact

import "github.com/portico-hub/portico/app/model"

// InputOf is a contact's stored fields as form input, for an edit that
// changes some of them and must keep the others as they are: the
// profile form, a portal save, an import's row laid over a contact.
func InputOf(f model.ContactFields) Input {
	return Input{Name: f.Name, JobTitle: f.JobTitle, Phone: f.Phone, Mobile: f.Mobile, Language: f.Language,
		TimeZone: f.TimeZone, ExternalID: f.ExternalID, TwitterID: f.TwitterID, Address: f.Address, About: f.About}
}
