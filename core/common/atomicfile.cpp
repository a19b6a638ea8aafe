// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/atomicfile.h"

#include "common/protectedfiles.h"

#include <QCoreApplication>
#include <QSaveFile>

namespace Realm {

Result<void> writeFileAtomically(const QString &fileName, const QByteArray &bytes)
{
    if (Result<void> allowed = ProtectedFiles::checkWritable(fileName); !allowed)
        return allowed;
    QSaveFile out(fileName);
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit())
        return Error::io(QCoreApplication::translate("Realm::Common", "Cannot write %1: %2").arg(fileName, out.errorString()));
    return {};
}

} // namespace Realm
