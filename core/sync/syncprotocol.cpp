// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/syncprotocol.h"

#include "common/jsontime.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace Realm::Sync {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Realm::Sync", text);
}

Error malformed(const char *what)
{
    return Error::invalidInput(tr("Malformed sync message: %1.").arg(QLatin1String(what)));
}

// A JSON integer (doubles hold every seq a scope will reach exactly).
std::optional<qint64> integerIn(const QJsonObject &json, const char *key)
{
    const QJsonValue value = json.value(QLatin1String(key));
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    if (number < 0 || number > 9007199254740991.0 || number != double(qint64(number)))
        return std::nullopt;
    return qint64(number);
}

constexpr std::pair<MutationResult::Outcome, const char *> kOutcomeNames[] = {
    {MutationResult::Outcome::Applied, "applied"},       {MutationResult::Outcome::Merged, "merged"},
    {MutationResult::Outcome::ConflictCopy, "conflict_copy"}, {MutationResult::Outcome::Kept, "kept"},
    {MutationResult::Outcome::Unchanged, "unchanged"},   {MutationResult::Outcome::AlreadyApplied, "already_applied"},
};

constexpr std::pair<ChangePage::Reset, const char *> kResetNames[] = {
    {ChangePage::Reset::None, "none"}, {ChangePage::Reset::Epoch, "epoch"}, {ChangePage::Reset::Expired, "expired"}};

} // namespace

QString Cursor::toText() const
{
    return epoch.isEmpty() ? QString() : epoch + QLatin1Char(':') + QString::number(seq);
}

std::optional<Cursor> Cursor::fromText(const QString &text)
{
    if (text.isEmpty())
        return Cursor{};
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0 || colon > 64)
        return std::nullopt;
    bool ok = false;
    const qint64 seq = text.mid(colon + 1).toLongLong(&ok);
    if (!ok || seq < 0)
        return std::nullopt;
    return Cursor{text.left(colon), seq};
}

bool Tables::isProjectTable(const QString &table)
{
    for (const char *known : {kProject, kFiles, kVersions, kConversations, kMessages, kDocVersions})
        if (table == QLatin1String(known))
            return true;
    return false;
}

bool Tables::isOrgTable(const QString &table)
{
    return table == QLatin1String(kPromptTemplates) || table == QLatin1String(kDocTemplates) || table == QLatin1String(kStarterTemplates);
}

namespace {

// The rules every organization's template follows: its name, its fields
// (text, and only the ones it has), its size.
Result<void> checkTemplateShape(const Mutation &mutation, const QStringList &fields, const QString &what, qint64 maxBytes = kMaxTemplateBytes)
{
    // Starters' names may have dots (as the workspace's do).
    static const QRegularExpression validName(QStringLiteral("^[a-z0-9][a-z0-9_-]*$"));
    static const QRegularExpression validStarterName(QStringLiteral("^[a-z0-9][a-z0-9._-]*$"));
    const bool starter = mutation.table == QLatin1String(Tables::kStarterTemplates);
    if (mutation.key.size() > kMaxTemplateNameChars || !(starter ? validStarterName : validName).match(mutation.key).hasMatch())
        return Error::invalidInput(tr("\"%1\" cannot name an organization's %2: use lower case letters, digits, '-' and '_'%3, "
                                      "at most %4 of them.")
                                       .arg(mutation.key.left(kMaxTemplateNameChars), what, starter ? tr(" and '.'") : QString(),
                                            QString::number(kMaxTemplateNameChars)));
    if (mutation.op == Mutation::Op::Delete)
        return {};
    const QJsonObject &data = mutation.data;
    for (auto field = data.constBegin(); field != data.constEnd(); ++field)
        if (!fields.contains(field.key()) || !field.value().isString())
            return Error::invalidInput(tr("The %1 %2 has \"%3\": it holds only %4, as text.")
                                           .arg(what, mutation.key, field.key(), fields.join(QStringLiteral(", "))));
    if (const qint64 size = QJsonDocument(data).toJson(QJsonDocument::Compact).size(); size > maxBytes)
        return Error::invalidInput(tr("The %1 %2 has %3 KiB; an organization's %1 may have %4 KiB.")
                                       .arg(what, mutation.key, QString::number((size + 1023) / 1024), QString::number(maxBytes / 1024)));
    return {};
}

bool isBlank(const QJsonObject &data, const char *field)
{
    return data.value(QLatin1String(field)).toString().trimmed().isEmpty();
}

} // namespace

