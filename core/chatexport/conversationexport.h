// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chat/conversation.h"
#include "chat/conversationstore.h"
#include "common/error.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace Realm::Chat {

// A conversation taken out of REALM: Markdown and HTML of the thread on
// show (for reading and sharing), JSON of every message and version (for
// moving it to another workspace; importJson() reads it back).
namespace ConversationExport {

QString toMarkdown(const Conversation &conversation, const QList<Message> &thread);
// A standalone HTML page: the Markdown rendered by md4c, light and dark CSS.
QString toHtml(const Conversation &conversation, const QList<Message> &thread);
QByteArray toJson(const Conversation &conversation, const QList<Message> &allMessages);
// A PDF of the HTML rendering (A4, page numbers). Needs a QGuiApplication
// (offscreen is fine).
Result<void> toPdf(const Conversation &conversation, const QList<Message> &thread, const QString &fileName);
enum class Format { Markdown, Html, Json, Pdf };
// "md", "html", "json", "pdf".
std::optional<Format> formatFromName(const QString &name);
// By the file's suffix; Markdown when it says nothing.
Format formatForFile(const QString &fileName);
// A stored conversation in a text format (not PDF): the thread on show, or
// for JSON every version.
Result<QByteArray> render(const ConversationStore &store, const QString &conversationId, Format format);
// A stored conversation written to a file, atomically; PDF too.
Result<void> exportToFile(const ConversationStore &store, const QString &conversationId, Format format, const QString &fileName);

// Creates a new conversation from toJson() output (new ids, same tree,
// texts, times, usage and context). Returns its id.
Result<QString> importJson(ConversationStore &store, const QByteArray &json);

} // namespace ConversationExport

} // namespace Realm::Chat
