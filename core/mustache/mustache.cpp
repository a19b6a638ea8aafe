// SPDX-License-Identifier: GPL-3.0-or-later
#include "mustache/mustache.h"

#include "markup/fencescanner.h"
#include "mustache/mustachedata.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <unordered_map>
#include <vector>

#include <string_view>

namespace Realm::Mustache {

namespace {
// Fills `target` in place (see templatedata.h for why not set()).
void fill(TemplateData &target, const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::QVariantMap: {
        target = TemplateData(TemplateData::type::object);
        const QVariantMap map = value.toMap();
        for (auto it = map.cbegin(); it != map.cend(); ++it)
            fill(target[it.key().toStdString()], it.value());
        return;
    }
    case QMetaType::QVariantList:
    case QMetaType::QStringList: {
        const QVariantList list = value.toList();
        target = templateList(size_t(list.size()));
        for (const QVariant &item : list) {
            TemplateData data;
            fill(data, item);
            append(target, std::move(data));
        }
        return;
    }
    case QMetaType::Bool:
        target = TemplateData(value.toBool());
        return;
    default:
        target = templateText(value.toString());
        return;
    }
}

// What a template may cost. Templates arrive from other people (shared
// starters and doc templates) and values from code comments and project
// names, so rendering is bounded: a clear error instead of a crash, a full
// disk or a hang.
constexpr int kMostNesting = 64;                          // sections inside sections
constexpr size_t kLargestOutput = size_t(256) * 1024 * 1024; // a whole kernel's reference fits
constexpr qint64 kLongestRenderMs = 120'000;

struct RenderAborted {
    QString reason;
};

// What a template is made of, read as kainjow will read it (set-delimiter
// tags included) before kainjow parses it: how deep its sections nest (the
// parser needs memory quadratic in the depth) and how much literal text
// each section repeats per item (to bound the output while it grows:
// kainjow keeps a whole line in memory before handing it out).
struct TemplateShape {
    int depth = 0;
    size_t topText = 0;
    std::unordered_map<std::string, size_t> sectionText; // by section name, the largest
};

TemplateShape shapeOf(const std::string &text)
{
    TemplateShape shape;
    std::string open = "{{";
    std::string close = "}}";
    std::vector<std::pair<std::string, size_t>> sections; // open sections and their own text so far
    const auto addText = [&](size_t n) { (sections.empty() ? shape.topText : sections.back().second) += n; };
    size_t at = 0;
    for (size_t tagAt = text.find(open); tagAt != std::string::npos; tagAt = text.find(open, at)) {
        addText(tagAt - at);
        const size_t body = tagAt + open.size();
        const bool triple = open == "{{" && body < text.size() && text[body] == '{';
        const size_t end = text.find(triple ? "}" + close : close, body);
        if (end == std::string::npos) {
            at = tagAt;
            break;
        }
        const std::string tag = text.substr(body, end - body);
        at = end + close.size() + (triple ? 1 : 0);
        const size_t first = tag.find_first_not_of(" \t");
        if (first == std::string::npos)
            continue;
        const char kind = tag[first];
        const size_t nameEnd = tag.find_last_not_of(" \t");
        const std::string name = nameEnd > first ? tag.substr(first + 1, nameEnd - first) : std::string();
        const size_t nameStart = name.find_first_not_of(" \t");
        const std::string trimmed = nameStart == std::string::npos ? std::string() : name.substr(nameStart);
        if (kind == '#' || kind == '^') {
            sections.push_back({trimmed, 0});
            shape.depth = std::max(shape.depth, int(sections.size()));
        } else if (kind == '/') {
            if (!sections.empty()) {
                size_t &largest = shape.sectionText[sections.back().first];
                largest = std::max(largest, sections.back().second);
                sections.pop_back();
            }
        } else if (kind == '=' && tag.size() > first + 1 && tag.back() == '=') {
            // {{=<% %>=}}: the new opening and closing, split at the space.
            const std::string inner = tag.substr(first + 1, tag.size() - first - 2);
            const size_t a = inner.find_first_not_of(' ');
            const size_t space = inner.find(' ', a);
            const size_t b = space == std::string::npos ? space : inner.find_first_not_of(' ', space);
            if (a == std::string::npos || b == std::string::npos)
                break;
            open = inner.substr(a, space - a);
            close = inner.substr(b, inner.find_last_not_of(' ') + 1 - b);
            if (open.empty() || close.empty())
                break;
        }
    }
    addText(text.size() - std::min(at, text.size()));
    for (const auto &[name, own] : sections) {
        size_t &largest = shape.sectionText[name];
        largest = std::max(largest, own);
    }
    return shape;
}

// The data as kainjow looks it up, with limits: no partials (values are
// never read as templates, and REALM's template sets have no partials of
// their own), a bounded depth, a bounded time.
class GuardedContext final : public kainjow::mustache::basic_context<std::string> {
public:
    GuardedContext(kainjow::mustache::basic_context<std::string> &inner, const TemplateShape &shape)
        : m_inner(inner)
        , m_shape(shape)
        , m_output(shape.topText)
    {
        m_clock.start();
    }

