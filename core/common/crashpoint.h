// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Realm {

// Fault injection for the crash-safety tests: with REALM_TEST_CRASH_AT=NAME
// in the environment, the process kills itself (SIGKILL: no cleanup, no
// commit, as a power cut would) on reaching the point NAME — placed inside
// transactions that must commit whole or not at all. Otherwise one string
// comparison.
void crashPoint(const char *name);

} // namespace Realm
