// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cliarguments.h"

namespace Realm::Cli {

// `realm-cli search` and `realm-cli cat`.
int runSearch(const Invocation &invocation);
int runCat(const Invocation &invocation);

} // namespace Realm::Cli
