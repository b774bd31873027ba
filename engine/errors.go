package engine

import "fmt"

// FieldError reports a value the engine cannot use. Field names the
// attribute in the offer language ("equity.schedule", "band.base"); the lang
// package turns it into a located diagnostic.
type FieldError struct {
	Field string
	Code  string
	Msg   string
}

func (e *FieldError) Error() string { return fmt.Sprintf("%s: %s", e.Field, e.Msg) }
