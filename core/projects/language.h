// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QString>

namespace Realm::Projects {

// The language of a file as a short lowercase id ("cpp", "python", "make"),
// from its name (extension or a well-known name such as Makefile or
// Dockerfile) and, failing that, a shebang line. Empty when unknown.
QString detectLanguage(const QString &path, QByteArrayView head);

// A name for people: "C++", "Python", "Makefile".
QString languageDisplayName(const QString &id);

} // namespace Realm::Projects
