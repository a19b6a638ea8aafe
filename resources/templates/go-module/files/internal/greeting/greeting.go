// Package greeting builds the messages that {{project_name}} prints.
package greeting

import (
	"errors"
	"strings"
)

// ErrEmptyName is returned when the name to greet is empty.
var ErrEmptyName = errors.New("name must not be empty")

// Greet returns a friendly greeting for name.
func Greet(name string) (string, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return "", ErrEmptyName
	}
	return "Hello, " + name + "!", nil
}
