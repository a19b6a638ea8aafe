// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Realm::Sync {

// The sync protocol's messages, shared by the server and its clients, each
// with its JSON form (snake_case keys). A scope (a shared project) is a
// change log ordered by the server: every accepted change gets the scope's
// next sequence number; clients pull what changed after their cursor and
// push mutations. Client clocks never order anything.

// Where a client is in a scope's log: the server's epoch (a restored server
// has a new one) and the last seq it has. Clients keep it as the opaque
// text "EPOCH:SEQ"; empty means "from the start".
struct Cursor final {
    QString epoch;
    qint64 seq = 0;

    QString toText() const;
    // Empty text: the start. Nullopt for anything malformed.
    static std::optional<Cursor> fromText(const QString &text);
};

// The tables of a project's scope that sync. Files are keyed by path; the
// others by the row's id.
namespace Tables {
inline constexpr char kProject[] = "project";       // name, description, tags (key: "project")
inline constexpr char kFiles[] = "files";           // path → content hash, size, mode, encoding
inline constexpr char kVersions[] = "project_versions";
inline constexpr char kConversations[] = "conversations";
inline constexpr char kMessages[] = "messages";
inline constexpr char kDocVersions[] = "doc_versions";
bool isProjectTable(const QString &table);
// An organization's scope, read by members, written by admins: its prompt
// templates (key: the name; data: title, description, body) and its
// documentation templates (key: the name; data: kind, body, prompt) and
// its starter templates (key: the name; data: title, description, archive
// — the template's tar.gz, base64).
inline constexpr char kPromptTemplates[] = "prompt_templates";
inline constexpr char kDocTemplates[] = "doc_templates";
inline constexpr char kStarterTemplates[] = "starter_templates";
bool isOrgTable(const QString &table);
} // namespace Tables

// The most a push request may carry (its JSON body): clients send their
// changes in pushes of at most half that, and keep an item larger than
// that half to themselves.
inline constexpr qint64 kMaxPushBytes = 16LL * 1024 * 1024;

// One change a client made, numbered per client and scope (1, 2, 3 …).
struct Mutation final {
    enum class Op { Upsert, Delete };
    qint64 number = 0;
    QString table;
    QString key;
    Op op = Op::Upsert;
    // The item's seq when the client last had it (0: it had none). An older
    // seq than the server's means someone changed it meanwhile.
    qint64 baseSeq = 0;
    // Files: the content the change was made on (empty: none), for a
    // three-way merge when the base is older than the server's.
    QString baseSha256;
    QJsonObject data; // the row as it is now (upserts); for a file's delete, its "version"
    // Rows other than files: the fields of `data` this change made (empty:
    // all). When someone changed the row meanwhile, only these replace
    // theirs — a pin does not take back a new title.
    QStringList fields;

    QJsonObject toJson() const;
    static Result<Mutation> fromJson(const QJsonObject &json);
};

// An organization's template as a change carries it, checked alike by the
// server and by an admin's REALM before it is queued (so nothing waits
// that the server would refuse for good): its key a name (lower case
// letters, digits, '-' and '_', at most kMaxTemplateNameChars), its data
// only text fields, at most kMaxTemplateBytes as JSON. A prompt template
// has {title, description, body}, title and body not blank; a
// documentation template {kind, body, prompt}: kind api, overview or
// custom, body not blank, and a custom one's prompt not blank; a starter
// template {title, description, archive}: title not blank, the archive
// base64 of at most kMaxStarterArchiveBytes (its name may also have '.').
// A delete needs only the name. Another table is refused.
inline constexpr qsizetype kMaxTemplateNameChars = 100;
inline constexpr qint64 kMaxTemplateBytes = 256 * 1024;
inline constexpr qint64 kMaxStarterArchiveBytes = 4 * 1024 * 1024;
Result<void> checkOrgTemplateChange(const Mutation &mutation);

