// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QWidget;

namespace Realm::Ui {

// Lets a filter field steer a result list: Up, Down, PageUp and PageDown
// typed in the field move the list's selection (quick open, command palette).
class ListKeyForwarder final : public QObject {
public:
    ListKeyForwarder(QWidget *list, QObject *parent) : QObject(parent), m_list(list) {}

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *m_list;
};

} // namespace Realm::Ui