    // Each item of a section repeats that section's literal text: counted
    // here, against the output limit, before kainjow writes it.
    void push(const kainjow::mustache::basic_data<std::string> *data) override
    {
        if (++m_depth > kMostNesting * 2)
            throw RenderAborted{QCoreApplication::translate("Realm::Mustache", "sections are nested more than %1 deep").arg(kMostNesting)};
        if (size_t(m_depth) > m_sectionAtDepth.size())
            m_sectionAtDepth.resize(size_t(m_depth));
        std::string &section = m_sectionAtDepth[size_t(m_depth) - 1];
        if (m_justLookedUp)
            section = m_lastLookup; // the first item; later items reuse the name
        m_justLookedUp = false;
        const auto own = m_shape.sectionText.find(section);
        grow(own == m_shape.sectionText.end() ? 0 : own->second);
        m_inner.push(data);
    }
    void pop() override
    {
        --m_depth;
        m_justLookedUp = false;
        m_inner.pop();
    }
    const kainjow::mustache::basic_data<std::string> *get(const std::string &name) const override
    {
        if ((++m_lookups & 0xfff) == 0 && m_clock.elapsed() > kLongestRenderMs)
            throw RenderAborted{QCoreApplication::translate("Realm::Mustache", "it ran longer than %1 seconds").arg(kLongestRenderMs / 1000)};
        m_lastLookup = name;
        m_justLookedUp = true;
        const kainjow::mustache::basic_data<std::string> *value = m_inner.get(name);
        if (value && value->is_string())
            grow(value->string_value().size());
        return value;
    }
    const kainjow::mustache::basic_data<std::string> *get_partial(const std::string &name) const override
    {
        if (m_partial.empty())
            m_partial = name;
        return nullptr;
    }

    const std::string &askedPartial() const { return m_partial; }

private:
    void grow(size_t bytes) const
    {
        m_output += bytes;
        if (m_output > kLargestOutput)
            throw RenderAborted{QCoreApplication::translate("Realm::Mustache", "it would write more than %1 MiB").arg(kLargestOutput / (1024 * 1024))};
    }

