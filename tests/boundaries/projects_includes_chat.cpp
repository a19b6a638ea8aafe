// SPDX-License-Identifier: GPL-3.0-or-later
// Must NOT compile: projects does not depend on chat, so it cannot see its
// headers (tests/boundaries/CMakeLists.txt checks that the build fails, and why).
#include "chat/chatsession.h"
