// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/atomicfile.h"

#include "common/protectedfiles.h"

#include <QCoreApplication>
#include <QSaveFile>

namespace Realm {

Result<void> writeFileAtomically(const QString &fileName, const QByteArray &bytes)
{
    Result<bool> written = writeFileAtomicallyIf(fileName, bytes, [] { return true; });
    if (!written)
        return written.error();
    return {};
}

Result<bool> writeFileAtomicallyIf(const QString &fileName, const QByteArray &bytes, const std::function<bool()> &stillWanted)
{
    if (Result<void> allowed = ProtectedFiles::checkWritable(fileName); !allowed)
        return allowed.error();
    QSaveFile out(fileName);
    const auto failed = [&] { return Error::io(QCoreApplication::translate("Realm::Common", "Cannot write %1: %2").arg(fileName, out.errorString())); };
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.flush())
        return failed();
    if (!stillWanted()) {
        out.cancelWriting();
        out.commit(); // only removes the temporary file
        return false;
    }
    if (!out.commit())
        return failed();
    return true;
}

} // namespace Realm
