// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/promptpicker.h"

#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace Realm::Ui {

namespace {
constexpr int kNameRole = Qt::UserRole;
} // namespace

PromptPicker::PromptPicker(QPlainTextEdit *input, QWidget *parent)
    : QFrame(parent)
    , m_input(input)
    , m_list(new QListWidget)
    , m_preview(new QPlainTextEdit)
    , m_hint(new QLabel(tr("↑↓ choose · Enter fills the question box · Esc closes")))
{
    setObjectName(QStringLiteral("promptPicker"));
    setFrameShape(QFrame::StyledPanel);
    m_list->setObjectName(QStringLiteral("promptList"));
    m_list->setFocusPolicy(Qt::NoFocus); // the question box keeps the focus
    m_list->setMaximumHeight(m_list->fontMetrics().height() * 9 + 8); // eight rows, then it scrolls
    m_preview->setObjectName(QStringLiteral("promptPreview"));
    m_preview->setReadOnly(true);
    m_preview->setFocusPolicy(Qt::NoFocus);
    m_preview->setMaximumHeight(fontMetrics().lineSpacing() * 7);
    m_hint->setEnabled(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_list);
    layout->addWidget(m_preview);
    layout->addWidget(m_hint);
    hide();
    connect(m_list, &QListWidget::currentRowChanged, this, &PromptPicker::showPreview);
    connect(m_list, &QListWidget::itemClicked, this, &PromptPicker::take);
    connect(m_input, &QPlainTextEdit::textChanged, this, [this] { follow(m_input->toPlainText()); });
    m_input->installEventFilter(this);
}

void PromptPicker::setPrompts(const QList<Prompts::PromptTemplate> &prompts)
{
    m_prompts = prompts;
    if (isVisible())
        refill(m_input->toPlainText().mid(1));
}

QString PromptPicker::preview() const
{
    return m_preview->toPlainText();
}

void PromptPicker::follow(const QString &text)
{
    static const QRegularExpression command(QStringLiteral("^/([A-Za-z0-9_-]*)$"));
    const QRegularExpressionMatch match = command.match(text);
    if (!match.hasMatch()) {
        hide();
        return;
    }
    if (!isVisible()) {
        m_values = m_valuesSource ? m_valuesSource() : Prompts::PromptValues{};
        show();
        emit opened();
    }
    refill(match.captured(1));
}

void PromptPicker::refill(const QString &filter)
{
    const QString wanted = m_list->currentItem() ? m_list->currentItem()->data(kNameRole).toString() : QString();
    m_list->clear();
    // Names that start with the filter first, then any that contain it.
    QList<const Prompts::PromptTemplate *> starting;
    QList<const Prompts::PromptTemplate *> containing;
    // (An organization's template goes by "ORG/NAME": a name of its own
    // may be the user's too.)
    for (const Prompts::PromptTemplate &p : std::as_const(m_prompts)) {
        const QString title = Prompts::shownTitle(p);
        if (p.name.startsWith(filter, Qt::CaseInsensitive) || Prompts::qualifiedName(p).startsWith(filter, Qt::CaseInsensitive)
            || title.startsWith(filter, Qt::CaseInsensitive))
            starting.append(&p);
        else if (Prompts::qualifiedName(p).contains(filter, Qt::CaseInsensitive) || title.contains(filter, Qt::CaseInsensitive))
            containing.append(&p);
    }
    for (const Prompts::PromptTemplate *p : starting + containing) {
        const QString name = Prompts::qualifiedName(*p);
        auto *item = new QListWidgetItem(QStringLiteral("/%1 — %2").arg(name, Prompts::shownTitle(*p)), m_list);
        item->setData(kNameRole, name);
        item->setToolTip(Prompts::shownDescription(*p));
        if (name == wanted)
            m_list->setCurrentItem(item);
    }
    if (m_list->count() == 0) {
        m_preview->setPlainText(tr("No prompt template matches \"%1\".").arg(filter));
        return;
    }
    if (!m_list->currentItem())
        m_list->setCurrentRow(0);
    showPreview();
}

void PromptPicker::showPreview()
{
    const QListWidgetItem *item = m_list->currentItem();
    if (!item)
        return;
    for (const Prompts::PromptTemplate &p : std::as_const(m_prompts)) {
        if (Prompts::qualifiedName(p) != item->data(kNameRole).toString())
            continue;
        Result<QString> filled = Prompts::renderPrompt(p, m_values);
        m_preview->setPlainText(filled ? *filled : filled.error().message);
        return;
    }
}

void PromptPicker::take()
{
    const QListWidgetItem *item = m_list->currentItem();
    if (!item)
        return;
    const QString name = item->data(kNameRole).toString();
    const QString filled = preview();
    hide();
    emit chosen(name, filled);
}

bool PromptPicker::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_input || event->type() != QEvent::KeyPress || !isVisible())
        return QFrame::eventFilter(watched, event);
    const auto *key = static_cast<QKeyEvent *>(event);
    switch (key->key()) {
    case Qt::Key_Up:
        m_list->setCurrentRow(std::max(0, m_list->currentRow() - 1));
        return true;
    case Qt::Key_Down:
        m_list->setCurrentRow(std::min(m_list->count() - 1, m_list->currentRow() + 1));
        return true;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Tab:
        if (m_list->count() == 0)
            return QFrame::eventFilter(watched, event); // "/etc/hosts?" is a question
        take();
        return true;
    case Qt::Key_Escape:
        hide();
        return true;
    default:
        return QFrame::eventFilter(watched, event);
    }
}

} // namespace Realm::Ui
