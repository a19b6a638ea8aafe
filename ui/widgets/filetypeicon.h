// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>
#include <QString>

namespace Realm::Ui {

// The icon for a file, by its name alone (nothing is read): the icon
// theme's for its MIME type when the theme has one, else a small coloured
// badge for the common code types (so a machine without an icon theme still
// tells C++ from Python at a glance), else a plain page. Cached per type;
// UI thread only.
QIcon fileTypeIcon(const QString &fileName);

} // namespace Realm::Ui
