#include "models/find_bar.h"
#include "models/find_expression.h"

#include <QSignalSpy>
#include <QTest>

using namespace meshscope;

Q_DECLARE_METATYPE(meshscope::FindSubject)

namespace {

FindSubject cartNode()
{
    FindSubject s;
    s.name = QStringLiteral("cartservice");
    s.ns = QStringLiteral("shop");
    s.requestRate = 42;
    s.errorPercent = 7.5;
    s.responseTimeMs = 620;
    s.anomalous = true;
    s.healthy = false;
    return s;
}

FindSubject quietEdge()
{
    FindSubject s;
    s.name = QStringLiteral("frontend->adservice");
    s.ns = QStringLiteral("ads");
    s.protocol = QStringLiteral("grpc");
    s.isEdge = true;
    s.requestRate = 0.5;
    s.errorPercent = 0;
    s.responseTimeMs = 12;
    return s;
}

FindSubject unknownMetrics()
{
    FindSubject s;
    s.name = QStringLiteral("external");
    return s;
}

} // namespace

class TestFindExpression : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matches_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<FindSubject>("subject");
        QTest::addColumn<bool>("expected");

        QTest::newRow("err above") << QStringLiteral("%err > 5") << cartNode() << true;
        QTest::newRow("err not above") << QStringLiteral("%err > 5") << quietEdge() << false;
        QTest::newRow("err alias with unit") << QStringLiteral("err>=7.5%") << cartNode() << true;
        QTest::newRow("rt") << QStringLiteral("rt > 500") << cartNode() << true;
        QTest::newRow("rt with ms") << QStringLiteral("rt < 20ms") << quietEdge() << true;
        QTest::newRow("rps below") << QStringLiteral("rps < 1") << quietEdge() << true;
        QTest::newRow("rps not below") << QStringLiteral("rps < 1") << cartNode() << false;
        QTest::newRow("unknown never matches") << QStringLiteral("rps < 1") << unknownMetrics() << false;
        QTest::newRow("unknown not even !=") << QStringLiteral("rt != 3") << unknownMetrics() << false;
        QTest::newRow("ns equal case-insensitive") << QStringLiteral("ns = SHOP") << cartNode() << true;
        QTest::newRow("ns not equal") << QStringLiteral("ns != shop") << quietEdge() << true;
        QTest::newRow("name contains") << QStringLiteral("name ~ cart") << cartNode() << true;
        QTest::newRow("name not contains") << QStringLiteral("name !~ cart") << cartNode() << false;
        QTest::newRow("quoted edge name")
            << QStringLiteral("name = \"frontend->adservice\"") << quietEdge() << true;
        QTest::newRow("flag anomalous") << QStringLiteral("anomalous") << cartNode() << true;
        QTest::newRow("flag anomalous no") << QStringLiteral("anomalous") << quietEdge() << false;
        QTest::newRow("bang healthy") << QStringLiteral("!healthy") << cartNode() << true;
        QTest::newRow("not healthy") << QStringLiteral("not healthy") << quietEdge() << false;
        QTest::newRow("edge flag") << QStringLiteral("edge and protocol = grpc") << quietEdge() << true;
        QTest::newRow("node flag") << QStringLiteral("node") << quietEdge() << false;
        QTest::newRow("and") << QStringLiteral("%err > 5 and ns = shop") << cartNode() << true;
        QTest::newRow("and false") << QStringLiteral("%err > 5 and ns = ads") << cartNode() << false;
        QTest::newRow("or") << QStringLiteral("rps < 1 or anomalous") << cartNode() << true;
        QTest::newRow("symbols") << QStringLiteral("rps < 1 || anomalous && ns = x") << quietEdge() << true;
        // and binds tighter than or: false or (true and false)
        QTest::newRow("precedence") << QStringLiteral("rps > 100 or anomalous and rt < 1") << cartNode()
                                    << false;
        QTest::newRow("parentheses") << QStringLiteral("(rps > 100 or anomalous) and rt > 1") << cartNode()
                                     << true;
        QTest::newRow("not parentheses")
            << QStringLiteral("not (ns = ads or ns = shop)") << cartNode() << false;
        QTest::newRow("keywords any case")
            << QStringLiteral("NOT healthy AND Name ~ CART") << cartNode() << true;
        QTest::newRow("empty matches nothing") << QStringLiteral("   ") << cartNode() << false;
    }

    void matches()
    {
        QFETCH(QString, text);
        QFETCH(FindSubject, subject);
        QFETCH(bool, expected);
        const FindExpression e = FindExpression::parse(text);
        QVERIFY2(e.isValid(), qPrintable(e.errorMessage()));
        QCOMPARE(e.matches(subject), expected);
    }

    void errors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("position");
        QTest::addColumn<QString>("messagePart");

        QTest::newRow("unknown field")
            << QStringLiteral("rps > 1 and foo > 2") << 12 << QStringLiteral("foo");
        QTest::newRow("missing value") << QStringLiteral("rt >") << 4 << QStringLiteral("value");
        QTest::newRow("not a number") << QStringLiteral("%err > lots") << 7 << QStringLiteral("number");
        QTest::newRow("contains on number") << QStringLiteral("rt ~ 5") << 3 << QStringLiteral("numbers");
        QTest::newRow("less on text") << QStringLiteral("ns < shop") << 3 << QStringLiteral("text");
        QTest::newRow("missing operator") << QStringLiteral("name cart") << 5 << QStringLiteral("comparison");
        QTest::newRow("unclosed paren")
            << QStringLiteral("(rps > 1 or anomalous") << 0 << QStringLiteral("')'");
        QTest::newRow("stray close") << QStringLiteral("anomalous)") << 9 << QStringLiteral("')'");
        QTest::newRow("missing and") << QStringLiteral("anomalous healthy") << 10 << QStringLiteral("'and'");
        QTest::newRow("dangling and")
            << QStringLiteral("anomalous and ") << 14 << QStringLiteral("condition");
        QTest::newRow("bad char") << QStringLiteral("rps > 1 $") << 8 << QStringLiteral("$");
        QTest::newRow("unterminated quote")
            << QStringLiteral("name = \"abc") << 7 << QStringLiteral("quoted");
        QTest::newRow("unquoted edge") << QStringLiteral("name = a->b") << 9 << QStringLiteral("'>'");
    }

    void errors()
    {
        QFETCH(QString, text);
        QFETCH(int, position);
        QFETCH(QString, messagePart);
        const FindExpression e = FindExpression::parse(text);
        QVERIFY(!e.isValid());
        QVERIFY(!e.isEmpty());
        QVERIFY(!e.matches(cartNode()));
        QCOMPARE(e.errorPosition(), position);
        QVERIFY2(e.errorMessage().contains(messagePart), qPrintable(e.errorMessage()));
    }

    void presetsParse()
    {
        const auto presets = FindExpression::presets();
        QVERIFY(!presets.isEmpty());
        for (const FindPreset& p : presets) {
            const FindExpression e = FindExpression::parse(p.expression);
            QVERIFY2(e.isValid() && !e.isEmpty(), qPrintable(p.expression));
        }
    }

    void findBarEmitsValidAndShowsErrors()
    {
        FindBar bar;
        QSignalSpy spy(&bar, &FindBar::expressionChanged);
        bar.setText(QStringLiteral("%err > 5"));
        QCOMPARE(spy.count(), 1);
        QVERIFY(bar.expression().matches(cartNode()));
        QVERIFY(bar.errorText().isEmpty());

        bar.setText(QStringLiteral("%err > "));
        QCOMPARE(spy.count(), 1); // invalid text does not replace the expression in force
        QVERIFY(bar.errorText().contains(QStringLiteral("column 8")));
        QCOMPARE(bar.expression().text(), QStringLiteral("%err > 5"));

        bar.setMode(FindMode::Hide);
        // The expression in force switches to hiding while the typed text is still wrong.
        QCOMPARE(spy.count(), 2);
        QCOMPARE(spy.last().at(0).value<FindExpression>().text(), QStringLiteral("%err > 5"));
        bar.setText(QStringLiteral("anomalous"));
        QCOMPARE(spy.count(), 3);
        QCOMPARE(spy.last().at(1).value<FindMode>(), FindMode::Hide);
        QVERIFY(bar.errorText().isEmpty());
    }
};

QTEST_MAIN(TestFindExpression)
#include "test_find_expression.moc"
