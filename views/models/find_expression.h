#pragma once

#include <QList>
#include <QString>

#include <memory>

namespace meshscope {

/// One node or edge of the topology as a find/hide expression sees it. The topology view
/// fills one per item from the frame in force at the cursor and the current anomalies.
struct FindSubject
{
    QString name; ///< node name or `a->b` edge entity
    QString ns; ///< namespace (of the source node for an edge)
    QString protocol; ///< edges: http, grpc, tcp
    bool isEdge = false;
    double requestRate = -1; ///< req/s; negative when unknown
    double errorPercent = -1; ///< failed requests in % (0..100); negative when unknown
    double responseTimeMs = -1; ///< p95 response time; negative when unknown
    bool anomalous = false; ///< has an open anomaly at the cursor
    bool healthy = true; ///< no anomaly and no errors
};

/// A named ready-made expression offered by the find bar.
struct FindPreset
{
    QString label;
    QString expression;
};

/// A compiled Kiali-style find/hide expression over nodes and edges, for example
/// `%err > 5 and ns = shop`, `rt > 500 or not healthy`, `name ~ cart`.
///
/// Fields: `%err` (also `err`), `rt`, `rps` compare numbers with `< <= > >= = !=`;
/// `name`, `ns`, `protocol` compare text with `=` / `!=` (exact, case-insensitive) or
/// `~` / `!~` (contains). Flags: `anomalous`, `healthy`, `node`, `edge`. Combine with
/// `and`/`&&`, `or`/`||`, `not`/`!` and parentheses. Text values with spaces or `->` go
/// in double quotes. An empty expression is valid and matches nothing.
class FindExpression
{
public:
    FindExpression() = default;

    /// Compiles `text`. On a syntax error the result is invalid and carries a message and
    /// the 0-based position (and length) of the offending part of `text`.
    static FindExpression parse(const QString& text);
    /// Ready-made expressions for the presets menu; every one of them parses.
    static QList<FindPreset> presets();

    QString text() const { return m_text; }
    bool isValid() const { return m_errorMessage.isEmpty(); }
    /// True when the text is blank: nothing is found or hidden.
    bool isEmpty() const { return isValid() && !m_root; }
    QString errorMessage() const { return m_errorMessage; }
    /// 0-based index into text() where the error starts; -1 when valid.
    int errorPosition() const { return m_errorPosition; }
    int errorLength() const { return m_errorLength; }

    /// False for an invalid or empty expression.
    bool matches(const FindSubject& subject) const;

    struct Node;

private:
    QString m_text;
    std::shared_ptr<const Node> m_root;
    QString m_errorMessage;
    int m_errorPosition = -1;
    int m_errorLength = 0;
};

} // namespace meshscope
