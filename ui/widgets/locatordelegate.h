// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace Realm::Ui {

// Draws a locator row (see LocatorRole): its icon, its name with the
// matched characters in bold and the link colour, then what comes before
// the name (a file's folder) muted and elided in the middle, and a
// shortcut right-aligned.
class LocatorDelegate final : public QStyledItemDelegate {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocatorDelegate)
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace Realm::Ui
