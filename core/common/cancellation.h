// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>

namespace Realm {

// A flag a long job polls between steps. Any thread may cancel; the job
// notices at its next step and unwinds without leaving partial results.
class CancellationToken final {
public:
    void cancel() { m_cancelled.store(true, std::memory_order_relaxed); }
    bool isCancelled() const { return m_cancelled.load(std::memory_order_relaxed); }

private:
    std::atomic<bool> m_cancelled{false};
};

} // namespace Realm
