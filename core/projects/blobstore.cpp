// SPDX-License-Identifier: GPL-3.0-or-later
#include "projects/blobstore.h"

#include "projects/cleanup.h"
#include "projects/textcontent.h"
#include "storage/statement.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QList>

#include <openssl/evp.h>

namespace Realm::Projects::BlobStore {

using Storage::Statement;

QByteArray sha256(QByteArrayView bytes)
{
    // OpenSSL uses the CPU's SHA extensions where present: several times
    // faster than QCryptographicHash, and hashing is on every import's and
    // refresh's critical path.
    QByteArray digest(32, Qt::Uninitialized);
    unsigned int length = 0;
    if (EVP_Digest(bytes.data(), size_t(bytes.size()), reinterpret_cast<unsigned char *>(digest.data()), &length,
                   EVP_sha256(), nullptr) != 1
        || length != 32)
        return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
    return digest;
}

namespace {

// A content nothing refers to. Contents a project version refers to stay:
// the project's history (Git export, analytics) needs them.
#define REALM_UNREFERENCED "NOT EXISTS (SELECT 1 FROM files f WHERE f.blob_sha256 = b.sha256) " \
                           "AND NOT EXISTS (SELECT 1 FROM project_version_files v WHERE v.blob_sha256 = b.sha256)"

// Removes these contents with their search-index entries.
Result<qint64> removeContents(Storage::Handle db, const QList<qint64> &ids)
{
    Statement unindex(db, "INSERT INTO blob_text(blob_text, rowid, text) VALUES ('delete', ?, ?)");
    Statement remove(db, "DELETE FROM blobs WHERE id = ?");
    if (!unindex.isValid() || !remove.isValid())
        return unindex.error(QCoreApplication::translate("Realm::Projects", "Cannot clean up unused file contents"));
    qint64 removed = 0;
    Statement load(db, "SELECT encoding, content, sha256, present FROM blobs WHERE id = ?");
    for (qint64 id : std::as_const(ids)) {
        load.bind(1, id);
        if (!load.next()) {
            load.reset();
            continue;
        }
        const TextEncoding encoding = encodingFromName(load.columnText(0));
        const QByteArray content = load.columnBlob(1);
        const QByteArray hash = load.columnBlob(2);
        const bool present = load.columnInt(3) != 0;
        load.reset();
        Cleanup::CollectedContent collected{id, hash, {}};
        // A content never downloaded was never indexed: a 'delete' of text
        // the index does not hold would corrupt it.
        if (present && encoding != TextEncoding::Binary) {
            // A contentless FTS5 table forgets a row only when given the
            // exact text it indexed; decoding is deterministic, so it is.
            collected.utf8Text = textAsUtf8(content, encoding);
            unindex.bind(1, id);
            unindex.bindText(2, collected.utf8Text);
            if (Result<void> r = unindex.exec(QCoreApplication::translate("Realm::Projects", "Cannot remove a file from the search index")); !r)
                return r.error();
        }
        // What other modules kept about the content goes with it.
        if (Result<void> r = Cleanup::contentCollected(db, collected); !r)
            return r.error();
        remove.bind(1, id);
        if (Result<void> r = remove.exec(QCoreApplication::translate("Realm::Projects", "Cannot remove unused file contents")); !r)
            return r.error();
        ++removed;
    }
    return removed;
}

} // namespace

Result<qint64> collectGarbage(Storage::Handle db)
{
    Statement orphans(db, "SELECT id FROM blobs b WHERE " REALM_UNREFERENCED);
    // Collect first: deleting while the SELECT is still stepping over the
    // same table is undefined.
    QList<qint64> ids;
    while (orphans.next())
        ids.append(orphans.columnInt(0));
    if (orphans.failed())
        return orphans.error(QCoreApplication::translate("Realm::Projects", "Cannot list unused file contents"));
    return removeContents(db, ids);
}

Result<qint64> collectGarbageAmong(Storage::Handle db, const QSet<QByteArray> &sha256s)
{
    Statement orphan(db, "SELECT id FROM blobs b WHERE sha256 = ? AND " REALM_UNREFERENCED);
    QList<qint64> ids;
    for (const QByteArray &sha256 : sha256s) {
        orphan.bind(1, sha256);
        if (orphan.next())
            ids.append(orphan.columnInt(0));
        if (orphan.failed())
            return orphan.error(QCoreApplication::translate("Realm::Projects", "Cannot list unused file contents"));
        orphan.reset();
    }
    return removeContents(db, ids);
}


} // namespace Realm::Projects::BlobStore
