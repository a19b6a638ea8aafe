// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/conversationexport.h"

#include "chat/chatsession.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <QPageSize>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSaveFile>
#include <QTextDocument>

#include <md4c-html.h>

namespace Realm::Chat::ConversationExport {

namespace {
const char kFormat[] = "realm-conversation";
constexpr int kFormatVersion = 1;

QString isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

qint64 msFromIso(const QString &text)
{
    const QDateTime t = QDateTime::fromString(text, Qt::ISODate);
    return t.isValid() ? t.toMSecsSinceEpoch() : 0;
}

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

void appendHtml(const MD_CHAR *text, MD_SIZE size, void *out)
{
    static_cast<QByteArray *>(out)->append(text, qsizetype(size));
}

QJsonObject usageJson(const Usage &u)
{
    QJsonObject o;
    if (u.inputTokens >= 0)
        o.insert(QStringLiteral("input_tokens"), u.inputTokens);
    if (u.outputTokens >= 0)
        o.insert(QStringLiteral("output_tokens"), u.outputTokens);
    return o;
}
} // namespace

QString toMarkdown(const Conversation &conversation, const QList<Message> &thread)
{
    QString md = QStringLiteral("# %1\n\n").arg(conversation.title.isEmpty() ? QCoreApplication::translate("Realm::Chat", "Conversation")
                                                                             : conversation.title);
    md += QStringLiteral("_%1_\n\n").arg(QCoreApplication::translate("Realm::Chat", "Exported from REALM, %1").arg(isoTime(conversation.updatedAt)));
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
    const QByteArray markdown = toMarkdown(conversation, thread).toUtf8();
    QByteArray body;
    md_html(markdown.constData(), MD_SIZE(markdown.size()), appendHtml, &body, MD_DIALECT_GITHUB, 0);
    const QString title = conversation.title.toHtmlEscaped();
    return QStringLiteral(
               "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>%1</title>\n"
               "<style>\n"
               ":root { color-scheme: light dark; }\n"
               "body { font-family: system-ui, sans-serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; }\n"
               "h2 { font-size: 1rem; margin-top: 2rem; border-bottom: 1px solid #8884; }\n"
               "pre { background: #8881; padding: .75rem; overflow-x: auto; border-radius: 4px; }\n"
               "code { font-family: ui-monospace, monospace; }\n"
               "blockquote { color: #888; margin-left: 0; padding-left: 1rem; border-left: 3px solid #8884; }\n"
               "</style>\n</head>\n<body>\n")
               .arg(title)
           + QString::fromUtf8(body) + QStringLiteral("</body>\n</html>\n");
}

Result<void> toPdf(const Conversation &conversation, const QList<Message> &thread, const QString &fileName)
{
    QSaveFile out(fileName);
    if (!out.open(QIODevice::WriteOnly))
        return Error::io(QCoreApplication::translate("Realm::Chat", "Cannot write %1: %2").arg(fileName, out.errorString()));
    {
        QPdfWriter pdf(&out);
        pdf.setPageSize(QPageSize(QPageSize::A4));
        pdf.setPageMargins(QMarginsF(18, 18, 18, 18), QPageLayout::Millimeter);
        pdf.setTitle(conversation.title);
        pdf.setCreator(QStringLiteral("REALM"));
        QTextDocument document;
        document.setDefaultStyleSheet(QStringLiteral("pre { background: #f2f2f2; } h2 { font-size: 11pt; }"));
        QString html = toHtml(conversation, thread);
        html.remove(QRegularExpression(QStringLiteral("<style>.*</style>"), QRegularExpression::DotMatchesEverythingOption));
        // QTextDocument draws table rules only when asked in attributes.
        html.replace(QStringLiteral("<table>"), QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\">"));
        document.setHtml(html);
        document.print(&pdf); // lays out pages and numbers them
    }
    if (!out.commit())
        return Error::io(QCoreApplication::translate("Realm::Chat", "Cannot write %1: %2").arg(fileName, out.errorString()));
    return {};
}

