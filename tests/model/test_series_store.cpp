#include "model/series_store.h"

#include <QTest>

using namespace meshscope;

class TestSeriesStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void appendRejectsDuplicatesAndOutOfOrder()
    {
        SeriesStore store;
        const SeriesId id = store.ensureSeries({QStringLiteral("a->b"), QStringLiteral("request_rate")});
        QCOMPARE(store.append(id, 1000, 1.0), AppendStatus::Appended);
        QCOMPARE(store.append(id, 1000, 2.0), AppendStatus::Duplicate);
        QCOMPARE(store.append(id, 500, 2.0), AppendStatus::OutOfOrder);
        QCOMPARE(store.append(id, 2000, 3.0), AppendStatus::Appended);
        QCOMPARE(store.samples(id).size, std::size_t(2));
        QCOMPARE(store.samples(id).values[1], 3.0);
    }

    void ensureSeriesIsIdempotent()
    {
        SeriesStore store;
        const SeriesKey key {QStringLiteral("cart"), QStringLiteral("cpu")};
        const SeriesId a = store.ensureSeries(key);
        QCOMPARE(store.ensureSeries(key), a);
        QCOMPARE(store.find(key), a);
        QCOMPARE(store.find({QStringLiteral("cart"), QStringLiteral("memory")}), InvalidSeries);
        QCOMPARE(store.seriesCount(), 1);
    }

    void rangeIsInclusive()
    {
        SeriesStore store;
        const SeriesId id = store.ensureSeries({QStringLiteral("n"), QStringLiteral("cpu")});
        for (int i = 0; i < 10; ++i)
            store.append(id, i * 1000, i);
        const SeriesSpan span = store.range(id, 2000, 5000);
        QCOMPARE(span.size, std::size_t(4));
        QCOMPARE(span.timesMs[0], qint64(2000));
        QCOMPARE(span.values[3], 5.0);
        QVERIFY(store.range(id, 20000, 30000).empty());
    }

    void levelOfDetailKeepsExtremes()
    {
        SeriesStore store;
        const SeriesId id = store.ensureSeries({QStringLiteral("n"), QStringLiteral("cpu")});
        for (int i = 0; i < 1000; ++i)
            store.append(id, i, i == 537 ? 100.0 : (i == 12 ? -50.0 : 1.0));
        const auto buckets = store.levelOfDetail(id, 0, 999, 10);
        QCOMPARE(int(buckets.size()), 10);
        double max = -1e9;
        double min = 1e9;
        int count = 0;
        for (const MinMaxBucket& b : buckets) {
            max = std::max(max, b.max);
            min = std::min(min, b.min);
            count += b.count;
        }
        QCOMPARE(max, 100.0);
        QCOMPARE(min, -50.0);
        QCOMPARE(count, 1000);
    }

    void valueAtRespectsMaxAge()
    {
        SeriesStore store;
        const SeriesId id = store.ensureSeries({QStringLiteral("n"), QStringLiteral("cpu")});
        store.append(id, 1000, 7.0);
        double v = 0;
        QVERIFY(store.valueAt(id, 1500, &v, 1000));
        QCOMPARE(v, 7.0);
        QVERIFY(!store.valueAt(id, 5000, &v, 1000));
        QVERIFY(!store.valueAt(id, 500, &v, 1000));
    }

    void evictionDropsOldSamplesOnly()
    {
        SeriesStore store;
        const SeriesId id = store.ensureSeries({QStringLiteral("n"), QStringLiteral("cpu")});
        for (int i = 0; i < 10; ++i)
            store.append(id, i * 1000, i);
        QCOMPARE(store.evictBefore(5000), qint64(5));
        QCOMPARE(store.timeRange(id).startMs, qint64(5000));
        QCOMPARE(store.sampleCount(), qint64(5));
    }

    void timeRangeFollowsEveryChange()
    {
        SeriesStore store;
        QVERIFY(!store.timeRange().isValid());
        const SeriesId a = store.ensureSeries({QStringLiteral("a"), QStringLiteral("cpu")});
        const SeriesId b = store.ensureSeries({QStringLiteral("b"), QStringLiteral("cpu")});
        store.append(a, 5000, 1);
        store.append(a, 4000, 1); // out of order: rejected, not part of the range
        QCOMPARE(store.timeRange(), (TimeRange {5000, 5000}));
        store.appendColumns(b, {2000, 3000}, {1, 2});
        QCOMPARE(store.timeRange(), (TimeRange {2000, 5000}));
        const qint64 times[] = {6000, 9000};
        const double values[] = {1, 2};
        store.appendSorted(a, times, values, 2);
        QCOMPARE(store.timeRange(), (TimeRange {2000, 9000}));
        store.appendColumns(b, {9500}, {3});
        QCOMPARE(store.timeRange(), (TimeRange {2000, 9500}));
        const SeriesStore copy = store;
        QCOMPARE(copy.timeRange(), store.timeRange());
        store.evictBefore(5500); // b keeps 9500, a keeps 6000 and 9000
        QCOMPARE(store.timeRange(), (TimeRange {6000, 9500}));
        store.evictBefore(20000);
        QVERIFY(!store.timeRange().isValid());
        store.clear();
        QVERIFY(!store.timeRange().isValid());
    }
};

QTEST_GUILESS_MAIN(TestSeriesStore)
#include "test_series_store.moc"
