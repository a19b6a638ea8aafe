// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/chatview.h"

#include "chat/chatprovider.h"
#include "chat/markdownrenderer.h"
#include "chat/projecttools.h"
#include "widgets/glyphicon.h"

#include <QFontDatabase>

#include <QAbstractTextDocumentLayout>
#include <QDesktopServices>
#include <QHBoxLayout>
#include <QMouseEvent>
#include <QToolButton>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextDocumentFragment>
#include <QTextTable>
#include <QUrlQuery>

namespace Realm::Ui {

namespace {
QString roleTitle(const Chat::Message &m)
{
    switch (m.role) {
    case Chat::ChatMessage::Role::User:
        return ChatView::tr("You");
    case Chat::ChatMessage::Role::Assistant:
        return m.model.isEmpty() ? ChatView::tr("Assistant") : m.model;
    case Chat::ChatMessage::Role::Tool:
        return ChatView::tr("Tool result");
    case Chat::ChatMessage::Role::System:
        return ChatView::tr("System");
    }
    return {};
}

QString link(const QString &href, const QString &text)
{
    return QStringLiteral("<a href=\"%1\">%2</a>").arg(href.toHtmlEscaped(), text.toHtmlEscaped());
}
} // namespace

ChatView::ChatView(QWidget *parent)
    : QTextBrowser(parent)
    , m_retryTimer(new QTimer(this))
    , m_renderTimer(new QTimer(this))
{
    m_retryTimer->setInterval(250); // the countdown is in seconds: redrawn when its text changes
    connect(m_retryTimer, &QTimer::timeout, this, &ChatView::updateRetryCountdown);
    m_renderTimer->setSingleShot(true);
    m_renderTimer->setInterval(33);
    connect(m_renderTimer, &QTimer::timeout, this, &ChatView::renderPending);
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setUndoRedoEnabled(false);
    document()->setDocumentMargin(10);
    document()->setDefaultStyleSheet(answerStyleSheet());
    connect(this, &QTextBrowser::anchorClicked, this, &ChatView::followLink);
    // Follow a streaming answer unless the reader has scrolled up to read.
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        m_autoScroll = value >= verticalScrollBar()->maximum() - 4;
    });
    connect(verticalScrollBar(), &QScrollBar::rangeChanged, this, [this](int, int max) {
        if (m_autoScroll)
            verticalScrollBar()->setValue(max);
    });
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &ChatView::hideMessageActions);
    createMessageActions();
}

void ChatView::createMessageActions()
{
    m_messageActions = new QWidget(viewport());
    m_messageActions->setObjectName(QStringLiteral("messageActions"));
    m_messageActions->setAutoFillBackground(true);
    auto *layout = new QHBoxLayout(m_messageActions);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->setSpacing(2);
    const auto button = [this, layout](const QString &name, const QString &tip, const QString &scheme) {
        auto *b = new QToolButton(m_messageActions);
        b->setObjectName(name);
        b->setAutoRaise(true);
        b->setToolTip(tip);
        b->setIconSize(QSize(16, 16));
        b->setFocusPolicy(Qt::NoFocus);
        connect(b, &QToolButton::clicked, this, [this, scheme] { followLink(QUrl(scheme + m_hoveredId)); });
        layout->addWidget(b);
        return b;
    };
    m_copyButton = button(QStringLiteral("copyMessage"), tr("Copy"), QStringLiteral("realm-copy-message:"));
    m_editButton = button(QStringLiteral("editMessage"), tr("Edit"), QStringLiteral("realm-edit:"));
    m_regenerateButton = button(QStringLiteral("regenerateMessage"), tr("Regenerate"), QStringLiteral("realm-regenerate:"));
    updateMessageActionIcons();
    m_messageActions->hide();
    viewport()->setMouseTracking(true);
}

void ChatView::updateMessageActionIcons()
{
    const QColor colour = palette().color(QPalette::ButtonText);
    m_copyButton->setIcon(glyphIcon(Glyph::Copy, colour));
    m_editButton->setIcon(glyphIcon(Glyph::Edit, colour));
    m_regenerateButton->setIcon(glyphIcon(Glyph::Regenerate, colour));
}

