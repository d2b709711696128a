// A real writer process is killed with SIGKILL in the middle of recording; everything
// it reported as committed must be in the file, and nothing half-written.

#include "recording/recording.h"

#include "model/meshscope_error.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <limits>

using namespace meshscope;

namespace {

constexpr int SeriesCount = 12;
constexpr int BatchSamples = 37;
constexpr qint64 T0 = 1700000000000;
constexpr qint64 Step = 15000;
// Enough commits that full chunks (1024 samples) have been sealed and the open chunk
// rewritten many times before the kill.
constexpr qint64 CommittedBeforeKill = 60 * BatchSamples;

QByteArray fileHash(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256)
                                          : QByteArray();
}

/// The highest "committed N" among the complete lines of `output`.
qint64 lastCommitted(const QByteArray& output)
{
    qint64 last = 0;
    const QList<QByteArray> lines = output.split('\n');
    for (qsizetype i = 0; i + 1 < lines.size(); ++i) { // the last piece may be a partial line
        if (lines[i].startsWith("committed "))
            last = std::max(last, lines[i].mid(10).toLongLong());
    }
    return last;
}

void checkSeries(const RecordingReader& reader, qint64 committed)
{
    for (int s = 0; s < SeriesCount; ++s) {
        std::vector<qint64> times;
        std::vector<double> values;
        reader.readSeries({QStringLiteral("svc%1->db").arg(s), QStringLiteral("request_rate")},
            TimeRange {0, std::numeric_limits<qint64>::max()}, times, values);
        // Everything reported is there; more may be (committed after the last line was
        // read), but only whole commits.
        QVERIFY2(qint64(times.size()) >= committed,
            qPrintable(QStringLiteral("series %1: %2 < %3").arg(s).arg(times.size()).arg(committed)));
        QCOMPARE(times.size() % BatchSamples, std::size_t(0));
        for (std::size_t i = 0; i < times.size(); ++i) {
            QCOMPARE(times[i], T0 + qint64(i) * Step);
            QCOMPARE(values[i], double(s * 1000 + qint64(i)) / 1000.0);
        }
    }
}

} // namespace

class TestRecordingCrash : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void killedWriterLosesOnlyTheUncommittedTail()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("killed.meshrec"));
        QProcess writer;
        writer.setProcessChannelMode(QProcess::SeparateChannels);
        writer.start(QStringLiteral(RECORDING_CRASH_WRITER), {file});
        QVERIFY2(writer.waitForStarted(), qPrintable(writer.errorString()));
        QByteArray output;
        while (lastCommitted(output) < CommittedBeforeKill) {
            QVERIFY2(writer.waitForReadyRead(60000),
                qPrintable(QStringLiteral("writer stopped: %1").arg(QString::fromLocal8Bit(writer.readAllStandardError()))));
            output += writer.readAllStandardOutput();
        }
        writer.kill(); // SIGKILL: no destructor, no close, no final commit
        QVERIFY(writer.waitForFinished());
        QCOMPARE(writer.exitStatus(), QProcess::CrashExit);
        output += writer.readAllStandardOutput();
        const qint64 committed = lastCommitted(output);
        QVERIFY(committed >= CommittedBeforeKill);
        QVERIFY(QFile::exists(file + QStringLiteral("-wal")));

        const QByteArray mainBefore = fileHash(file);
        const QByteArray walBefore = fileHash(file + QStringLiteral("-wal"));
        {
            const auto reader = RecordingReader::open(file);
            const RecordingInfo info = reader->info();
            QVERIFY2(info.health.contains(QLatin1String("not closed cleanly")), qPrintable(info.health));
            QCOMPARE(info.seriesCount, SeriesCount);
            QVERIFY(info.sampleCount >= committed * SeriesCount);
            checkSeries(*reader, committed);
        }
        // Reading recovered a copy: the crashed file and its log are untouched.
        QCOMPARE(fileHash(file), mainBefore);
        QCOMPARE(fileHash(file + QStringLiteral("-wal")), walBefore);

        // Appending recovers in place and carries on where the last commit ended.
        qint64 stored = 0;
        {
            auto append = RecordingWriter::openForAppend(file);
            append->close();
        }
        {
            const auto reader = RecordingReader::open(file);
            QCOMPARE(reader->info().health, QStringLiteral("ok"));
            stored = reader->info().sampleCount / SeriesCount;
            checkSeries(*reader, committed);
        }
        QVERIFY(!QFile::exists(file + QStringLiteral("-wal")));
        QVERIFY(stored >= committed);
    }
};

QTEST_GUILESS_MAIN(TestRecordingCrash)
#include "test_recording_crash.moc"
