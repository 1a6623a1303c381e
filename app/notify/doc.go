// Package notify routes Portico's messages to contacts through email and
// notification channel plugins (SMS, chat), and delivers the channel
// messages.
//
// The shape, from the senders' side and the admins' side:
//
//   - A NotifyRule per kind of message (model.NotifyKinds) says which
//     channels carry it: [email] (the default), [channel] (instead of
//     email) or [channel, email] (a channel, then email as the fallback).
//     Service.Rules, Service.SetRule (audited) and Service.Channels serve
//     Admin > Notifications.
//   - A short plain-text template per kind is what a channel sends, with
//     built-in defaults: Service.Template, SetTemplate, ResetTemplate and
//     Preview (the text for sample data, its characters and SMS segments
//     as the channel counts them, and whether it is too long).
//   - Service.Plan turns a recipient and a kind into the messages to
//     queue, in the transaction of the change they tell about (an
//     activation token): the first channel the contact can be reached by,
//     and, behind a channel, the email fallback, written held. When the
//     contact has no address for the channel, or the channel's plugin is
//     not usable, the email is queued at once with a note saying why.
//   - Every message, email or channel, lives in one outbox (the emails
//     table). Deliverer, the notify.deliver job, hands channel messages
//     to their plugin with the message id as the idempotency key:
//     temporary and rate-limited failures and crashed or hung plugins are
//     retried with the same key (the SDK's ledger never sends twice what
//     the channel accepted); permanent failures, invalid addresses, texts
//     too long for the channel and unusable plugins fail the message with
//     the channel's reason and release its email fallback. A message that
//     went out closes its fallback as skipped.
//
// Texts too long for a channel are refused, never cut: the channel
// answers too_long, the message fails with that reason and the email
// fallback carries the message; the template editor warns before that.
// A ticket message's text is a notice with the link to the ticket: its
// subject is shortened and a reply body left out when it would not fit
// (fit.go says the rule).
//
// Only the kinds sent to contacts may use channels (ChannelKinds,
// model.NotifyKind.UsesChannels): the export ready notice goes to
// agents, who have no channel addresses, and SetRule and SetTemplate
// refuse a channel or a channel text for it.
//
// It imports store, model, mail, jobs, pluginhost and the SDK (for the
// plain-text rules and message limits); never web.
package notify