void ChatView::mouseMoveEvent(QMouseEvent *event)
{
    QTextBrowser::mouseMoveEvent(event);
    showMessageActions(event->position().toPoint());
}

bool ChatView::viewportEvent(QEvent *event)
{
    // Leaving the view hides the buttons, unless the mouse went onto them.
    if (event->type() == QEvent::Leave && !m_messageActions->underMouse())
        hideMessageActions();
    return QTextBrowser::viewportEvent(event);
}

// The buttons sit at the right end of the hovered message's header line.
void ChatView::showMessageActions(const QPoint &at)
{
    const int block = cursorForPosition(at).blockNumber();
    auto header = std::upper_bound(m_headerBlocks.cbegin(), m_headerBlocks.cend(), block,
                                   [](int number, const QPair<int, QString> &entry) { return number < entry.first; });
    const Chat::Message *m = header == m_headerBlocks.cbegin() ? nullptr : messageById(std::prev(header)->second);
    if (!m || m->status == Chat::Message::Status::Streaming || (m_answering && m->id == m_answerId)) {
        hideMessageActions();
        return;
    }
    m_hoveredId = m->id;
    m_editButton->setVisible(m->role == Chat::ChatMessage::Role::User);
    m_regenerateButton->setVisible(m->role == Chat::ChatMessage::Role::Assistant);
    m_messageActions->adjustSize();
    const QRectF rect = document()->documentLayout()->blockBoundingRect(document()->findBlockByNumber(std::prev(header)->first));
    const int top = int(rect.top() + (rect.height() - m_messageActions->height()) / 2) - verticalScrollBar()->value();
    m_messageActions->move(viewport()->width() - m_messageActions->width() - 4, std::max(0, top));
    m_messageActions->show();
}

void ChatView::hideMessageActions()
{
    m_messageActions->hide();
    m_hoveredId.clear();
}

ChatView::~ChatView() = default;

QVariant ChatView::loadResource(int, const QUrl &)
{
    return {}; // no images or style sheets from model output, local or remote
}

void ChatView::changeEvent(QEvent *event)
{
    QTextBrowser::changeEvent(event);
    if (event->type() != QEvent::PaletteChange)
        return;
    updateMessageActionIcons();
    if (m_thread.isEmpty())
        return;
    // Links, code colours, tints and notes took the palette's colours when
    // they were drawn.
    if (m_answering) {
        m_restyleWhenSettled = true;
        return;
    }
    const int scrolled = verticalScrollBar()->value();
    const bool atEnd = m_autoScroll;
    showThread(m_thread);
    if (!atEnd) {
        verticalScrollBar()->setValue(scrolled);
        m_autoScroll = false;
    }
}

QString ChatView::headerHtml(const Chat::Message &m) const
{
    QString header = QStringLiteral("<a name=\"%1\"></a><b>%2</b>").arg(m.id, roleTitle(m).toHtmlEscaped());
    if (m.versionCount > 1) {
        header += QStringLiteral("&nbsp;&nbsp;") + link(QStringLiteral("realm-version:%1?step=-1").arg(m.id), QStringLiteral("‹"))
                  + QStringLiteral(" %1/%2 ").arg(m.versionIndex + 1).arg(m.versionCount)
                  + link(QStringLiteral("realm-version:%1?step=1").arg(m.id), QStringLiteral("›"));
    }
    if (m.status == Chat::Message::Status::Streaming)
        return header;
    // Copy, Edit and Regenerate are buttons shown on hover; what the
    // header says is what went with the message and what it cost.
    QStringList details;
    if (!m.context.isEmpty())
        details << link(QStringLiteral("realm-context:") + m.id, tr("Context (%n item(s))", nullptr, int(m.context.size())));
    if (m.usage.outputTokens >= 0)
        details << tr("%1 in / %2 out tokens").arg(m.usage.inputTokens).arg(m.usage.outputTokens).toHtmlEscaped();
    if (details.isEmpty())
        return header;
    return header + QStringLiteral("&nbsp;&nbsp;<small style=\"color:%1\">%2</small>")
                        .arg(palette().color(QPalette::PlaceholderText).name(), details.join(QStringLiteral(" · ")));
}