Result<void> checkOrgTemplateChange(const Mutation &mutation)
{
    const QJsonObject &data = mutation.data;
    const bool remove = mutation.op == Mutation::Op::Delete;
    if (mutation.table == QLatin1String(Tables::kPromptTemplates)) {
        const QString what = tr("prompt template");
        if (Result<void> shape = checkTemplateShape(mutation, {QStringLiteral("title"), QStringLiteral("description"), QStringLiteral("body")}, what);
            !shape || remove)
            return shape;
        if (isBlank(data, "title") || isBlank(data, "body"))
            return Error::invalidInput(tr("The prompt template %1 needs a title and a body.").arg(mutation.key));
        return {};
    }
    if (mutation.table == QLatin1String(Tables::kDocTemplates)) {
        const QString what = tr("documentation template");
        if (Result<void> shape = checkTemplateShape(mutation, {QStringLiteral("kind"), QStringLiteral("body"), QStringLiteral("prompt")}, what);
            !shape || remove)
            return shape;
        static const QStringList kinds{QStringLiteral("api"), QStringLiteral("overview"), QStringLiteral("custom")};
        const QString kind = data.value(QStringLiteral("kind")).toString();
        if (!kinds.contains(kind))
            return Error::invalidInput(tr("The documentation template %1 is for \"%2\": its kind is api, overview or custom.").arg(mutation.key, kind));
        if (isBlank(data, "body"))
            return Error::invalidInput(tr("The documentation template %1 needs a body.").arg(mutation.key));
        if (kind == QLatin1String("custom") && isBlank(data, "prompt"))
            return Error::invalidInput(tr("The custom documentation template %1 needs a prompt: what the model should write.").arg(mutation.key));
        return {};
    }
    if (mutation.table == QLatin1String(Tables::kStarterTemplates)) {
        const QString what = tr("starter template");
        // Base64 makes 4 of 3 bytes; the rest of the row is small.
        constexpr qint64 maxBytes = kMaxStarterArchiveBytes / 3 * 4 + kMaxTemplateBytes;
        if (Result<void> shape = checkTemplateShape(mutation, {QStringLiteral("title"), QStringLiteral("description"), QStringLiteral("archive")}, what, maxBytes);
            !shape || remove)
            return shape;
        if (isBlank(data, "title"))
            return Error::invalidInput(tr("The starter template %1 needs a title.").arg(mutation.key));
        const QByteArray encoded = data.value(QStringLiteral("archive")).toString().toLatin1();
        const QByteArray::FromBase64Result archive = QByteArray::fromBase64Encoding(encoded, QByteArray::AbortOnBase64DecodingErrors);
        if (!archive || archive.decoded.isEmpty())
            return Error::invalidInput(tr("The starter template %1 has no archive (base64 of its tar.gz).").arg(mutation.key));
        if (archive.decoded.size() > kMaxStarterArchiveBytes)
            return Error::invalidInput(tr("The starter template %1 is a %2 MiB archive; an organization's may be %3 MiB: leave large files out.")
                                           .arg(mutation.key, QString::number(double(archive.decoded.size()) / (1024 * 1024), 'f', 1),
                                                QString::number(kMaxStarterArchiveBytes / (1024 * 1024))));
        return {};
    }
    return Error::invalidInput(tr("\"%1\" is not something an organization's templates hold.").arg(mutation.table));
}

QJsonObject Mutation::toJson() const
{
    QJsonObject json{{QStringLiteral("number"), number},
                     {QStringLiteral("table"), table},
                     {QStringLiteral("key"), key},
                     {QStringLiteral("op"), op == Op::Upsert ? QStringLiteral("upsert") : QStringLiteral("delete")},
                     {QStringLiteral("base_seq"), baseSeq}};
    if (!baseSha256.isEmpty())
        json.insert(QStringLiteral("base_sha256"), baseSha256);
    // A delete's data says only which version of the history it belongs to.
    if (op == Op::Upsert || !data.isEmpty())
        json.insert(QStringLiteral("data"), data);
    if (!fields.isEmpty())
        json.insert(QStringLiteral("fields"), QJsonArray::fromStringList(fields));
    return json;
}

