// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"

#include <QString>

#include <memory>

struct git_repository;

namespace Realm::Projects::Git {

// libgit2 keeps global state; each user holds one of these while it works.
class LibraryScope final {
public:
    LibraryScope();
    ~LibraryScope();
    Q_DISABLE_COPY_MOVE(LibraryScope)
};

struct RepositoryDeleter {
    void operator()(git_repository *repo) const;
};
using RepositoryPtr = std::unique_ptr<git_repository, RepositoryDeleter>;

// The message of libgit2's last error, or `fallback`.
QString lastErrorMessage(const QString &fallback = {});

QString libraryVersion();

} // namespace Realm::Projects::Git
