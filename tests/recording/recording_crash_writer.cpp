// Test helper: records in a loop, committing after every batch and printing
// "committed <samples per series>" once each commit has returned, until it is killed.
// Usage: recording_crash_writer <file.meshrec>

#include "recording/recording.h"

#include "model/meshscope_error.h"

#include <QCoreApplication>

#include <cstdio>
#include <vector>

namespace {

constexpr int SeriesCount = 12;
constexpr int BatchSamples = 37; // not a divisor of the chunk size: chunks fill across commits
constexpr qint64 T0 = 1700000000000;
constexpr qint64 Step = 15000;

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: recording_crash_writer FILE\n");
        return 2;
    }
    try {
        auto writer = meshscope::RecordingWriter::create(QString::fromLocal8Bit(argv[1]), true);
        std::vector<qint64> times(BatchSamples);
        std::vector<double> values(BatchSamples);
        for (int batch = 0; batch < 1000000; ++batch) {
            for (int s = 0; s < SeriesCount; ++s) {
                for (int i = 0; i < BatchSamples; ++i) {
                    const qint64 index = qint64(batch) * BatchSamples + i;
                    times[std::size_t(i)] = T0 + index * Step;
                    // The test recomputes the same values: (series * 1000 + index) / 1000.
                    values[std::size_t(i)] = double(s * 1000 + index) / 1000.0;
                }
                writer->appendSamples({QStringLiteral("svc%1->db").arg(s), QStringLiteral("request_rate")},
                    times.data(), values.data(), times.size());
            }
            writer->commit();
            std::printf("committed %lld\n", static_cast<long long>(batch + 1) * BatchSamples);
            std::fflush(stdout);
        }
    } catch (const meshscope::MeshscopeError& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 1;
    }
    return 0;
}
