#include "find_expression.h"

#include <QCoreApplication>

#include <vector>

namespace meshscope {

enum class FindField { ErrorPercent, ResponseTime, RequestRate, Name, Namespace, Protocol };
enum class FindFlag { Anomalous, Healthy, IsNode, IsEdge };
enum class FindOp { Less, LessEqual, Greater, GreaterEqual, Equal, NotEqual, Contains, NotContains };

struct FindExpression::Node
{
    enum class Kind { And, Or, Not, Compare, Flag } kind = Kind::Flag;
    std::shared_ptr<const Node> left;
    std::shared_ptr<const Node> right;
    FindField field = FindField::Name;
    FindFlag flag = FindFlag::Anomalous;
    FindOp op = FindOp::Equal;
    double number = 0;
    QString text;
};

namespace {

struct Token
{
    enum class Type { Word, Quoted, Operator, Open, Close, End } type = Type::End;
    QString text;
    int position = 0;
    int length = 0;
};

/// Thrown inside the parser only; parse() turns it into an invalid expression.
struct SyntaxError
{
    QString message;
    int position;
    int length;
};

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'%' || c == u'.' || c == u'-' || c == u'/' || c == u':'
        || c == u'*';
}

std::vector<Token> tokenize(const QString& s)
{
    static const QStringList twoCharOps {QStringLiteral(">="), QStringLiteral("<="), QStringLiteral("!="),
        QStringLiteral("!~"), QStringLiteral("=="), QStringLiteral("&&"), QStringLiteral("||")};
    std::vector<Token> tokens;
    int i = 0;
    while (i < s.size()) {
        const QChar c = s.at(i);
        if (c.isSpace()) {
            ++i;
        } else if (c == u'(' || c == u')') {
            tokens.push_back({c == u'(' ? Token::Type::Open : Token::Type::Close, QString(c), i, 1});
            ++i;
        } else if (c == u'"') {
            const int end = s.indexOf(u'"', i + 1);
            if (end < 0)
                throw SyntaxError {QCoreApplication::translate("FindExpression", "unterminated quoted text"),
                    i, static_cast<int>(s.size()) - i};
            tokens.push_back({Token::Type::Quoted, s.mid(i + 1, end - i - 1), i, end - i + 1});
            i = end + 1;
        } else if (twoCharOps.contains(s.mid(i, 2))) {
            tokens.push_back({Token::Type::Operator, s.mid(i, 2), i, 2});
            i += 2;
        } else if (QStringView(u"<>=~!").contains(c)) {
            tokens.push_back({Token::Type::Operator, QString(c), i, 1});
            ++i;
        } else if (isWordChar(c)) {
            const int start = i;
            while (i < s.size() && isWordChar(s.at(i)))
                ++i;
            tokens.push_back({Token::Type::Word, s.mid(start, i - start), start, i - start});
        } else {
            throw SyntaxError {
                QCoreApplication::translate("FindExpression", "unexpected character '%1'").arg(c), i, 1};
        }
    }
    tokens.push_back({Token::Type::End, QString(), static_cast<int>(s.size()), 0});
    return tokens;
}

bool fieldFromName(const QString& name, FindField* field)
{
    static const QHash<QString, FindField> fields {{QStringLiteral("%err"), FindField::ErrorPercent},
        {QStringLiteral("err"), FindField::ErrorPercent}, {QStringLiteral("rt"), FindField::ResponseTime},
        {QStringLiteral("rps"), FindField::RequestRate}, {QStringLiteral("name"), FindField::Name},
        {QStringLiteral("ns"), FindField::Namespace}, {QStringLiteral("namespace"), FindField::Namespace},
        {QStringLiteral("protocol"), FindField::Protocol}};
    const auto it = fields.constFind(name.toLower());
    if (it == fields.constEnd())
        return false;
    *field = it.value();
    return true;
}

bool flagFromName(const QString& name, FindFlag* flag)
{
    static const QHash<QString, FindFlag> flags {{QStringLiteral("anomalous"), FindFlag::Anomalous},
        {QStringLiteral("healthy"), FindFlag::Healthy}, {QStringLiteral("node"), FindFlag::IsNode},
        {QStringLiteral("edge"), FindFlag::IsEdge}};
    const auto it = flags.constFind(name.toLower());
    if (it == flags.constEnd())
        return false;
    *flag = it.value();
    return true;
}

bool opFromText(const QString& text, FindOp* op)
{
    static const QHash<QString, FindOp> ops {{QStringLiteral("<"), FindOp::Less},
        {QStringLiteral("<="), FindOp::LessEqual}, {QStringLiteral(">"), FindOp::Greater},
        {QStringLiteral(">="), FindOp::GreaterEqual}, {QStringLiteral("="), FindOp::Equal},
        {QStringLiteral("=="), FindOp::Equal}, {QStringLiteral("!="), FindOp::NotEqual},
        {QStringLiteral("~"), FindOp::Contains}, {QStringLiteral("!~"), FindOp::NotContains}};
    const auto it = ops.constFind(text);
    if (it == ops.constEnd())
        return false;
    *op = it.value();
    return true;
}

bool isNumericField(FindField field)
{
    return field == FindField::ErrorPercent || field == FindField::ResponseTime
        || field == FindField::RequestRate;
}

using NodePtr = std::shared_ptr<const FindExpression::Node>;

/// Recursive descent: or := and ('or' and)*; and := unary ('and' unary)*;
/// unary := ('not'|'!') unary | '(' or ')' | field op value | flag.
class Parser
{
public:
    explicit Parser(std::vector<Token> tokens)
        : m_tokens(std::move(tokens))
    { }

