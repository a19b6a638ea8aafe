// SPDX-License-Identifier: GPL-3.0-or-later
// Mustache templates from other people, with values from code comments and
// project names: nothing re-reads a value as a template, and every way of
// making the renderer crash, fill the disk or hang stops with a reason.
#include "mustache/mustache.h"

#include <QTest>

using namespace Realm;
using namespace Realm::Mustache;

class tst_Mustache final : public QObject {
    Q_OBJECT
private slots:
    void valuesAreNeverReadAsTemplates();
    void aSelfIncludingPartialIsAnErrorNotACrash();
    void deepNestingIsRefusedBeforeParsing_data();
    void deepNestingIsRefusedBeforeParsing();
    void outputIsBounded();
    void ordinaryTemplatesStillRender();
};

void tst_Mustache::valuesAreNeverReadAsTemplates()
{
    const QString hostile = QStringLiteral("{{#a}}{{> x}}{{/a}} {{=<% %>=}} <%x%>");
    Result<QString> out = renderTemplate(QStringLiteral("[{{name}}]"), {{QStringLiteral("name"), hostile}});
    QVERIFY(out);
    QCOMPARE(*out, QStringLiteral("[") + hostile + QStringLiteral("]"));
}

// kainjow renders a text value named in {{> name}} as a template: a value
// holding {{> name}} recursed until the stack overflowed.
void tst_Mustache::aSelfIncludingPartialIsAnErrorNotACrash()
{
    const QVariantMap data{{QStringLiteral("name"), QStringLiteral("{{> name}}")}, {QStringLiteral("self"), QStringLiteral("x{{> self}}")}};
    for (const QString &tmpl : {QStringLiteral("{{> name}}"), QStringLiteral("a {{> self}} b"), QStringLiteral("{{=<% %>=}}<%> name%>")}) {
        Result<QString> out = renderTemplate(tmpl, data);
        QVERIFY2(!out, qPrintable(tmpl));
        QVERIFY2(out.error().message.contains(QStringLiteral("no partials")), qPrintable(out.error().message));
    }
}

void tst_Mustache::deepNestingIsRefusedBeforeParsing_data()
{
    QTest::addColumn<QString>("open");
    QTest::addColumn<QString>("close");
    QTest::addColumn<QString>("prefix");
    QTest::newRow("sections") << QStringLiteral("{{#a}}") << QStringLiteral("{{/a}}") << QString();
    QTest::newRow("inverted") << QStringLiteral("{{^a}}") << QStringLiteral("{{/a}}") << QString();
    QTest::newRow("other delimiters") << QStringLiteral("<%#a%>") << QStringLiteral("<%/a%>") << QStringLiteral("{{=<% %>=}}");
}

// 10,000 nested sections took 1.7 GB in kainjow's parser.
void tst_Mustache::deepNestingIsRefusedBeforeParsing()
{
    QFETCH(QString, open);
    QFETCH(QString, close);
    QFETCH(QString, prefix);
    const QString tmpl = prefix + open.repeated(10000) + QStringLiteral("x") + close.repeated(10000);
    Result<QString> out = renderTemplate(tmpl, {{QStringLiteral("a"), true}});
    QVERIFY(!out);
    QVERIFY2(out.error().message.contains(QStringLiteral("deep")), qPrintable(out.error().message));
    // Nesting within the limit renders.
    const QString shallow = prefix + open.repeated(20) + QStringLiteral("x") + close.repeated(20);
    QVERIFY(renderTemplate(shallow, {{QStringLiteral("a"), open.contains(QLatin1Char('#'))}}));
}

// A tiny template over a small list multiplies: 100^4 copies of a
// kilobyte would be 100 GB. It stops at the output limit with a reason.
void tst_Mustache::outputIsBounded()
{
    QVariantList items;
    for (int i = 0; i < 100; ++i)
        items << QVariantMap{{QStringLiteral("i"), i}};
    const QVariantMap data{{QStringLiteral("l"), items}, {QStringLiteral("x"), QString(1024, QLatin1Char('x'))}};
    Result<QString> out = renderTemplate(QStringLiteral("{{#l}}{{#l}}{{#l}}{{#l}}{{x}}{{/l}}{{/l}}{{/l}}{{/l}}"), data);
    QVERIFY(!out);
    QCOMPARE(out.error().code, Error::Code::LimitExceeded);
    QVERIFY2(out.error().message.contains(QStringLiteral("MiB")), qPrintable(out.error().message));
}

void tst_Mustache::ordinaryTemplatesStillRender()
{
    const QVariantMap data{{QStringLiteral("title"), QStringLiteral("Kite")},
                           {QStringLiteral("items"), QVariantList{QVariantMap{{QStringLiteral("n"), QStringLiteral("a")}},
                                                                  QVariantMap{{QStringLiteral("n"), QStringLiteral("b")}}}}};
    Result<QString> out = renderTemplate(QStringLiteral("# {{title}}\n{{#items}}- {{n}}\n{{/items}}{{^none}}end{{/none}}"), data);
    QVERIFY(out);
    QCOMPARE(*out, QStringLiteral("# Kite\n- a\n- b\nend"));
}

QTEST_GUILESS_MAIN(tst_Mustache)
#include "tst_mustache.moc"