Result<Mutation> Mutation::fromJson(const QJsonObject &json)
{
    Mutation mutation;
    const std::optional<qint64> number = integerIn(json, "number");
    const std::optional<qint64> baseSeq = json.contains(QStringLiteral("base_seq")) ? integerIn(json, "base_seq") : std::optional<qint64>(0);
    if (!number || *number < 1)
        return malformed("a mutation needs a number of 1 or more");
    if (!baseSeq)
        return malformed("base_seq must be a whole number");
    mutation.number = *number;
    mutation.baseSeq = *baseSeq;
    mutation.table = json.value(QStringLiteral("table")).toString();
    mutation.key = json.value(QStringLiteral("key")).toString();
    if (mutation.table.isEmpty() || mutation.key.isEmpty())
        return malformed("a mutation needs a table and a key");
    const QString op = json.value(QStringLiteral("op")).toString();
    if (op == QLatin1String("upsert"))
        mutation.op = Op::Upsert;
    else if (op == QLatin1String("delete"))
        mutation.op = Op::Delete;
    else
        return malformed("op must be upsert or delete");
    mutation.baseSha256 = json.value(QStringLiteral("base_sha256")).toString();
    if (!mutation.baseSha256.isEmpty() && !isSha256Hex(mutation.baseSha256))
        return malformed("base_sha256 must be 64 lowercase hex digits");
    if (mutation.op == Op::Upsert) {
        if (!json.value(QStringLiteral("data")).isObject())
            return malformed("an upsert needs its data as an object");
        mutation.data = json.value(QStringLiteral("data")).toObject();
    } else if (json.value(QStringLiteral("data")).isObject()) {
        mutation.data = json.value(QStringLiteral("data")).toObject();
    }
    const QJsonValue fields = json.value(QStringLiteral("fields"));
    if (!fields.isUndefined() && !fields.isArray())
        return malformed("fields must be a list of names");
    for (const QJsonValue &field : fields.toArray()) {
        if (!field.isString() || field.toString().isEmpty())
            return malformed("fields must be a list of names");
        mutation.fields.append(field.toString());
    }
    return mutation;
}

QString outcomeName(MutationResult::Outcome outcome)
{
    for (const auto &[value, name] : kOutcomeNames)
        if (value == outcome)
            return QLatin1String(name);
    return {};
}

QJsonObject MutationResult::toJson() const
{
    QJsonObject json{{QStringLiteral("number"), number}, {QStringLiteral("outcome"), outcomeName(outcome)}, {QStringLiteral("seq"), seq}};
    if (!conflictKey.isEmpty())
        json.insert(QStringLiteral("conflict_key"), conflictKey);
    return json;
}

Result<MutationResult> MutationResult::fromJson(const QJsonObject &json)
{
    MutationResult result;
    const std::optional<qint64> number = integerIn(json, "number");
    const std::optional<qint64> seq = integerIn(json, "seq");
    if (!number || !seq)
        return malformed("a result needs a number and a seq");
    result.number = *number;
    result.seq = *seq;
    const QString outcome = json.value(QStringLiteral("outcome")).toString();
    bool known = false;
    for (const auto &[value, name] : kOutcomeNames)
        if (outcome == QLatin1String(name)) {
            result.outcome = value;
            known = true;
        }
    if (!known)
        return malformed("unknown outcome");
    result.conflictKey = json.value(QStringLiteral("conflict_key")).toString();
    return result;
}

QJsonObject PushResult::toJson() const
{
    QJsonArray list;
    for (const MutationResult &result : results)
        list.append(result.toJson());
    return {{QStringLiteral("results"), list}, {QStringLiteral("last_seq"), lastSeq}, {QStringLiteral("epoch"), epoch}};
}

