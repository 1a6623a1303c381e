package web

// routes maps every URL to its handler. Each handler lives in a file named
// after its resource and action.
func (s *Server) routes() {
	r := s.app
	r.Get("/healthz", s.health)
	r.Use(s.loadSession, s.loadCustomer, s.csrf)

	r.Get("/setup", s.setupShow)
	r.Post("/setup", s.setupCreate)
	r.Get("/login", s.loginShow)
	r.Post("/login", s.loginLimiters()...).Post("/login", s.loginCreate)
	r.Get("/invite/:token", s.inviteShow)
	r.Post("/invite/:token", s.inviteAccept)
	s.portalRoutes()

	a := r.Group("", s.requireAgent)
	a.Post("/logout", s.logout)
	a.Get("/", s.home)

	a.Get("/contacts", s.contactList)
	a.Get("/contacts/new", s.contactNew)
	a.Post("/contacts", s.contactCreate)
	a.Get("/contacts/:id", s.contactShow)
	a.Get("/contacts/:id/edit", s.contactEdit)
	a.Post("/contacts/:id", s.contactUpdate)
	a.Post("/contacts/:id/tags", s.contactTags)
	a.Post("/contacts/:id/state", s.contactState)
	a.Get("/contacts/:id/erase", s.requireAdmin, s.contactEraseConfirm)
	a.Post("/contacts/:id/erase", s.requireAdmin, s.contactErase)
	a.Post("/contacts/:id/emails", s.emailAdd)
	a.Post("/contacts/:id/emails/:email/promote", s.emailPromote)
	a.Post("/contacts/:id/emails/:email/remove", s.emailRemove)
	a.Post("/contacts/:id/activation", s.contactSendLink)
	a.Get("/contacts/:id/password", s.requireAdmin, s.contactPasswordShow)
	a.Post("/contacts/:id/password", s.requireAdmin, s.contactPassword)
	a.Post("/activations", s.bulkActivationStart)
	a.Get("/activations/:job", s.bulkActivationShow)

	a.Get("/contacts/:id/merge", s.contactMergePick)
	a.Get("/contacts/:id/merge/review", s.contactMergeReview)
	a.Post("/contacts/:id/merge", s.contactMerge)

	a.Get("/companies", s.companyList)
	a.Get("/companies/new", s.companyNew)
	a.Get("/companies/options", s.companyOptions)
	a.Post("/companies", s.companyCreate)
	a.Get("/companies/:id", s.companyShow)
	a.Get("/companies/:id/edit", s.companyEdit)
	a.Post("/companies/:id", s.companyUpdate)
	a.Get("/companies/:id/delete", s.companyDeleteConfirm)
	a.Post("/companies/:id/delete", s.companyDelete)
	a.Post("/contacts/:id/companies", s.membershipAdd)
	a.Post("/contacts/:id/companies/:company/default", s.membershipDefault)
	a.Post("/contacts/:id/companies/:company/tickets", s.membershipTickets)
	a.Post("/contacts/:id/companies/:company/remove", s.membershipRemove)

	a.Get("/agents", s.requireAdmin, s.agentList)
	a.Post("/agents", s.requireAdmin, s.agentInvite)
	a.Post("/agents/:id/role", s.requireAdmin, s.agentRole)
	a.Post("/agents/:id/active", s.requireAdmin, s.agentActive)
	a.Post("/agents/:id/reset", s.requireAdmin, s.agentReset)

	ad := a.Group("/admin", s.requireAdmin)
	ad.Get("/mailbox", s.mailboxList)
	ad.Get("/mailbox/:id", s.mailboxShow)
	ad.Get("/mailbox/:id/html", s.mailboxHTML)
	ad.Get("/email-templates", s.emailTemplateList)
	ad.Get("/email-templates/:key", s.emailTemplateEdit)
	ad.Post("/email-templates/:key", s.emailTemplateSave)
	ad.Post("/email-templates/:key/preview", s.emailTemplatePreview)
	ad.Get("/email-templates/:key/preview/html", s.emailTemplatePreviewHTML)
	ad.Post("/email-templates/:key/reset", s.emailTemplateReset)
	ad.Get("/notifications", s.notificationsShow)
	ad.Post("/notifications", s.notificationsSave)
}

// portalRoutes maps the customer portal, which has its own session and
// sign-in; they come before the agents' routes, which require an agent.
func (s *Server) portalRoutes() {
	p := s.app.Group("/portal")
	p.Get("/login", s.portalLoginShow)
	p.Post("/login", s.portalLoginLimiters()...).Post("/login", s.portalLoginCreate)
	p.Post("/logout", s.portalLogout)
	p.Get("/forgot", s.portalForgotShow)
	p.Post("/forgot", s.linkLimiters()...).Post("/forgot", s.portalForgot)
	p.Get("/activate/:token", s.activateShow)
	p.Post("/activate/:token", s.linkPassword)
	p.Get("/reset/:token", s.resetShow)
	p.Post("/reset/:token", s.linkPassword)
	p.Get("", s.requireCustomer, s.portalHome)
}