// What the server did with one mutation.
struct MutationResult final {
    enum class Outcome {
        Applied,        // stored as sent
        Merged,         // merged with a change made meanwhile (pull to get it): files by line, other rows by field
        ConflictCopy,   // files: overlapping edits; stored under `conflictKey`
        Kept,           // the server's version stays: a delete of something edited meanwhile (the
                        // edit wins), or a row change that only repeats what someone made meanwhile
        Unchanged,      // nothing to do (the same content, or already deleted)
        AlreadyApplied, // a retry of a mutation applied so long ago that its answer is forgotten
                        // (a retry of a recent one gets the first answer again)
    };
    qint64 number = 0;
    Outcome outcome = Outcome::Applied;
    qint64 seq = 0; // the seq the change got (0: none)
    QString conflictKey;

    QJsonObject toJson() const;
    static Result<MutationResult> fromJson(const QJsonObject &json);
};
QString outcomeName(MutationResult::Outcome outcome);

struct PushResult final {
    QList<MutationResult> results;
    qint64 lastSeq = 0; // the scope's after the push
    // The server's epoch: another than the cursor's means it was restored
    // (pull from the start, push again what it lacks).
    QString epoch;

    QJsonObject toJson() const;
    static Result<PushResult> fromJson(const QJsonObject &json);
};

// One item as the server has it now (a tombstone when deleted).
struct Change final {
    QString table;
    QString key;
    qint64 seq = 0;
    bool deleted = false;
    QJsonObject data;
    QString changedBy; // user id
    qint64 changedAtMs = 0;

    QJsonObject toJson() const;
    static Result<Change> fromJson(const QJsonObject &json);
};

// A page of what changed after a cursor, oldest first.
struct ChangePage final {
    // Why the page starts from the beginning instead of the cursor: the
    // server's epoch changed (restored: delete nothing locally, push again
    // what the server lacks), or the cursor is older than the tombstones
    // kept (what the page lacks was deleted).
    enum class Reset { None, Epoch, Expired };
    // How a client asks for a page: following the log from its cursor, or
    // going on through a list it began at the start in this pass (a first
    // pull, a reset; `from_start=true`). Such a list's cursors may be older
    // than the tombstones kept without missing a delete (what the list lacks
    // is not there), so they start nothing again. A list resumed later
    // follows the log: a delete forgotten meanwhile restarts it.
    enum class Listing { Following, FromStart };
    QList<Change> changes;
    Cursor cursor; // pass it back for the next page
    bool hasMore = false;
    qint64 lastSeq = 0; // the scope's last seq when the page was read (0: not said): how far the list goes
    Reset reset = Reset::None;

    QJsonObject toJson() const;
    static Result<ChangePage> fromJson(const QJsonObject &json);
};

// What the server holds of some contents: the hashes it lacks, and how much
// of a partial upload it has.
struct BlobStatus final {
    QStringList missing;
    QList<std::pair<QString, qint64>> partial; // hash, bytes received

    QJsonObject toJson() const;
    static Result<BlobStatus> fromJson(const QJsonObject &json);
};

// Many small contents in one request (POST …/blobs/batch), whole: for
// each, a line "SHA256 SIZE\n" and then its SIZE bytes. One request for a
// thousand small files instead of a thousand.
struct BlobBatch final {
    struct Blob {
        QString sha256;
        QByteArray bytes;
    };
    QList<Blob> blobs;

    QByteArray encode() const;
    // Malformed framing (not hashes — the server checks those) is an error.
    static Result<BlobBatch> decode(const QByteArray &body);
};

// A relative path inside a project as files are keyed: one spelling per
// name (NFC, "/" only, no "." or ".." segments, no control characters), at
// most 1,024 UTF-8 bytes (it is part of an index key, which PostgreSQL
// limits to about 2,700 bytes). So two clients never make two items of what
// is one file on disk.
bool isValidFilePath(const QString &path);

// A SHA-256 as 64 lowercase hex digits.
bool isSha256Hex(const QString &text);

// The name of the copy that keeps the later of two overlapping edits:
// "src/main (conflict, Alice, 2026-12-04).cpp"; `attempt` > 1 adds a number
// for when that name is taken.
QString conflictCopyPath(const QString &path, const QString &who, qint64 atMs, int attempt = 1);

// What a conflict copy's name says: the file it is a copy of, whose change
// it keeps, and the day. Nullopt for any other path.
struct ConflictCopyName {
    QString original;
    QString who;
    QString day; // yyyy-MM-dd
};
std::optional<ConflictCopyName> parseConflictCopyPath(const QString &path);

} // namespace Realm::Sync
