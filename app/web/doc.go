// Package web is the only package that touches *fiber.Ctx. It owns the
// routes, middleware, handlers and rendering of the agents' UI and of the
// customer portal (/portal, with its passkeys).
//
// Handlers parse, validate, call a domain service and render or redirect.
// The services come built in Deps from the composition root (app); web
// builds none of its own. Handlers read and change state only through
// those services; of the store web uses only the clock and the health
// check (app's layers test fails otherwise). Nothing imports web but app.
package web
