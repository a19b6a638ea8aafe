// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/filetypeicon.h"

#include <QApplication>
#include <QFileInfo>
#include <QHash>
#include <QMimeDatabase>
#include <QPainter>
#include <QStyle>

namespace Realm::Ui {

namespace {
struct Badge {
    const char *label;
    QRgb colour;
};

// Colours after the languages' own (GitHub's linguist colours, darkened
// where white text would not read).
const QHash<QString, Badge> &badges()
{
    static const QHash<QString, Badge> byExtension = {
        {QStringLiteral("c"), {"C", 0x555e9e}},        {QStringLiteral("h"), {"H", 0x7b4aa3}},
        {QStringLiteral("hpp"), {"H", 0x7b4aa3}},      {QStringLiteral("hh"), {"H", 0x7b4aa3}},
        {QStringLiteral("cpp"), {"C+", 0x1565c0}},     {QStringLiteral("cc"), {"C+", 0x1565c0}},
        {QStringLiteral("cxx"), {"C+", 0x1565c0}},     {QStringLiteral("py"), {"Py", 0x3572a5}},
        {QStringLiteral("js"), {"JS", 0x9c8700}},      {QStringLiteral("mjs"), {"JS", 0x9c8700}},
        {QStringLiteral("ts"), {"TS", 0x3178c6}},      {QStringLiteral("tsx"), {"TS", 0x3178c6}},
        {QStringLiteral("rs"), {"Rs", 0xa8420f}},      {QStringLiteral("go"), {"Go", 0x007d9c}},
        {QStringLiteral("java"), {"J", 0xb07219}},     {QStringLiteral("kt"), {"K", 0x7f52ff}},
        {QStringLiteral("rb"), {"Rb", 0xa91401}},      {QStringLiteral("php"), {"P", 0x4f5d95}},
        {QStringLiteral("cs"), {"C#", 0x178600}},      {QStringLiteral("swift"), {"Sw", 0xc4502c}},
        {QStringLiteral("md"), {"M", 0x546e7a}},       {QStringLiteral("json"), {"{}", 0x7d5f52}},
        {QStringLiteral("yml"), {"Y", 0xa0141b}},      {QStringLiteral("yaml"), {"Y", 0xa0141b}},
        {QStringLiteral("toml"), {"T", 0x9c4221}},     {QStringLiteral("sh"), {"$", 0x3b7d3e}},
        {QStringLiteral("cmake"), {"CM", 0x064f8c}},   {QStringLiteral("html"), {"<>", 0xc2401f}},
        {QStringLiteral("css"), {"#", 0x563d7c}},      {QStringLiteral("qml"), {"Q", 0x2e8b3a}},
        {QStringLiteral("sql"), {"DB", 0x8a6d1f}},     {QStringLiteral("xml"), {"<>", 0x0060ac}},
    };
    return byExtension;
}

// Types known by name rather than suffix (CMakeLists.txt, Makefile).
const QHash<QString, Badge> &badgesByMimeType()
{
    static const QHash<QString, Badge> byType = {
        {QStringLiteral("text/x-cmake"), {"CM", 0x064f8c}},
        {QStringLiteral("text/x-makefile"), {"Mk", 0x5d6b2f}},
        {QStringLiteral("application/x-shellscript"), {"$", 0x3b7d3e}},
        {QStringLiteral("text/x-python3"), {"Py", 0x3572a5}},
        {QStringLiteral("text/x-python"), {"Py", 0x3572a5}},
    };
    return byType;
}

const Badge *findBadge(const QString &suffix, const QString &mimeType)
{
    if (auto it = badges().constFind(suffix); it != badges().cend())
        return &*it;
    if (auto it = badgesByMimeType().constFind(mimeType); it != badgesByMimeType().cend())
        return &*it;
    return nullptr;
}

QPixmap badgePixmap(const Badge &badge, int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(badge.colour));
    const qreal inset = size / 16.0;
    painter.drawRoundedRect(QRectF(inset, inset, size - 2 * inset, size - 2 * inset), size / 6.0, size / 6.0);
    QFont font = QApplication::font();
    font.setBold(true);
    font.setPixelSize(int(size * (qstrlen(badge.label) > 1 ? 0.5 : 0.68)));
    painter.setFont(font);
    painter.setPen(Qt::white);
    painter.drawText(QRectF(0, 0, size, size), Qt::AlignCenter, QString::fromUtf8(badge.label));
    return pixmap;
}
} // namespace

QIcon fileTypeIcon(const QString &fileName)
{
    static const QMimeDatabase mimeTypes;
    static QHash<QString, QIcon> cache;
    const QMimeType type = mimeTypes.mimeTypeForFile(fileName, QMimeDatabase::MatchExtension);
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    const QString key = type.name() + QLatin1Char('|') + suffix;
    if (auto it = cache.constFind(key); it != cache.cend())
        return *it;
    QIcon icon;
    if (QIcon::hasThemeIcon(type.iconName())) {
        icon = QIcon::fromTheme(type.iconName());
    } else if (const Badge *badge = findBadge(suffix, type.name())) {
        for (int size : {16, 24, 32, 48})
            icon.addPixmap(badgePixmap(*badge, size));
    } else {
        icon = QIcon::fromTheme(type.genericIconName(), QApplication::style()->standardIcon(QStyle::SP_FileIcon));
    }
    return cache.insert(key, icon).value();
}

} // namespace Realm::Ui
