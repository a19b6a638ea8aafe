// SPDX-License-Identifier: GPL-3.0-or-later
// Must NOT compile: a core library cannot see the desktop's headers
// (tests/boundaries/CMakeLists.txt checks that the build fails, and why).
#include "mainwindow/mainwindow.h"