void ChatView::appendHeader(const Chat::Message &m)
{
    QTextCursor cursor(document());
    cursor.movePosition(QTextCursor::End);
    QTextBlockFormat spaced;
    spaced.setTopMargin(document()->isEmpty() ? 0 : 14);
    spaced.setBottomMargin(4);
    if (document()->isEmpty())
        cursor.setBlockFormat(spaced);
    else
        cursor.insertBlock(spaced, QTextCharFormat());
    m_headerBlocks.append({cursor.blockNumber(), m.id});
    cursor.insertHtml(headerHtml(m));
}

void ChatView::appendStatusNote(const Chat::Message &m)
{
    QString note;
    switch (m.status) {
    case Chat::Message::Status::Cancelled:
        note = tr("Stopped before the end.");
        break;
    case Chat::Message::Status::Failed:
        appendFailureCard(m);
        return;
    case Chat::Message::Status::Interrupted:
        note = tr("Interrupted: REALM closed while this answer was arriving.");
        break;
    default:
        return;
    }
    QTextCursor cursor(document());
    cursor.movePosition(QTextCursor::End);
    cursor.insertBlock(QTextBlockFormat(), QTextCharFormat());
    cursor.insertHtml(QStringLiteral("<i style=\"color:#b05000\">%1</i>").arg(note.toHtmlEscaped()));
}

// A failed answer ends in a card that says why and offers the two ways
// on: asking again, or fixing the provider.
void ChatView::appendFailureCard(const Chat::Message &m)
{
    const QColor alert(0xc0, 0x39, 0x2b);
    QColor tint = alert;
    tint.setAlphaF(0.08f);
    QTextTableFormat card;
    card.setBorder(1);
    card.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
    card.setBorderBrush(alert);
    card.setBorderCollapse(true);
    card.setBackground(tint);
    card.setCellPadding(8);
    card.setCellSpacing(0);
    card.setTopMargin(6);
    card.setWidth(QTextLength(QTextLength::PercentageLength, 100));
    QTextCursor cursor(document());
    cursor.movePosition(QTextCursor::End);
    cursor.insertBlock(QTextBlockFormat(), QTextCharFormat());
    QTextTable *table = cursor.insertTable(1, 1, card);
    QTextCursor cell = table->cellAt(0, 0).firstCursorPosition();
    cell.insertHtml(QStringLiteral("<b>%1</b><br>%2<br>").arg(tr("No answer").toHtmlEscaped(), m.error.toHtmlEscaped())
                    + link(QStringLiteral("realm-regenerate:") + m.id, tr("Retry")) + QStringLiteral(" &nbsp;·&nbsp; ")
                    + link(QStringLiteral("realm-setup:"), tr("Edit Provider…")));
}

void ChatView::resetAnswer()
{
    hideMessageActions();
    m_answerHeaderBlock = -1;
    m_renderTimer->stop();
    m_retryTimer->stop();
    m_unrendered.clear();
    m_stream.reset();
    m_answering = false;
    m_waitingText.clear();
}

