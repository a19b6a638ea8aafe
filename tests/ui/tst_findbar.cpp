// SPDX-License-Identifier: GPL-3.0-or-later
// The find bar in the code view, driven from the keyboard as in Kate.
#include "codeview/codeview.h"
#include "editor/findbar.h"
#include "screenshot.h"

#include <QApplication>
#include <QPixmap>
#include <QLineEdit>
#include <QTextBlock>
#include <QTest>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Realm::Ui;

class tst_FindBar final : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void countsAndStepsThroughMatchesBothWays();
    void matchCaseWholeWordsAndRegex();
    void startsWithTheWordUnderTheCursorAndEscapeCloses();

private:
    // Types into the bar as a user would.
    void type(const QString &text);
    std::unique_ptr<QWidget> m_window;
    CodeView *m_view = nullptr;
    FindBar *m_bar = nullptr;
};

void tst_FindBar::init()
{
    m_window = std::make_unique<QWidget>();
    auto *layout = new QVBoxLayout(m_window.get());
    m_view = new CodeView;
    m_bar = new FindBar;
    layout->addWidget(m_view);
    layout->addWidget(m_bar);
    m_view->showText(QStringLiteral("alpha beta\nAlphabet alpha\n// ALPHA done\nalphanumeric\n"));
    m_window->resize(640, 240);
    m_window->show();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void tst_FindBar::cleanup()
{
    m_window.reset();
}

void tst_FindBar::type(const QString &text)
{
    m_bar->input()->selectAll();
    QTest::keyClicks(m_bar->input(), text);
}

void tst_FindBar::countsAndStepsThroughMatchesBothWays()
{
    m_bar->start(m_view); // the cursor is at the start: "alpha" is under it
    QVERIFY(m_bar->isVisible());
    QCOMPARE(m_bar->input()->text(), QStringLiteral("alpha"));
    QCOMPARE(m_bar->countText(), QStringLiteral("1 of 5")); // any case, inside words too
    QCOMPARE(m_view->textCursor().blockNumber(), 0);

    // Enter and Shift+Enter in the bar; F3 and Shift+F3 come through the
    // window's Edit menu and call the same functions.
    QTest::keyClick(m_bar->input(), Qt::Key_Return);
    QCOMPARE(m_bar->countText(), QStringLiteral("2 of 5"));
    QCOMPARE(m_view->textCursor().selectedText(), QStringLiteral("Alpha")); // "Alphabet"
    m_bar->findNext();
    QCOMPARE(m_bar->countText(), QStringLiteral("3 of 5"));
    QCOMPARE(m_view->textCursor().blockNumber(), 1);
    QTest::keyClick(m_bar->input(), Qt::Key_Return, Qt::ShiftModifier);
    QCOMPARE(m_bar->countText(), QStringLiteral("2 of 5"));
    m_bar->findPrevious();
    m_bar->findPrevious(); // wraps around to the last
    QCOMPARE(m_bar->countText(), QStringLiteral("5 of 5"));
    QCOMPARE(m_view->textCursor().blockNumber(), 3);
    m_bar->findNext(); // and forward to the first
    QCOMPARE(m_bar->countText(), QStringLiteral("1 of 5"));
    QVERIFY(Realm::Test::saveScreenshot(*m_window, QStringLiteral("find-bar.png")));

    type(QStringLiteral("omega"));
    QCOMPARE(m_bar->countText(), QStringLiteral("No matches"));
}

void tst_FindBar::matchCaseWholeWordsAndRegex()
{
    m_bar->start(m_view);
    type(QStringLiteral("alpha"));
    QCOMPARE(m_bar->countText(), QStringLiteral("1 of 5"));
    m_bar->findChild<QToolButton *>(QStringLiteral("findMatchCase"))->click();
    QCOMPARE(m_bar->countText(), QStringLiteral("1 of 3")); // alpha, alpha, alphanumeric
    m_bar->findChild<QToolButton *>(QStringLiteral("findWholeWords"))->click();
    QCOMPARE(m_bar->countText(), QStringLiteral("1 of 2"));
    m_bar->findChild<QToolButton *>(QStringLiteral("findMatchCase"))->click();
    QCOMPARE(m_bar->countText(), QStringLiteral("1 of 3")); // ALPHA too, not Alphabet
    m_bar->findChild<QToolButton *>(QStringLiteral("findWholeWords"))->click();

    // Patterns: special characters are literal until the regex button is on.
    m_bar->findChild<QToolButton *>(QStringLiteral("findRegex"))->click();
    type(QStringLiteral("al.ha(bet|numeric)"));
    QCOMPARE(m_bar->countText(), QStringLiteral("1 of 2"));
    type(QStringLiteral("al(pha"));
    QCOMPARE(m_bar->countText(), QStringLiteral("Invalid pattern"));
    m_bar->findChild<QToolButton *>(QStringLiteral("findRegex"))->click();
    QCOMPARE(m_bar->countText(), QStringLiteral("No matches")); // "al(pha" as text
    type(QStringLiteral("// ALPHA"));
    QCOMPARE(m_bar->countText(), QStringLiteral("1 of 1"));
    QCOMPARE(m_view->textCursor().blockNumber(), 2);
}

void tst_FindBar::startsWithTheWordUnderTheCursorAndEscapeCloses()
{
    QTextCursor cursor = m_view->textCursor();
    cursor.setPosition(m_view->document()->findBlockByNumber(3).position() + 3); // inside "alphanumeric"
    m_view->setTextCursor(cursor);
    m_bar->start(m_view);
    QCOMPARE(m_bar->input()->text(), QStringLiteral("alphanumeric"));
    QCOMPARE(m_bar->countText(), QStringLiteral("1 of 1"));
    QCOMPARE(m_view->textCursor().selectedText(), QStringLiteral("alphanumeric"));
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(m_bar->input()));

    QTest::keyClick(m_bar->input(), Qt::Key_Escape);
    QVERIFY(!m_bar->isVisible());
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(m_view));
    QCOMPARE(m_view->extraSelections().size(), 1); // only the current line: the match highlights went with the bar
}

QTEST_MAIN(tst_FindBar)
#include "tst_findbar.moc"
