package web

import "github.com/gofiber/fiber/v2"

// importRoutes maps the import wizard and the import history of every
// kind, before /contacts/:id and /companies/:id would take "import" and
// "imports" for ids. The same handlers serve each kind, which k.serve
// tells them.
func (s *Server) importRoutes(r fiber.Router) {
	r.Get("/contacts/import/source", s.importSourceNew)
	r.Post("/contacts/import/source", s.importSourceStart)
	r.Get("/contacts/import/source/dry/:id", s.importSourceDry)
	for _, k := range importKinds {
		p := k.Path()
		r.Get(p+"/import", k.serve, s.importNew)
		r.Post(p+"/import", k.serve, s.importUpload)
		r.Get(p+"/import/:draft/map", k.serve, s.importMap)
		r.Post(p+"/import/:draft/map", k.serve, s.importMapSave)
		r.Get(p+"/import/:draft/review", k.serve, s.importReview)
		r.Get(p+"/import/:draft/options", k.serve, s.importOptions)
		r.Post(p+"/import/:draft/options", k.serve, s.importStart)
		r.Post(p+"/import/:draft/discard", k.serve, s.importDiscard)

		r.Get(p+"/imports", k.serve, s.importList)
		r.Get(p+"/imports/:id", k.serve, s.importShow)
		r.Get(p+"/imports/:id/cancel", k.serve, s.importCancelConfirm)
		r.Post(p+"/imports/:id/cancel", k.serve, s.importCancel)
		r.Post(p+"/imports/:id/activation", k.serve, s.importActivationSend)
		r.Post(p+"/imports/:id/activation/cancel", k.serve, s.importActivationCancel)
		r.Get(p+"/imports/:id/file", k.serve, s.importFile)
		r.Get(p+"/imports/:id/failed.csv", k.serve, s.importFailures)
	}
}
