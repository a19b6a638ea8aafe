// SPDX-License-Identifier: GPL-3.0-or-later
// The allocator tuning every program starts with: large buffers stay
// mapped (and go back to the system when freed) even after glibc has seen
// a larger block freed, which by default moves its threshold up.
#include "common/allocator.h"

#include <QByteArray>
#include <QTest>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

class tst_Allocator final : public QObject {
    Q_OBJECT
private slots:
    void largeBuffersAreReturnedToTheSystemEvenAfterALargerOne();
};

void tst_Allocator::largeBuffersAreReturnedToTheSystemEvenAfterALargerOne()
{
#if !defined(__GLIBC__)
    QSKIP("the tuning is for glibc's allocator");
#elif defined(__SANITIZE_ADDRESS__)
    QSKIP("AddressSanitizer replaces the allocator");
#else
    Realm::tuneAllocatorForLargeBuffers();
    constexpr qsizetype kMiB = 1024 * 1024;
    // The buffers are allocated inside Qt (as REALM's are), where the
    // compiler cannot move or drop them.
    {
        // A 6 MiB block, freed: by default glibc would now serve blocks up
        // to 6 MiB from the heap and keep them there.
        const QByteArray larger(6 * kMiB, 'x');
        QVERIFY(mallinfo2().hblkhd >= size_t(6 * kMiB));
    }
    const size_t mappedBefore = mallinfo2().hblkhd;
    {
        const QByteArray buffer(2 * kMiB, 'y');
        const size_t mappedDuring = mallinfo2().hblkhd;
        QVERIFY2(mappedDuring >= mappedBefore + size_t(2 * kMiB),
                 qPrintable(QStringLiteral("a 2 MiB buffer should be its own mapping: %1 → %2 bytes mapped").arg(mappedBefore).arg(mappedDuring)));
    }
    QCOMPARE(mallinfo2().hblkhd, mappedBefore); // and gone once freed
#endif
}

QTEST_APPLESS_MAIN(tst_Allocator)
#include "tst_allocator.moc"
