#include "greeting.h"

#include <cstring>
#include <iostream>

int main(int argc, char **argv)
{
    const bool formal = argc > 2 && std::strcmp(argv[2], "--formal") == 0;
    const char *name = argc > 1 ? argv[1] : "";
    std::cout << greeter::greet(name, formal ? greeter::Tone::Formal : greeter::Tone::Casual) << '\n';
    return 0;
}
