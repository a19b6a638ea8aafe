package greeting

import (
	"errors"
	"testing"
)

func TestGreet(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{name: "plain", in: "Ada", want: "Hello, Ada!"},
		{name: "trimmed", in: "  Ada ", want: "Hello, Ada!"},
		{name: "world", in: "world", want: "Hello, world!"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Greet(tt.in)
			if err != nil {
				t.Fatalf("Greet(%q) returned error: %v", tt.in, err)
			}
			if got != tt.want {
				t.Errorf("Greet(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestGreetEmpty(t *testing.T) {
	if _, err := Greet("   "); !errors.Is(err, ErrEmptyName) {
		t.Errorf("Greet(blank) error = %v, want ErrEmptyName", err)
	}
}
