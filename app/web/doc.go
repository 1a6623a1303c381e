// Package web is the only package that touches *fiber.Ctx. It owns the
// routes, middleware, handlers and rendering of the agents' UI.
//
// Handlers parse, validate, call a domain package and render or redirect.
// It imports the domain packages, store and model; nothing imports it but
// app.
package web