QByteArray toJson(const Conversation &conversation, const QList<Message> &allMessages)
{
    QJsonArray messages;
    for (const Message &m : allMessages) {
        QJsonArray calls;
        for (const ToolCall &call : m.toolCalls)
            calls.append(QJsonObject{{QStringLiteral("id"), call.id}, {QStringLiteral("name"), call.name}, {QStringLiteral("arguments"), call.arguments}});
        QJsonObject o{{QStringLiteral("id"), m.id},
                      {QStringLiteral("parent_id"), m.parentId.isEmpty() ? QJsonValue() : QJsonValue(m.parentId)},
                      {QStringLiteral("role"), Message::roleName(m.role)},
                      {QStringLiteral("content"), m.content},
                      {QStringLiteral("status"), Message::statusName(m.status)},
                      {QStringLiteral("created_at"), isoTime(m.createdAt)}};
        if (!m.reasoning.isEmpty())
            o.insert(QStringLiteral("reasoning"), m.reasoning);
        if (!calls.isEmpty())
            o.insert(QStringLiteral("tool_calls"), calls);
        if (!m.toolCallId.isEmpty())
            o.insert(QStringLiteral("tool_call_id"), m.toolCallId);
        if (!m.error.isEmpty())
            o.insert(QStringLiteral("error"), m.error);
        if (!m.model.isEmpty())
            o.insert(QStringLiteral("model"), m.model);
        if (const QJsonObject usage = usageJson(m.usage); !usage.isEmpty())
            o.insert(QStringLiteral("usage"), usage);
        if (!m.context.isEmpty())
            o.insert(QStringLiteral("context"), m.context);
        messages.append(o);
    }
    const QJsonObject root{{QStringLiteral("format"), QLatin1String(kFormat)},
                           {QStringLiteral("version"), kFormatVersion},
                           {QStringLiteral("conversation"), QJsonObject{{QStringLiteral("title"), conversation.title},
                                                                        {QStringLiteral("model"), conversation.model},
                                                                        {QStringLiteral("pinned"), conversation.pinned},
                                                                        {QStringLiteral("current_message_id"), conversation.currentMessageId},
                                                                        {QStringLiteral("created_at"), isoTime(conversation.createdAt)}}},
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
        Message m;
        m.conversationId = conversation->id;
        const QString oldParent = o.value(QStringLiteral("parent_id")).toString();
        if (!oldParent.isEmpty() && !newIds.contains(oldParent))
            return Error::invalidInput(QCoreApplication::translate("Realm::Chat", "The export is damaged: a message refers to a missing one."));
        m.parentId = newIds.value(oldParent);
        m.role = Message::roleFromName(o.value(QStringLiteral("role")).toString());
        m.content = o.value(QStringLiteral("content")).toString();
        m.reasoning = o.value(QStringLiteral("reasoning")).toString();
        for (const QJsonValue &call : o.value(QStringLiteral("tool_calls")).toArray())
            m.toolCalls.append({call[QStringLiteral("id")].toString(), call[QStringLiteral("name")].toString(), call[QStringLiteral("arguments")].toString()});
        m.toolCallId = o.value(QStringLiteral("tool_call_id")).toString();
        m.status = Message::statusFromName(o.value(QStringLiteral("status")).toString());
        m.error = o.value(QStringLiteral("error")).toString();
        m.model = o.value(QStringLiteral("model")).toString();
        const QJsonObject usage = o.value(QStringLiteral("usage")).toObject();
        m.usage = {usage.value(QStringLiteral("input_tokens")).toInteger(-1), usage.value(QStringLiteral("output_tokens")).toInteger(-1)};
        m.context = o.value(QStringLiteral("context")).toArray();
        m.createdAt = m.updatedAt = msFromIso(o.value(QStringLiteral("created_at")).toString());
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