void ChatView::showThread(const QList<Chat::Message> &thread)
{
    resetAnswer();
    m_thread = thread;
    m_codeBlocks.clear();
    m_headerBlocks.clear();
    clear();
    for (const Chat::Message &m : thread) {
        appendHeader(m);
        QTextCursor cursor(document());
        cursor.movePosition(QTextCursor::End);
        cursor.insertBlock(QTextBlockFormat(), QTextCharFormat()); // not the header's link format
        if (m.role == Chat::ChatMessage::Role::Assistant) {
            MarkdownStream stream(document(), cursor.position(), int(m_codeBlocks.size()));
            stream.append(m.content);
            stream.finish();
            m_codeBlocks += stream.codeBlocks();
            for (const Chat::ToolCall &call : m.toolCalls) {
                cursor.movePosition(QTextCursor::End);
                cursor.insertBlock(QTextBlockFormat(), QTextCharFormat());
                cursor.insertHtml(QStringLiteral("<span style=\"color:gray\"><i>%1</i></span>")
                                      .arg(tr("Looks up %1").arg(Chat::ProjectTools::describe(call)).toHtmlEscaped()));
            }
        } else if (m.role == Chat::ChatMessage::Role::Tool) {
            // A tool's result: its first lines, enough to see what the model saw.
            constexpr int kShownLines = 6;
            QStringList lines = m.content.split(QLatin1Char('\n'));
            const qsizetype total = lines.size();
            if (total > kShownLines) {
                lines.resize(kShownLines);
                lines << tr("… %n more line(s)", nullptr, int(total - kShownLines));
            }
            QTextCharFormat small;
            small.setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
            small.setForeground(palette().color(QPalette::PlaceholderText));
            for (qsizetype i = 0; i < lines.size(); ++i) {
                if (i > 0)
                    cursor.insertBlock(QTextBlockFormat(), small);
                cursor.insertText(lines.at(i), small);
            }
        } else {
            // Questions are shown as typed, on a tinted background.
            QTextBlockFormat question;
            QColor tint = palette().color(QPalette::Highlight);
            tint.setAlphaF(0.12f);
            question.setBackground(tint);
            question.setLeftMargin(4);
            const QStringList lines = m.content.split(QLatin1Char('\n'));
            for (qsizetype i = 0; i < lines.size(); ++i) {
                if (i > 0)
                    cursor.insertBlock(question, QTextCharFormat());
                else
                    cursor.setBlockFormat(question);
                cursor.insertText(lines.at(i), QTextCharFormat());
            }
        }
        appendStatusNote(m);
    }
    m_autoScroll = true;
    verticalScrollBar()->setValue(verticalScrollBar()->maximum());
}

void ChatView::showWelcome(bool hasProvider, const QString &projectName)
{
    resetAnswer();
    m_thread.clear();
    m_codeBlocks.clear();
    m_headerBlocks.clear();
    QString html = QStringLiteral("<div style=\"color:gray\">");
    if (!hasProvider) {
        html += tr("<p><b>Chat with an LLM about your code.</b></p><p>REALM talks to local models (Ollama, llama.cpp, LM Studio, "
                   "vLLM) and to OpenAI, Anthropic or any OpenAI-compatible service.</p>");
        html += QStringLiteral("<p>") + link(QStringLiteral("realm-setup:"), tr("Set up a provider…")) + QStringLiteral("</p>");
    } else if (!projectName.isEmpty()) {
        html += tr("<p>Ask anything about <b>%1</b>. The code your question is about is found and sent with it; "
                   "Ctrl+Shift+A adds the selection or the open file.</p>").arg(projectName.toHtmlEscaped());
    } else {
        html += tr("<p>Ask anything. Open a project to ask about its code.</p>");
    }
    setHtml(html + QStringLiteral("</div>"));
}

void ChatView::beginAnswer(const QString &model, const QString &answerId)
{
    m_answerId = answerId;
    Chat::Message placeholder;
    placeholder.role = Chat::ChatMessage::Role::Assistant;
    placeholder.model = model;
    placeholder.status = Chat::Message::Status::Streaming;
    appendHeader(placeholder);
    m_answerHeaderBlock = document()->lastBlock().blockNumber();
    QTextCursor cursor(document());
    cursor.movePosition(QTextCursor::End);
    cursor.insertBlock(QTextBlockFormat(), QTextCharFormat());
    m_bodyStart = cursor.position();
    m_answering = true;
    showWaiting(tr("Connecting…"));
}

void ChatView::showWaiting(const QString &text)
{
    if (text == m_waitingText)
        return;
    QTextCursor cursor(document());
    cursor.setPosition(m_bodyStart);
    cursor.movePosition(QTextCursor::End, QTextCursor::KeepAnchor);
    cursor.removeSelectedText();
    QTextCharFormat hint;
    hint.setFontItalic(true);
    hint.setForeground(palette().color(QPalette::PlaceholderText));
    cursor.insertText(text, hint);
    m_waitingText = text;
}

void ChatView::stopWaiting()
{
    m_retryTimer->stop();
    if (m_waitingText.isEmpty())
        return;
    QTextCursor cursor(document());
    cursor.setPosition(m_bodyStart);
    cursor.movePosition(QTextCursor::End, QTextCursor::KeepAnchor);
    cursor.removeSelectedText();
    cursor.setBlockCharFormat(QTextCharFormat());
    m_waitingText.clear();
}

