// SPDX-License-Identifier: GPL-3.0-or-later
#include "palette/commandpalette.h"

#include "projects/fuzzymatcher.h"
#include "widgets/actiontext.h"

#include <QAction>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>

namespace Realm::Ui {

CommandPalette::CommandPalette(QWidget *parent)
    : LocatorPopup(tr("Command Palette"), tr("Type a command"), {560, 380}, parent)
{
}

void CommandPalette::setActions(const QList<QAction *> &actions)
{
    m_actions.clear();
    for (QAction *action : actions) {
        if (!action->isSeparator() && !action->menu() && !plainActionText(action).isEmpty() && action->isVisible())
            m_actions << action;
    }
    refresh();
}

void CommandPalette::setFilter(const QString &text)
{
    input()->setText(text);
    input()->setFocus();
}

void CommandPalette::refresh()
{
    QListWidget *list = results();
    list->clear();
    QStringList names;
    QHash<QString, QAction *> byName;
    for (QAction *action : std::as_const(m_actions)) {
        names << plainActionText(action);
        byName.insert(plainActionText(action), action);
    }
    const QString pattern = input()->text();
    QStringList shown;
    if (pattern.trimmed().isEmpty()) {
        shown = names;
        shown.sort(Qt::CaseInsensitive);
    } else {
        for (const auto &[name, match] : Projects::FuzzyMatcher(pattern).rank(names, 100))
            shown << name;
    }
    for (const QString &name : std::as_const(shown)) {
        QAction *action = byName.value(name);
        const QString shortcut = action->shortcut().toString(QKeySequence::NativeText);
        auto *item = new QListWidgetItem(shortcut.isEmpty() ? name : QStringLiteral("%1    %2").arg(name, shortcut), list);
        item->setData(Qt::UserRole, QVariant::fromValue(static_cast<QObject *>(action)));
        item->setFlags(action->isEnabled() ? item->flags() : item->flags() & ~Qt::ItemIsEnabled);
    }
    list->setCurrentRow(0);
}

void CommandPalette::activate()
{
    QListWidgetItem *item = results()->currentItem();
    if (!item)
        return;
    auto *action = qobject_cast<QAction *>(item->data(Qt::UserRole).value<QObject *>());
    accept();
    if (action && action->isEnabled())
        action->trigger();
}

} // namespace Realm::Ui
