// SPDX-License-Identifier: GPL-3.0-or-later
// realm-cli docs generate as a user runs it: real processes, a real
// workspace, Markdown/HTML/PDF files checked after the fact.
#include "testworkspace.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Realm;

class tst_CliDocs final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void markdownFromAWorkspaceProject();
    void htmlAndPdfFromAFolder();
    void userTemplateAndUnsupportedKinds();

private:
    int cli(const QStringList &args, QByteArray *out = nullptr, QByteArray *err = nullptr);
    QTemporaryDir m_dir;
    QString m_source;
    QString m_workspace;
};

int tst_CliDocs::cli(const QStringList &args, QByteArray *out, QByteArray *err)
{
    return Test::run(Test::realmBinary(QStringLiteral("realm-cli")), QStringList{QStringLiteral("--workspace"), m_workspace} + args, {}, out, err);
}

void tst_CliDocs::initTestCase()
{
    m_source = m_dir.filePath(QStringLiteral("src"));
    m_workspace = m_dir.filePath(QStringLiteral("ws.realm"));
    Test::writeFile(m_source, QStringLiteral("lib/math.h"),
                    "/**\n * Adds two numbers.\n * @param a the first\n * @param b the second\n * @return the sum\n */\n"
                    "int add(int a, int b);\n"
                    "int undocumented(int x);\n");
    Test::writeFile(m_source, QStringLiteral("README.md"), "# Sample\n");
    QCOMPARE(cli({QStringLiteral("project"), QStringLiteral("import"), m_source, QStringLiteral("--name"), QStringLiteral("sample")}), 0);
}

void tst_CliDocs::markdownFromAWorkspaceProject()
{
    const QString out = m_dir.filePath(QStringLiteral("md"));
    QByteArray stdoutText;
    QCOMPARE(cli({QStringLiteral("docs"), QStringLiteral("generate"), QStringLiteral("sample"), QStringLiteral("--out"), out,
                  QStringLiteral("--json")},
                 &stdoutText),
             0);
    const QJsonObject summary = QJsonDocument::fromJson(stdoutText).object();
    QCOMPARE(summary.value(QStringLiteral("symbols")).toInt(), 2);
    QCOMPARE(summary.value(QStringLiteral("documented")).toInt(), 1);
    QCOMPARE(summary.value(QStringLiteral("coverage")).toDouble(), 0.5);
    QFile md(out + QStringLiteral("/api.md"));
    QVERIFY(md.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(md.readAll());
    QVERIFY(text.startsWith(QStringLiteral("# sample — API reference")));
    QVERIFY(text.contains(QStringLiteral("Documentation coverage: 50 % of public symbols (1 of 2).")));
    QVERIFY(text.contains(QStringLiteral("- `a` — the first")));
    QVERIFY(text.contains(QStringLiteral("#### prototype `undocumented`\n\n```\nint undocumented(int x)\n```\n\n*Not documented.*")));
}

void tst_CliDocs::htmlAndPdfFromAFolder()
{
    const QString out = m_dir.filePath(QStringLiteral("site"));
    // A folder is read directly; no workspace is involved or changed.
    QCOMPARE(Test::run(Test::realmBinary(QStringLiteral("realm-cli")),
                       {QStringLiteral("docs"), QStringLiteral("generate"), m_source, QStringLiteral("--format"), QStringLiteral("html"),
                        QStringLiteral("--out"), out}),
             0);
    QFile html(out + QStringLiteral("/api.html"));
    QVERIFY(html.open(QIODevice::ReadOnly));
    const QByteArray page = html.readAll();
    QVERIFY(page.startsWith("<!DOCTYPE html>"));
    QVERIFY(page.contains("<h1>src — API reference</h1>"));

    QCOMPARE(cli({QStringLiteral("docs"), QStringLiteral("generate"), QStringLiteral("sample"), QStringLiteral("--format"), QStringLiteral("pdf"),
                  QStringLiteral("--out"), out}),
             0);
    QByteArray text;
    QCOMPARE(Test::run(QStringLiteral("pdftotext"), {out + QStringLiteral("/api.pdf"), QStringLiteral("-")}, {}, &text), 0);
    QVERIFY2(text.contains("Adds two numbers.") && text.contains("sample"), text.constData());
}

void tst_CliDocs::userTemplateAndUnsupportedKinds()
{
    const QString tmpl = m_dir.filePath(QStringLiteral("list.mustache"));
    Test::writeFile(m_dir.path(), QStringLiteral("list.mustache"),
                    "{{#modules}}{{#files}}{{#symbols}}{{qualified}}: {{brief}}\n{{/symbols}}{{/files}}{{/modules}}");
    const QString out = m_dir.filePath(QStringLiteral("custom"));
    QCOMPARE(cli({QStringLiteral("docs"), QStringLiteral("generate"), QStringLiteral("sample"), QStringLiteral("--template"), tmpl,
                  QStringLiteral("--out"), out}),
             0);
    QFile md(out + QStringLiteral("/api.md"));
    QVERIFY(md.open(QIODevice::ReadOnly));
    QCOMPARE(md.readAll(), QByteArray("add: Adds two numbers.\nundocumented: \n"));

    QByteArray err;
    QCOMPARE(cli({QStringLiteral("docs"), QStringLiteral("generate"), QStringLiteral("sample"), QStringLiteral("--kind"), QStringLiteral("overview")},
                 nullptr, &err),
             2);
    QVERIFY(err.contains("--kind api works offline"));
    QCOMPARE(cli({QStringLiteral("docs"), QStringLiteral("generate"), QStringLiteral("nope")}), 3);
}

QTEST_GUILESS_MAIN(tst_CliDocs)
#include "tst_clidocs.moc"