    NodePtr parseAll()
    {
        NodePtr root = parseOr();
        const Token& t = peek();
        if (t.type == Token::Type::Close)
            throw SyntaxError {
                QCoreApplication::translate("FindExpression", "')' without a matching '('"), t.position, 1};
        if (t.type != Token::Type::End)
            throw SyntaxError {
                QCoreApplication::translate("FindExpression", "expected 'and' or 'or' before '%1'")
                    .arg(t.text),
                t.position, t.length};
        return root;
    }

private:
    const Token& peek() const { return m_tokens[m_pos]; }
    const Token& next() { return m_tokens[m_pos++]; }
    bool peekKeyword(const char* word, const char* symbol) const
    {
        const Token& t = peek();
        if (t.type == Token::Type::Word)
            return t.text.compare(QLatin1String(word), Qt::CaseInsensitive) == 0;
        return t.type == Token::Type::Operator && t.text == QLatin1String(symbol);
    }
    static NodePtr binary(FindExpression::Node::Kind kind, NodePtr left, NodePtr right)
    {
        auto node = std::make_shared<FindExpression::Node>();
        node->kind = kind;
        node->left = std::move(left);
        node->right = std::move(right);
        return node;
    }

    NodePtr parseOr()
    {
        NodePtr left = parseAnd();
        while (peekKeyword("or", "||")) {
            next();
            left = binary(FindExpression::Node::Kind::Or, left, parseAnd());
        }
        return left;
    }

    NodePtr parseAnd()
    {
        NodePtr left = parseUnary();
        while (peekKeyword("and", "&&")) {
            next();
            left = binary(FindExpression::Node::Kind::And, left, parseUnary());
        }
        return left;
    }

    NodePtr parseUnary()
    {
        if (peekKeyword("not", "!")) {
            next();
            return binary(FindExpression::Node::Kind::Not, parseUnary(), nullptr);
        }
        const Token& t = peek();
        if (t.type == Token::Type::Open) {
            next();
            NodePtr inner = parseOr();
            if (peek().type != Token::Type::Close)
                throw SyntaxError {
                    QCoreApplication::translate("FindExpression", "missing ')' for the '(' here"), t.position,
                    1};
            next();
            return inner;
        }
        if (t.type == Token::Type::End)
            throw SyntaxError {
                QCoreApplication::translate("FindExpression", "expected a condition"), t.position, 0};
        if (t.type != Token::Type::Word)
            throw SyntaxError {
                QCoreApplication::translate("FindExpression", "expected a field or flag, got '%1'")
                    .arg(t.text),
                t.position, t.length};
        return parseCondition();
    }

    NodePtr parseCondition()
    {
        const Token& name = next();
        auto node = std::make_shared<FindExpression::Node>();
        if (flagFromName(name.text, &node->flag)) {
            node->kind = FindExpression::Node::Kind::Flag;
            return node;
        }
        if (!fieldFromName(name.text, &node->field))
            throw SyntaxError {QCoreApplication::translate("FindExpression",
                                   "unknown field or flag '%1' (fields: %err rt rps name ns protocol; "
                                   "flags: anomalous healthy node edge)")
                                   .arg(name.text),
                name.position, name.length};
        node->kind = FindExpression::Node::Kind::Compare;
        const Token& op = next();
        if (op.type != Token::Type::Operator || !opFromText(op.text, &node->op))
            throw SyntaxError {QCoreApplication::translate(
                                   "FindExpression", "expected a comparison (< <= > >= = != ~ !~) after '%1'")
                                   .arg(name.text),
                op.position, op.length};
        const Token& value = next();
        if (value.type != Token::Type::Word && value.type != Token::Type::Quoted)
            throw SyntaxError {
                QCoreApplication::translate("FindExpression", "expected a value after '%1'").arg(op.text),
                value.position, value.length};
        if (isNumericField(node->field)) {
            if (node->op == FindOp::Contains || node->op == FindOp::NotContains)
                throw SyntaxError {
                    QCoreApplication::translate("FindExpression", "'%1' compares numbers: use < <= > >= = !=")
                        .arg(name.text),
                    op.position, op.length};
            bool ok = false;
            QString number = value.text;
            if (number.endsWith(QLatin1String("ms")))
                number.chop(2);
            else if (number.endsWith(u'%'))
                number.chop(1);
            node->number = number.toDouble(&ok);
            if (!ok)
                throw SyntaxError {
                    QCoreApplication::translate("FindExpression", "'%1' needs a number, got '%2'")
                        .arg(name.text, value.text),
                    value.position, value.length};
        } else {
            if (node->op != FindOp::Equal && node->op != FindOp::NotEqual && node->op != FindOp::Contains
                && node->op != FindOp::NotContains)
                throw SyntaxError {
                    QCoreApplication::translate("FindExpression", "'%1' compares text: use = != ~ !~")
                        .arg(name.text),
                    op.position, op.length};
            node->text = value.text;
        }
        return node;
    }

