// SPDX-License-Identifier: GPL-3.0-or-later
#include "interrupts.h"

#include <QSocketNotifier>

#include <csignal>
#include <fcntl.h>
#include <unistd.h>

namespace Realm::Cli {

namespace {
CancellationToken g_interrupted;
int g_wakePipe[2] = {-1, -1};

// Only async-signal-safe calls here: an atomic store and write(2).
extern "C" void onInterrupt(int)
{
    g_interrupted.cancel();
    if (g_wakePipe[1] >= 0) {
        const char byte = 1;
        [[maybe_unused]] const ssize_t written = ::write(g_wakePipe[1], &byte, 1);
    }
}
} // namespace

InterruptScope::InterruptScope()
{
    if (g_wakePipe[0] < 0 && ::pipe(g_wakePipe) == 0) {
        for (int fd : g_wakePipe)
            ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
    }
    if (g_wakePipe[0] >= 0) {
        m_notifier = new QSocketNotifier(g_wakePipe[0], QSocketNotifier::Read, this);
        connect(m_notifier, &QSocketNotifier::activated, this, [this] {
            char drain[16];
            while (::read(g_wakePipe[0], drain, sizeof drain) > 0) {
            }
            emit interrupted();
        });
    }
    m_previous = std::signal(SIGINT, onInterrupt);
}

InterruptScope::~InterruptScope()
{
    std::signal(SIGINT, m_previous);
}

CancellationToken *InterruptScope::token()
{
    return &g_interrupted;
}

} // namespace Realm::Cli
