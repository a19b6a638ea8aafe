#pragma once

#include <string>
#include <string_view>

namespace greeter {

/// How formal a greeting should be.
enum class Tone { Casual, Formal };

/// Returns a greeting for `name`, e.g. "Hello, Ada!".
/// An empty name greets the whole world.
std::string greet(std::string_view name, Tone tone = Tone::Casual);

} // namespace greeter