void ChatView::showRetry(int attempt, int attempts, qint64 delayMs)
{
    if (!m_answering || m_stream)
        return; // retries happen only before the first words
    m_retryAttempt = attempt;
    m_retryAttempts = attempts;
    m_retryDeadline.setRemainingTime(delayMs);
    updateRetryCountdown();
    m_retryTimer->start();
}

void ChatView::updateRetryCountdown()
{
    if (m_retryDeadline.hasExpired()) {
        m_retryTimer->stop();
        showWaiting(tr("Connecting…"));
        return;
    }
    showWaiting(Chat::describeRetry(m_retryAttempt, m_retryAttempts, m_retryDeadline.remainingTime()));
}

void ChatView::appendAnswer(const QString &delta)
{
    if (!m_answering)
        return;
    m_unrendered += delta;
    if (!m_renderTimer->isActive())
        m_renderTimer->start();
}

void ChatView::settleAnswer(const QList<Chat::Message> &thread)
{
    // Settled in place only if this view streamed that very answer (in the
    // palette still in use).
    if (thread.isEmpty() || m_answering || m_answerHeaderBlock < 0 || thread.last().id != m_answerId
        || std::exchange(m_restyleWhenSettled, false)) {
        showThread(thread);
        return;
    }
    const QTextBlock header = document()->findBlockByNumber(m_answerHeaderBlock);
    QTextCursor cursor(document());
    cursor.setPosition(header.position());
    cursor.setPosition(header.position() + header.length() - 1, QTextCursor::KeepAnchor);
    cursor.removeSelectedText();
    cursor.insertHtml(headerHtml(thread.last()));
    appendStatusNote(thread.last());
    if (!m_headerBlocks.isEmpty() && m_headerBlocks.last().first == m_answerHeaderBlock)
        m_headerBlocks.last().second = thread.last().id;
    m_thread = thread;
    m_answerHeaderBlock = -1;
}

void ChatView::renderPending()
{
    if (!m_answering || m_unrendered.isEmpty())
        return;
    if (!m_stream) { // the first words: they take the waiting line's place
        stopWaiting();
        m_stream = std::make_unique<MarkdownStream>(document(), m_bodyStart, int(m_codeBlocks.size()));
    }
    m_stream->append(std::exchange(m_unrendered, QString()));
}

void ChatView::endAnswer()
{
    if (!m_answering)
        return;
    m_renderTimer->stop();
    renderPending();
    stopWaiting();
    if (m_stream) {
        m_stream->finish();
        m_codeBlocks += m_stream->codeBlocks();
        m_stream.reset();
    }
    m_answering = false;
}

const Chat::Message *ChatView::messageById(const QString &id) const
{
    for (const Chat::Message &m : m_thread) {
        if (m.id == id)
            return &m;
    }
    return nullptr;
}

void ChatView::showMessage(const QString &messageId)
{
    m_autoScroll = false;
    scrollToAnchor(messageId);
}

void ChatView::followLink(const QUrl &url)
{
    const QString scheme = url.scheme();
    const QString target = url.path();
    if (scheme == QLatin1String("realm-copy")) {
        const int index = target.toInt();
        if (index >= 0 && index < m_codeBlocks.size())
            emit copyRequested(m_codeBlocks.at(index));
        return;
    }
    if (scheme == QLatin1String("realm-setup")) {
        emit setupRequested();
        return;
    }
    if (scheme == QLatin1String("http") || scheme == QLatin1String("https")) {
        QDesktopServices::openUrl(url); // only web links leave the app
        return;
    }
    const Chat::Message *m = messageById(target);
    if (!m)
        return;
    if (scheme == QLatin1String("realm-copy-message"))
        emit copyRequested(m->content);
    else if (scheme == QLatin1String("realm-edit"))
        emit editRequested(*m);
    else if (scheme == QLatin1String("realm-regenerate"))
        emit regenerateRequested(*m);
    else if (scheme == QLatin1String("realm-context"))
        emit contextRequested(*m);
    else if (scheme == QLatin1String("realm-version"))
        emit versionRequested(m->id, QUrlQuery(url).queryItemValue(QStringLiteral("step")).toInt());
}

} // namespace Realm::Ui
