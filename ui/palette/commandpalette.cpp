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
    : LocatorPopup(tr("Type a command"), tr("No matching commands"), {560, 380}, parent)
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
    QList<QPair<QString, Projects::FuzzyMatch>> shown;
    if (pattern.trimmed().isEmpty()) {
        names.sort(Qt::CaseInsensitive);
        for (const QString &name : std::as_const(names))
            shown.append({name, {}});
    } else {
        shown = Projects::FuzzyMatcher(pattern).rank(names, 100);
    }
    for (const auto &[name, match] : std::as_const(shown)) {
        QAction *action = byName.value(name);
        auto *item = new QListWidgetItem(action->icon(), name, list);
        item->setData(Qt::UserRole, QVariant::fromValue(static_cast<QObject *>(action)));
        item->setData(MatchPositionsRole, QVariant::fromValue(match.positions));
        item->setData(ShortcutRole, action->shortcut().toString(QKeySequence::NativeText));
        item->setFlags(action->isEnabled() ? item->flags() : item->flags() & ~Qt::ItemIsEnabled);
    }
    resultsChanged();
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
