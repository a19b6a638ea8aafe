#include "greeting.h"

#include <cassert>

int main()
{
    assert(greeter::greet("Ada") == "Hello, Ada!");
    assert(greeter::greet("") == "Hello, world!");
    assert(greeter::greet("Ada", greeter::Tone::Formal) == "Good day, Ada.");
    return 0;
}
