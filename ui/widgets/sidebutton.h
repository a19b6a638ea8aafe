// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPushButton>

namespace Realm::Ui {

// A button beside a dialog's main action (Browse…, Add, Test Connection):
// it never takes Enter. Qt's dialog buttons are "auto default", so one that
// has the focus — as Browse has after a click — would otherwise run on the
// next Enter instead of Import or Save.
inline QPushButton *sideButton(const QString &text)
{
    auto *button = new QPushButton(text);
    button->setAutoDefault(false);
    return button;
}

} // namespace Realm::Ui
