// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatexport/conversationexport.h"

#include "chat/chatjson.h"
#include "chat/chatsession.h"
#include "common/atomicfile.h"
#include "common/jsontime.h"
#include "markup/markdownoutput.h"
#include "pdf/pdfbook.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>


namespace Realm::Chat::ConversationExport {

namespace {
const char kFormat[] = "realm-conversation";
constexpr int kFormatVersion = 1;

QString speaker(const Message &m)
{
    switch (m.role) {
    case ChatMessage::Role::User:
        return QCoreApplication::translate("Realm::Chat", "You");
    case ChatMessage::Role::Assistant:
        return m.model.isEmpty() ? QCoreApplication::translate("Realm::Chat", "Assistant")
                                 : QCoreApplication::translate("Realm::Chat", "Assistant (%1)").arg(m.model);
    case ChatMessage::Role::Tool:
        return QCoreApplication::translate("Realm::Chat", "Tool result");
    case ChatMessage::Role::System:
        return QCoreApplication::translate("Realm::Chat", "System");
    }
    return {};
}

} // namespace

QString toMarkdown(const Conversation &conversation, const QList<Message> &thread)
{
    QString md = QStringLiteral("# %1\n\n").arg(conversation.title.isEmpty() ? QCoreApplication::translate("Realm::Chat", "Conversation")
                                                                             : conversation.title);
    md += QStringLiteral("_%1_\n\n").arg(QCoreApplication::translate("Realm::Chat", "Exported from REALM, %1").arg(Json::time(conversation.updatedAt)));
    for (const Message &m : thread) {
        md += QStringLiteral("## %1\n\n").arg(speaker(m));
        if (!m.context.isEmpty()) {
            QStringList titles;
            for (const QJsonValue &item : m.context)
                titles << QLatin1Char('`') + item.toObject().value(QStringLiteral("title")).toString() + QLatin1Char('`');
            md += QStringLiteral("> %1 %2\n\n").arg(QCoreApplication::translate("Realm::Chat", "Context:"), titles.join(QStringLiteral(", ")));
        }
        md += m.content.trimmed() + QStringLiteral("\n\n");
        if (m.status == Message::Status::Cancelled)
            md += QStringLiteral("_%1_\n\n").arg(QCoreApplication::translate("Realm::Chat", "(stopped before the end)"));
        else if (m.status == Message::Status::Failed || m.status == Message::Status::Interrupted)
            md += QStringLiteral("_%1_\n\n").arg(QCoreApplication::translate("Realm::Chat", "(incomplete: %1)").arg(m.error));
    }
    return md;
}

QString toHtml(const Conversation &conversation, const QList<Message> &thread)
{
    // Model output is untrusted: raw HTML in it is shown as text.
    return Markup::htmlPage(conversation.title, toMarkdown(conversation, thread));
}

Result<void> toPdf(const Conversation &conversation, const QList<Message> &thread, const QString &fileName)
{
    Pdf::Options options;
    return Pdf::writePdf(conversation.title, toMarkdown(conversation, thread), fileName, options);
}

std::optional<Format> formatFromName(const QString &name)
{
    if (name == QLatin1String("md"))
        return Format::Markdown;
    if (name == QLatin1String("html"))
        return Format::Html;
    if (name == QLatin1String("json"))
        return Format::Json;
    if (name == QLatin1String("pdf"))
        return Format::Pdf;
    return std::nullopt;
}

Format formatForFile(const QString &fileName)
{
    return formatFromName(QFileInfo(fileName).suffix().toLower()).value_or(Format::Markdown);
}

Result<QByteArray> render(const ConversationStore &store, const QString &conversationId, Format format)
{
    Result<Conversation> conversation = store.find(conversationId);
    if (!conversation)
        return conversation.error();
    Result<QList<Message>> messages = format == Format::Json ? store.messages(conversationId) : store.thread(conversationId);
    if (!messages)
        return messages.error();
    switch (format) {
    case Format::Json:
        return toJson(*conversation, *messages);
    case Format::Html:
        return toHtml(*conversation, *messages).toUtf8();
    case Format::Markdown:
    case Format::Pdf:
        break;
    }
    return toMarkdown(*conversation, *messages).toUtf8();
}

Result<void> exportToFile(const ConversationStore &store, const QString &conversationId, Format format, const QString &fileName)
{
    if (format == Format::Pdf) {
        Result<Conversation> conversation = store.find(conversationId);
        Result<QList<Message>> thread = conversation ? store.thread(conversationId) : Result<QList<Message>>(conversation.error());
        if (!thread)
            return thread.error();
        return toPdf(*conversation, *thread, fileName);
    }
    Result<QByteArray> bytes = render(store, conversationId, format);
    if (!bytes)
        return bytes.error();
    return writeFileAtomically(fileName, *bytes);
}

QByteArray toJson(const Conversation &conversation, const QList<Message> &allMessages)
{
    QJsonArray messages;
    for (const Message &m : allMessages)
        messages.append(Chat::toJson(m));
    const QJsonObject root{{QStringLiteral("format"), QLatin1String(kFormat)},
                           {QStringLiteral("version"), kFormatVersion},
                           {QStringLiteral("conversation"), QJsonObject{{QStringLiteral("title"), conversation.title},
                                                                        {QStringLiteral("model"), conversation.model},
                                                                        {QStringLiteral("pinned"), conversation.pinned},
                                                                        {QStringLiteral("current_message_id"), conversation.currentMessageId},
                                                                        {QStringLiteral("created_at"), Json::time(conversation.createdAt)}}},
                           {QStringLiteral("messages"), messages}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Result<QString> importJson(ConversationStore &store, const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    const QJsonObject root = doc.object();
    if (!doc.isObject() || root.value(QStringLiteral("format")).toString() != QLatin1String(kFormat))
        return Error::invalidInput(QCoreApplication::translate("Realm::Chat", "This is not a conversation exported by REALM (%1).")
                                       .arg(parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                                         : QStringLiteral("format")));
    if (root.value(QStringLiteral("version")).toInt() > kFormatVersion)
        return Error::invalidInput(QCoreApplication::translate("Realm::Chat", "The conversation was exported by a newer REALM; update to import it."));
    const QJsonObject c = root.value(QStringLiteral("conversation")).toObject();
    Result<Conversation> conversation = store.create(c.value(QStringLiteral("title")).toString(), {}, {}, c.value(QStringLiteral("model")).toString());
    if (!conversation)
        return conversation.error();
    // Parents come before their children in an export; ids are new here.
    QHash<QString, QString> newIds;
    QString current;
    for (const QJsonValue &value : root.value(QStringLiteral("messages")).toArray()) {
        const QJsonObject o = value.toObject();
        Message m = messageFromJson(o);
        m.conversationId = conversation->id;
        const QString oldParent = m.parentId;
        if (!oldParent.isEmpty() && !newIds.contains(oldParent))
            return Error::invalidInput(QCoreApplication::translate("Realm::Chat", "The export is damaged: a message refers to a missing one."));
        m.parentId = newIds.value(oldParent);
        m.id.clear();
        Result<Message> stored = store.appendKeepingTimes(m);
        if (!stored)
            return stored.error();
        newIds.insert(o.value(QStringLiteral("id")).toString(), stored->id);
        if (o.value(QStringLiteral("id")).toString() == c.value(QStringLiteral("current_message_id")).toString())
            current = stored->id;
    }
    if (!current.isEmpty()) {
        if (Result<void> r = store.switchTo(conversation->id, current); !r)
            return r.error();
    }
    if (c.value(QStringLiteral("pinned")).toBool()) {
        if (Result<void> r = store.setPinned(conversation->id, true); !r)
            return r.error();
    }
    return conversation->id;
}

} // namespace Realm::Chat::ConversationExport
