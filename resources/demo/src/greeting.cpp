#include "greeting.h"

namespace greeter {

std::string greet(std::string_view name, Tone tone)
{
    const std::string_view who = name.empty() ? std::string_view("world") : name;
    // TODO: localise the greeting once there is a second language.
    if (tone == Tone::Formal)
        return "Good day, " + std::string(who) + ".";
    return "Hello, " + std::string(who) + "!";
}

} // namespace greeter
