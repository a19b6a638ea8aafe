// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chat/conversation.h"

#include <QDeadlineTimer>
#include <QTextBrowser>
#include <QTimer>

#include <memory>

class QToolButton;

namespace Realm::Ui {

class MarkdownStream;

// One conversation as a reader sees it: each message with who wrote it,
// its version among regenerations/edits (‹ 2/3 ›), what context went with
// it, and actions (copy, edit, regenerate, copy a code block). Answers are
// Markdown; a streaming answer is rendered incrementally. Loads nothing
// itself: it shows what it is given. Never fetches resources — model
// output cannot make it load files or URLs.
class ChatView final : public QTextBrowser {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatView)
public:
    explicit ChatView(QWidget *parent = nullptr);
    ~ChatView() override;

    void showThread(const QList<Chat::Message> &thread);
    // What an empty conversation shows: how to start.
    void showWelcome(bool hasProvider, const QString &projectName);
    // A new answer starts streaming below the thread on show.
    void beginAnswer(const QString &model, const QString &answerId);
    void appendAnswer(const QString &delta);
    // Until the answer's first words arrive, its body says what it waits
    // for: "Connecting…", or after a failed attempt a countdown to the next.
    void showRetry(int attempt, int attempts, qint64 delayMs);
    void endAnswer();
    // After endAnswer(): the stored thread, whose last message is the answer
    // just streamed. Its header (usage, actions) and status are updated in
    // place; the answer's text is not drawn again.
    void settleAnswer(const QList<Chat::Message> &thread);
    bool isStreaming() const { return m_answering; }
    // The answer being streamed (or streamed last).
    QString answerId() const { return m_answerId; }

    const QStringList &codeBlocks() const { return m_codeBlocks; }
    const QList<Chat::Message> &thread() const { return m_thread; }
    // Scrolls to a message (search results jump here).
    void showMessage(const QString &messageId);

    // The small buttons shown over the message under the mouse (Copy, and
    // Edit for a question or Regenerate for an answer); hidden otherwise.
    QWidget *messageActions() const { return m_messageActions; }
    // The message whose actions are on show, or empty.
    QString hoveredMessageId() const { return m_hoveredId; }

signals:
    void copyRequested(const QString &text);
    void editRequested(const Realm::Chat::Message &question);
    void regenerateRequested(const Realm::Chat::Message &answer);
    void versionRequested(const QString &messageId, int step); // -1 previous, +1 next
    void contextRequested(const Realm::Chat::Message &question);
    void setupRequested();

protected:
    QVariant loadResource(int type, const QUrl &name) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    // A new palette (a theme switch) draws the conversation again in it.
    void changeEvent(QEvent *event) override;

private:
    void followLink(const QUrl &url);
    void createMessageActions();
    void updateMessageActionIcons();
    void showMessageActions(const QPoint &at);
    void hideMessageActions();
    void appendHeader(const Chat::Message &m);
    QString headerHtml(const Chat::Message &m) const;
    void appendStatusNote(const Chat::Message &m);
    void appendFailureCard(const Chat::Message &m);
    const Chat::Message *messageById(const QString &id) const;
    void showWaiting(const QString &text);
    void stopWaiting();
    void updateRetryCountdown();
    void resetAnswer();

    QList<Chat::Message> m_thread;
    QStringList m_codeBlocks;
    // Each shown message's header block, in document order, for hovering.
    QList<QPair<int, QString>> m_headerBlocks;
    QWidget *m_messageActions = nullptr;
    QToolButton *m_copyButton = nullptr;
    QToolButton *m_editButton = nullptr;
    QToolButton *m_regenerateButton = nullptr;
    QString m_hoveredId;
    void renderPending();

    bool m_answering = false; // between beginAnswer() and endAnswer()
    int m_bodyStart = -1;     // where the answer's text begins
    QString m_waitingText;    // what the body says until the first words; empty once they came
    QTimer *m_retryTimer;
    QDeadlineTimer m_retryDeadline;
    int m_retryAttempt = 0;
    int m_retryAttempts = 0;
    std::unique_ptr<MarkdownStream> m_stream; // from the first words on
    // Deltas are drawn in batches, at most ~30 times a second: a fast model
    // sends hundreds of tokens a second, and a frame per token would keep
    // the UI thread busy for nothing anyone can see.
    QString m_unrendered;
    int m_answerHeaderBlock = -1; // block number of the streaming answer's header
    QString m_answerId;           // the answer being (or last) streamed
    QTimer *m_renderTimer;
    bool m_autoScroll = true;
    bool m_restyleWhenSettled = false; // the palette changed while an answer streamed
};

} // namespace Realm::Ui
