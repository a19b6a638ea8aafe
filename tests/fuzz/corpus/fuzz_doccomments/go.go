package demo

// Sum returns the sum of xs.
func Sum(xs ...int) int { return 0 }

//go:generate stringer
type Kind int