Result<PushResult> PushResult::fromJson(const QJsonObject &json)
{
    PushResult push;
    const std::optional<qint64> lastSeq = integerIn(json, "last_seq");
    if (!lastSeq || !json.value(QStringLiteral("results")).isArray())
        return malformed("a push answer needs results and last_seq");
    push.lastSeq = *lastSeq;
    push.epoch = json.value(QStringLiteral("epoch")).toString();
    for (const QJsonValue &item : json.value(QStringLiteral("results")).toArray()) {
        Result<MutationResult> result = MutationResult::fromJson(item.toObject());
        if (!result)
            return result.error();
        push.results.append(*result);
    }
    return push;
}

QJsonObject Change::toJson() const
{
    return {{QStringLiteral("table"), table},
            {QStringLiteral("key"), key},
            {QStringLiteral("seq"), seq},
            {QStringLiteral("deleted"), deleted},
            {QStringLiteral("data"), data},
            {QStringLiteral("changed_by"), changedBy},
            {QStringLiteral("changed_at"), Json::time(changedAtMs)}};
}

Result<Change> Change::fromJson(const QJsonObject &json)
{
    Change change;
    const std::optional<qint64> seq = integerIn(json, "seq");
    const std::optional<qint64> at = Json::timeFrom(json.value(QStringLiteral("changed_at")));
    change.table = json.value(QStringLiteral("table")).toString();
    change.key = json.value(QStringLiteral("key")).toString();
    if (!seq || !at || change.table.isEmpty() || change.key.isEmpty() || !json.value(QStringLiteral("data")).isObject()
        || !json.value(QStringLiteral("deleted")).isBool())
        return malformed("a change needs table, key, seq, deleted, data and changed_at");
    change.seq = *seq;
    change.changedAtMs = *at;
    change.deleted = json.value(QStringLiteral("deleted")).toBool();
    change.data = json.value(QStringLiteral("data")).toObject();
    change.changedBy = json.value(QStringLiteral("changed_by")).toString();
    return change;
}

QJsonObject ChangePage::toJson() const
{
    QJsonArray list;
    for (const Change &change : changes)
        list.append(change.toJson());
    QString resetName;
    for (const auto &[value, name] : kResetNames)
        if (value == reset)
            resetName = QLatin1String(name);
    return {{QStringLiteral("changes"), list},
            {QStringLiteral("cursor"), cursor.toText()},
            {QStringLiteral("has_more"), hasMore},
            {QStringLiteral("last_seq"), lastSeq},
            {QStringLiteral("reset"), resetName}};
}

Result<ChangePage> ChangePage::fromJson(const QJsonObject &json)
{
    ChangePage page;
    const std::optional<Cursor> cursor = Cursor::fromText(json.value(QStringLiteral("cursor")).toString());
    if (!cursor || cursor->epoch.isEmpty() || !json.value(QStringLiteral("changes")).isArray() || !json.value(QStringLiteral("has_more")).isBool())
        return malformed("a page needs changes, a cursor and has_more");
    page.cursor = *cursor;
    page.hasMore = json.value(QStringLiteral("has_more")).toBool();
    page.lastSeq = qMax<qint64>(0, json.value(QStringLiteral("last_seq")).toInteger()); // absent from an older server
    const QString reset = json.value(QStringLiteral("reset")).toString();
    bool known = false;
    for (const auto &[value, name] : kResetNames)
        if (reset == QLatin1String(name)) {
            page.reset = value;
            known = true;
        }
    if (!known)
        return malformed("unknown reset");
    for (const QJsonValue &item : json.value(QStringLiteral("changes")).toArray()) {
        Result<Change> change = Change::fromJson(item.toObject());
        if (!change)
            return change.error();
        page.changes.append(*change);
    }
    return page;
}

QJsonObject BlobStatus::toJson() const
{
    QJsonObject partialJson;
    for (const auto &[sha, received] : partial)
        partialJson.insert(sha, received);
    return {{QStringLiteral("missing"), QJsonArray::fromStringList(missing)}, {QStringLiteral("partial"), partialJson}};
}

Result<BlobStatus> BlobStatus::fromJson(const QJsonObject &json)
{
    if (!json.value(QStringLiteral("missing")).isArray() || !json.value(QStringLiteral("partial")).isObject())
        return malformed("a blob status needs missing and partial");
    BlobStatus status;
    for (const QJsonValue &sha : json.value(QStringLiteral("missing")).toArray())
        status.missing.append(sha.toString());
    const QJsonObject partial = json.value(QStringLiteral("partial")).toObject();
    for (auto it = partial.begin(); it != partial.end(); ++it)
        status.partial.append({it.key(), qint64(it.value().toDouble())});
    return status;
}

