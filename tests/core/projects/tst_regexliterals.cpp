// SPDX-License-Identifier: GPL-3.0-or-later
#include "projects/regexliterals.h"

#include <QTest>

using namespace Realm::Projects;

using Alternatives = QList<QStringList>;

namespace {
Alternatives alts(std::initializer_list<std::initializer_list<const char *>> groups)
{
    Alternatives result;
    for (const auto &group : groups) {
        QStringList literals;
        for (const char *literal : group)
            literals << QString::fromUtf8(literal);
        result << literals;
    }
    return result;
}
} // namespace

class tst_RegexLiterals final : public QObject {
    Q_OBJECT
private slots:
    void extracts_data();
    void extracts();
};

void tst_RegexLiterals::extracts_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<bool>("usable");
    QTest::addColumn<Alternatives>("expected");
    QTest::newRow("plain word") << "hello" << true << alts({{"hello"}});
    QTest::newRow("two runs") << "foo\\w+bar" << true << alts({{"foo", "bar"}});
    QTest::newRow("escaped dot kept") << "std\\.move" << true << alts({{"std.move"}});
    QTest::newRow("dot splits") << "std.move" << true << alts({{"std", "move"}});
    QTest::newRow("optional char dropped") << "colou?r" << true << alts({{"colo"}});
    QTest::newRow("star drops char") << "abcd*ef" << true << alts({{"abc"}});
    QTest::newRow("plus keeps char") << "abcd+efg" << true << alts({{"abcd", "efg"}});
    QTest::newRow("{0,} optional") << "abcd{0,3}xyz" << true << alts({{"abc", "xyz"}});
    QTest::newRow("{2} required") << "abcd{2}xyz" << true << alts({{"abcd", "xyz"}});
    QTest::newRow("class splits") << "get[A-Z]value" << true << alts({{"get", "value"}});
    QTest::newRow("group skipped") << "foo(bar|baz)qux" << true << alts({{"foo", "qux"}});
    QTest::newRow("anchors") << "^int main$" << true << alts({{"int main"}});
    QTest::newRow("top-level alternation") << "error|warning" << true << alts({{"error"}, {"warning"}});
    QTest::newRow("alternative without literal") << "error|\\d+" << false << Alternatives();
    QTest::newRow("only classes") << "\\w+\\s*\\d" << false << Alternatives();
    QTest::newRow("short literal") << "ab" << false << Alternatives();
    QTest::newRow("inline flag") << "(?x) foo bar" << false << Alternatives();
    QTest::newRow("inline case flag") << "(?i)hello" << false << Alternatives();
    QTest::newRow("quoting") << "\\Qa.b\\E" << false << Alternatives();
    QTest::newRow("hex escape") << "abc\\x41def" << false << Alternatives();
    QTest::newRow("braced hex escape") << "abc\\x{41}def" << false << Alternatives();
    QTest::newRow("backreference") << "(abc)\\1def" << false << Alternatives();
    QTest::newRow("property") << "abc\\p{Lu}def" << false << Alternatives();
    QTest::newRow("POSIX class") << "[[:alpha:]]abcd" << false << Alternatives();
    QTest::newRow("POSIX class in a group") << "x(a[[:digit:]]b)yyy" << false << Alternatives();
    QTest::newRow("digit class splits") << "abc\\ddef" << true << alts({{"abc", "def"}});
    QTest::newRow("non-capturing group skipped") << "abc(?:x)?def" << true << alts({{"abc", "def"}});
    QTest::newRow("unbalanced") << "abc(def" << false << Alternatives();
}

void tst_RegexLiterals::extracts()
{
    QFETCH(QString, pattern);
    QFETCH(bool, usable);
    QFETCH(Alternatives, expected);
    const std::optional<Alternatives> got = requiredLiterals(pattern);
    QCOMPARE(got.has_value(), usable);
    if (usable)
        QCOMPARE(*got, expected);
}

QTEST_GUILESS_MAIN(tst_RegexLiterals)
#include "tst_regexliterals.moc"
