// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAction>
#include <QString>

namespace Realm::Ui {

// A menu command's name as a list shows it: without the mnemonic's '&' and
// the "…" that promises a dialog ("&Find in File…" → "Find in File").
inline QString plainActionText(const QAction *action)
{
    QString text = action->text();
    text.remove(QLatin1Char('&'));
    text.remove(QStringLiteral("…"));
    return text.trimmed();
}

} // namespace Realm::Ui