    kainjow::mustache::basic_context<std::string> &m_inner;
    const TemplateShape &m_shape;
    mutable size_t m_output; // an upper bound of what has been written
    mutable std::string m_lastLookup;
    mutable bool m_justLookedUp = false;
    std::vector<std::string> m_sectionAtDepth;
    int m_depth = 0;
    mutable quint64 m_lookups = 0;
    mutable std::string m_partial;
    QElapsedTimer m_clock;
};

// Where kainjow writes: counted, and stopped at the size limit.
struct BoundedOutput {
    std::string text;
    BoundedOutput &operator<<(const std::string &piece)
    {
        if (text.size() + piece.size() > kLargestOutput)
            throw RenderAborted{QCoreApplication::translate("Realm::Mustache", "it would write more than %1 MiB").arg(kLargestOutput / (1024 * 1024))};
        text += piece;
        return *this;
    }
};

Result<std::string> render(const QString &mustacheTemplate, kainjow::mustache::basic_context<std::string> &context)
{
    const std::string text = mustacheTemplate.toStdString();
    const TemplateShape shape = shapeOf(text);
    if (shape.depth > kMostNesting)
        return Error::invalidInput(QCoreApplication::translate("Realm::Mustache", "The template nests sections more than %1 deep; REALM does not render it.")
                                       .arg(kMostNesting));
    kainjow::mustache::mustache tmpl(text);
    if (!tmpl.is_valid())
        return Error::invalidInput(QCoreApplication::translate("Realm::Mustache", "The template is not valid Mustache: %1")
                                       .arg(QString::fromStdString(tmpl.error_message())));
    tmpl.set_custom_escape([](const std::string &s) { return s; }); // Markdown, not HTML
    GuardedContext guarded(context, shape);
    BoundedOutput out;
    try {
        tmpl.render(guarded, out);
    } catch (const RenderAborted &aborted) {
        return Error{Error::Code::LimitExceeded, QCoreApplication::translate("Realm::Mustache", "The template was stopped: %1.").arg(aborted.reason)};
    }
    if (!tmpl.is_valid())
        return Error::invalidInput(QCoreApplication::translate("Realm::Mustache", "The template failed: %1")
                                       .arg(QString::fromStdString(tmpl.error_message())));
    if (!guarded.askedPartial().empty())
        return Error::invalidInput(QCoreApplication::translate("Realm::Mustache", "The template includes {{> %1}}, but REALM templates have no partials "
                                                                              "(and never read values as templates). Remove the tag.")
                                       .arg(QString::fromStdString(guarded.askedPartial())));
    return std::move(out.text);
}

Result<std::string> render(const QString &mustacheTemplate, const TemplateData &data)
{
    kainjow::mustache::context<std::string> context(&data);
    return render(mustacheTemplate, context);
}

// One pass over the lines of UTF-8 text, without splitting it into a
// list: a large reference is megabytes.
std::string collapsed(std::string_view markdown)
{
    std::string out;
    out.reserve(markdown.size());
    Markup::FenceScanner fences;
    bool lastBlank = true; // no blank lines at the top
    bool first = true;
    size_t at = 0;
    while (at <= markdown.size()) {
        size_t end = markdown.find('\n', at);
        if (end == std::string_view::npos)
            end = markdown.size();
        const std::string_view line = markdown.substr(at, end - at);
        const bool code = fences.next(QByteArrayView(line.data(), qsizetype(line.size()))) != Markup::FenceScanner::Line::Text;
        const bool blank = line.find_first_not_of(" \t\r\f\v") == std::string_view::npos;
        if (code || !blank || !lastBlank) { // the kept lines, joined by newlines
            if (!first)
                out += '\n';
            out += line;
            first = false;
        }
        lastBlank = blank && !code;
        at = end + 1;
    }
    return out;
}
} // namespace

Result<QString> renderTemplate(const QString &mustacheTemplate, const QVariantMap &data)
{
    TemplateData root;
    fill(root, data);
    Result<std::string> out = render(mustacheTemplate, root);
    if (!out)
        return out.error();
    return QString::fromStdString(*out);
}

Result<QString> renderMarkdown(const QString &mustacheTemplate, const QVariantMap &data)
{
    TemplateData root;
    fill(root, data);
    return renderMarkdown(mustacheTemplate, root);
}

namespace {
template <typename Data>
Result<QString> renderCollapsed(const QString &mustacheTemplate, Data &data)
{
    Result<std::string> out = render(mustacheTemplate, data);
    if (!out)
        return out.error();
    const std::string markdown = collapsed(*out);
    return QString::fromUtf8(markdown.data(), qsizetype(markdown.size()));
}
} // namespace

Result<QString> renderMarkdown(const QString &mustacheTemplate, const TemplateData &data)
{
    return renderCollapsed(mustacheTemplate, data);
}

Result<QString> renderMarkdown(const QString &mustacheTemplate, kainjow::mustache::basic_context<std::string> &context)
{
    return renderCollapsed(mustacheTemplate, context);
}

QString collapseBlankLines(const QString &markdown)
{
    const QByteArray utf8 = markdown.toUtf8();
    const std::string out = collapsed(std::string_view(utf8.constData(), size_t(utf8.size())));
    return QString::fromUtf8(out.data(), qsizetype(out.size()));
}

} // namespace Realm::Mustache
