// SPDX-License-Identifier: GPL-3.0-or-later
#include "help/helpdialogs.h"

#include "widgets/actiontext.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QFile>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Realm::Ui {

namespace {
// The menus' commands, submenus included, in menu order: "Menu → Command".
void collect(const QMenu *menu, const QString &path, QTreeWidget *list)
{
    for (QAction *action : menu->actions()) {
        if (action->isSeparator() || !action->isVisible())
            continue;
        const QString name = plainActionText(action);
        if (action->menu()) {
            collect(action->menu(), path + name + QStringLiteral(" → "), list);
            continue;
        }
        QStringList keys;
        for (const QKeySequence &key : action->shortcuts())
            keys << key.toString(QKeySequence::NativeText);
        auto *item = new QTreeWidgetItem(list, {path + name, keys.join(QStringLiteral(", "))});
        item->setToolTip(0, action->toolTip());
    }
}

QDialogButtonBox *closeButtons(QDialog *dialog)
{
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    return buttons;
}
} // namespace

ShortcutsDialog::ShortcutsDialog(const QMenuBar *menus, QWidget *parent)
    : QDialog(parent)
    , m_filter(new QLineEdit)
    , m_list(new QTreeWidget)
{
    setWindowTitle(tr("Keyboard Shortcuts"));
    resize(560, 520);
    m_filter->setObjectName(QStringLiteral("shortcutFilter"));
    m_filter->setPlaceholderText(tr("Type a command or a key, e.g. find or ctrl+shift"));
    m_filter->setClearButtonEnabled(true);
    m_list->setObjectName(QStringLiteral("shortcutList"));
    m_list->setHeaderLabels({tr("Command"), tr("Keys")});
    m_list->setRootIsDecorated(false);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_list->header()->setStretchLastSection(false);
    for (QAction *top : menus->actions()) {
        if (top->menu())
            collect(top->menu(), plainActionText(top) + QStringLiteral(" → "), m_list);
    }
    connect(m_filter, &QLineEdit::textChanged, this, &ShortcutsDialog::setFilter);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_filter);
    layout->addWidget(m_list, 1);
    layout->addWidget(closeButtons(this));
}

void ShortcutsDialog::setFilter(const QString &text)
{
    if (m_filter->text() != text)
        m_filter->setText(text);
    // Every word must appear in the command or its keys; "ctrl+shift+f"
    // matches "Ctrl+Shift+F" whatever the case.
    const QStringList words = text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        const QString haystack = item->text(0) + QLatin1Char(' ') + item->text(1);
        bool shown = true;
        for (const QString &word : words)
            shown = shown && haystack.contains(word, Qt::CaseInsensitive);
        item->setHidden(!shown);
    }
}

QStringList ShortcutsDialog::visibleRows() const
{
    QStringList rows;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        if (!m_list->topLevelItem(i)->isHidden())
            rows << m_list->topLevelItem(i)->text(0) + QLatin1Char('\t') + m_list->topLevelItem(i)->text(1);
    }
    return rows;
}

UserGuideDialog::UserGuideDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("REALM User Guide"));
    resize(820, 680);
    auto *browser = new QTextBrowser;
    browser->setObjectName(QStringLiteral("userGuide"));
    browser->setOpenExternalLinks(true);
    browser->setSearchPaths({QStringLiteral(":/realm/guide")}); // the README's screenshots
    QFile readme(QStringLiteral(":/realm/guide/README.md"));
    if (readme.open(QIODevice::ReadOnly))
        browser->setMarkdown(QString::fromUtf8(readme.readAll()));
    else
        browser->setPlainText(tr("The user guide is missing from this build: see README.md in REALM's sources."));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(browser, 1);
    layout->addWidget(closeButtons(this));
}

} // namespace Realm::Ui
