package web

import "github.com/gofiber/fiber/v2"

// importRoutes maps the import wizard and the import history, before
// /contacts/:id would take "import" and "imports" for contact ids.
func (s *Server) importRoutes(r fiber.Router) {
	r.Get(importUploadPath, s.importNew)
	r.Post(importUploadPath, s.importUpload)
	r.Get("/contacts/import/:draft/map", s.importMap)
	r.Post("/contacts/import/:draft/map", s.importMapSave)
	r.Get("/contacts/import/:draft/review", s.importReview)
	r.Get("/contacts/import/:draft/options", s.importOptions)
	r.Post("/contacts/import/:draft/options", s.importStart)
	r.Post("/contacts/import/:draft/discard", s.importDiscard)

	r.Get("/contacts/imports", s.importList)
	r.Get("/contacts/imports/:id", s.importShow)
	r.Get("/contacts/imports/:id/cancel", s.importCancelConfirm)
	r.Post("/contacts/imports/:id/cancel", s.importCancel)
	r.Get("/contacts/imports/:id/file", s.importFile)
	r.Get("/contacts/imports/:id/failed.csv", s.importFailures)
}
