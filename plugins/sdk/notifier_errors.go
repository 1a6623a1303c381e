package sdk

// The error kinds of notification channels, spelt as on the wire.
const (
	ErrTemporary      ErrorKind = "temporary"
	ErrPermanent      ErrorKind = "permanent"
	ErrInvalidAddress ErrorKind = "invalid_address"
	ErrTooLong        ErrorKind = "too_long"
)

// Temporary reports a channel that failed this time; the host sends again
// later with the same key.
func Temporary(msg string) error { return &Error{Kind: ErrTemporary, Message: msg} }

// Permanent reports a message the channel will never deliver.
func Permanent(msg string) error { return &Error{Kind: ErrPermanent, Message: msg} }

// InvalidAddress reports an address the channel cannot deliver to; the
// message is shown to the person who typed it.
func InvalidAddress(msg string) error { return &Error{Kind: ErrInvalidAddress, Message: msg} }