    std::vector<Token> m_tokens;
    std::size_t m_pos = 0;
};

double numberOf(const FindSubject& s, FindField field)
{
    switch (field) {
    case FindField::ErrorPercent:
        return s.errorPercent;
    case FindField::ResponseTime:
        return s.responseTimeMs;
    case FindField::RequestRate:
        return s.requestRate;
    default:
        return -1;
    }
}

QString textOf(const FindSubject& s, FindField field)
{
    switch (field) {
    case FindField::Name:
        return s.name;
    case FindField::Namespace:
        return s.ns;
    case FindField::Protocol:
        return s.protocol;
    default:
        return QString();
    }
}

bool compare(const FindExpression::Node& n, const FindSubject& s)
{
    if (isNumericField(n.field)) {
        const double v = numberOf(s, n.field);
        if (v < 0) // unknown never matches, not even "!="
            return false;
        switch (n.op) {
        case FindOp::Less:
            return v < n.number;
        case FindOp::LessEqual:
            return v <= n.number;
        case FindOp::Greater:
            return v > n.number;
        case FindOp::GreaterEqual:
            return v >= n.number;
        case FindOp::Equal:
            return v == n.number;
        case FindOp::NotEqual:
            return v != n.number;
        default:
            return false;
        }
    }
    const QString v = textOf(s, n.field);
    switch (n.op) {
    case FindOp::Equal:
        return v.compare(n.text, Qt::CaseInsensitive) == 0;
    case FindOp::NotEqual:
        return v.compare(n.text, Qt::CaseInsensitive) != 0;
    case FindOp::Contains:
        return v.contains(n.text, Qt::CaseInsensitive);
    case FindOp::NotContains:
        return !v.contains(n.text, Qt::CaseInsensitive);
    default:
        return false;
    }
}

bool flagOf(FindFlag flag, const FindSubject& s)
{
    switch (flag) {
    case FindFlag::Anomalous:
        return s.anomalous;
    case FindFlag::Healthy:
        return s.healthy;
    case FindFlag::IsNode:
        return !s.isEdge;
    case FindFlag::IsEdge:
        return s.isEdge;
    }
    return false;
}

bool evaluate(const FindExpression::Node& n, const FindSubject& s)
{
    using Kind = FindExpression::Node::Kind;
    switch (n.kind) {
    case Kind::And:
        return evaluate(*n.left, s) && evaluate(*n.right, s);
    case Kind::Or:
        return evaluate(*n.left, s) || evaluate(*n.right, s);
    case Kind::Not:
        return !evaluate(*n.left, s);
    case Kind::Compare:
        return compare(n, s);
    case Kind::Flag:
        return flagOf(n.flag, s);
    }
    return false;
}

} // namespace

FindExpression FindExpression::parse(const QString& text)
{
    FindExpression result;
    result.m_text = text;
    if (text.trimmed().isEmpty())
        return result;
    try {
        Parser parser(tokenize(text));
        result.m_root = parser.parseAll();
    } catch (const SyntaxError& error) {
        result.m_errorMessage = error.message;
        result.m_errorPosition = error.position;
        result.m_errorLength = error.length;
    }
    return result;
}

QList<FindPreset> FindExpression::presets()
{
    return {
        {QCoreApplication::translate("FindExpression", "Anomalous"), QStringLiteral("anomalous")},
        {QCoreApplication::translate("FindExpression", "Not healthy"), QStringLiteral("!healthy")},
        {QCoreApplication::translate("FindExpression", "Errors above 5%"), QStringLiteral("%err > 5")},
        {QCoreApplication::translate("FindExpression", "Slow (p95 above 500 ms)"),
            QStringLiteral("rt > 500")},
        {QCoreApplication::translate("FindExpression", "Idle (below 1 req/s)"), QStringLiteral("rps < 1")},
        {QCoreApplication::translate("FindExpression", "Edges with errors"),
            QStringLiteral("edge and %err > 0")},
    };
}

bool FindExpression::matches(const FindSubject& subject) const
{
    return m_root && isValid() && evaluate(*m_root, subject);
}

} // namespace meshscope
