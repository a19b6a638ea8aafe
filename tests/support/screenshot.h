// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QWidget>

namespace Realm::Test {

// Saves what `widget` shows as REALM_SCREENSHOT_DIR/`name` when that is
// set: the screens a change is looked at. True when not asked, or saved.
inline bool saveScreenshot(QWidget &widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("REALM_SCREENSHOT_DIR");
    return dir.isEmpty() || widget.grab().save(dir + QLatin1Char('/') + name);
}

} // namespace Realm::Test
