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

// Makes `button` the one Enter presses in its dialog, again after another
// button held the focus. Call it once the button is inside the dialog: Qt
// remembers a dialog's main button only when setDefault() is called then
// (before, any other button taking and leaving the focus would take the
// default away for good), and ignores a repeated setDefault(true).
inline void setMainAction(QPushButton *button)
{
    button->setDefault(false);
    button->setDefault(true);
}

} // namespace Realm::Ui