bool isValidFilePath(const QString &path)
{
    constexpr qsizetype kMaxPathBytes = 1024;
    if (path.isEmpty() || path.toUtf8().size() > kMaxPathBytes || path.startsWith(QLatin1Char('/')) || path.contains(QLatin1Char('\\'))
        || path.normalized(QString::NormalizationForm_C) != path)
        return false;
    for (const QChar c : path)
        if (c.category() == QChar::Other_Control)
            return false;
    for (const QString &part : path.split(QLatin1Char('/')))
        if (part.isEmpty() || part == QLatin1String(".") || part == QLatin1String(".."))
            return false;
    return true;
}

bool isSha256Hex(const QString &text)
{
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
    return hex.match(text).hasMatch();
}

QString conflictCopyPath(const QString &path, const QString &who, qint64 atMs, int attempt)
{
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    const QString folder = path.left(slash + 1);
    const QString name = path.mid(slash + 1);
    // "archive.tar.gz" keeps ".gz" and a dotfile its whole name as the stem.
    const qsizetype dot = name.lastIndexOf(QLatin1Char('.'));
    const QString stem = dot > 0 ? name.left(dot) : name;
    const QString extension = dot > 0 ? name.mid(dot) : QString();
    QString person = who;
    person.replace(QLatin1Char('/'), QLatin1Char('-'));
    const QString day = QDateTime::fromMSecsSinceEpoch(atMs, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd"));
    const QString number = attempt > 1 ? QStringLiteral(", %1").arg(attempt) : QString();
    return folder + stem + QStringLiteral(" (conflict, %1, %2%3)").arg(person, day, number) + extension;
}

std::optional<ConflictCopyName> parseConflictCopyPath(const QString &path)
{
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    const QString folder = path.left(slash + 1);
    const QString name = path.mid(slash + 1);
    // conflictCopyPath in reverse: STEM (conflict, WHO, DAY[, N])[.EXT]
    static const QRegularExpression pattern(QStringLiteral(R"(^(.+) \(conflict, (.+), (\d{4}-\d{2}-\d{2})(?:, \d+)?\)(\.[^.]*)?$)"));
    const QRegularExpressionMatch match = pattern.match(name);
    if (!match.hasMatch())
        return std::nullopt;
    return ConflictCopyName{.original = folder + match.captured(1) + match.captured(4), .who = match.captured(2), .day = match.captured(3)};
}

QByteArray BlobBatch::encode() const
{
    QByteArray body;
    for (const Blob &blob : blobs) {
        body += blob.sha256.toLatin1() + ' ' + QByteArray::number(blob.bytes.size()) + '\n';
        body += blob.bytes;
    }
    return body;
}

Result<BlobBatch> BlobBatch::decode(const QByteArray &body)
{
    BlobBatch batch;
    qsizetype at = 0;
    while (at < body.size()) {
        const qsizetype end = body.indexOf('\n', at);
        // A header is 64 hex digits, a space and at most 19 digits.
        if (end < 0 || end - at > 84)
            return Error::invalidInput(QCoreApplication::translate("Realm::Sync", "Content %1 of the batch has no \"SHA256 SIZE\" line.").arg(batch.blobs.size() + 1));
        const QList<QByteArray> header = body.mid(at, end - at).split(' ');
        bool sized = false;
        const qint64 size = header.size() == 2 ? header.at(1).toLongLong(&sized) : -1;
        if (!sized || size < 0 || size > body.size() - end - 1 || !isSha256Hex(QString::fromLatin1(header.at(0))))
            return Error::invalidInput(QCoreApplication::translate("Realm::Sync", "Content %1 of the batch: \"%2\" is not \"SHA256 SIZE\" with SIZE bytes after it.")
                                           .arg(batch.blobs.size() + 1)
                                           .arg(QString::fromLatin1(body.mid(at, std::min<qsizetype>(end - at, 84)))));
        batch.blobs.append({QString::fromLatin1(header.at(0)), body.mid(end + 1, size)});
        at = end + 1 + size;
    }
    return batch;
}

} // namespace Realm::Sync
