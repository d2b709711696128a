// Import throughput: Prometheus query_range JSON (2,000 series x 720 points, ~48 MB)
// through meshscope's importer next to simdjson on-demand's raw parse of the same
// bytes, and OpenMetrics text with Istio metrics through the golden-signal builder.

#include "importers/importer.h"
#include "importers/mesh_signal_builder.h"
#include "importers/openmetrics_parser.h"
#include "importers/prom_json_import.h"
#include "importers/series_accumulator.h"

#include <QByteArray>
#include <QFile>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>
#include <simdjson.h>

#include <cstdio>
#include <ctime>

using namespace meshscope;

namespace {

constexpr int JsonSeries = 2000;
constexpr int JsonPoints = 720;
constexpr qint64 JsonSamples = qint64(JsonSeries) * JsonPoints;

/// A query_range response as Prometheus writes it, saved to a temporary file and read
/// back, so the benchmark measures the bytes a user would import.
/// CPU seconds of this thread: the machine is shared, so wall time is noisy and the
/// simdjson/importer ratio is taken on CPU time of the same run.
double threadCpuSeconds()
{
    timespec t {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) * 1e-9;
}

double g_simdjsonCpuPerIteration = 0;

const QByteArray& queryRangeJson()
{
    static const QByteArray bytes = [] {
        QByteArray json = R"({"status":"success","data":{"resultType":"matrix","result":[)";
        json.reserve(50 * 1024 * 1024);
        for (int s = 0; s < JsonSeries; ++s) {
            if (s)
                json += ',';
            json += R"({"metric":{"__name__":"istio_request_duration_milliseconds_p99","reporter":"destination","source_workload":"svc-)"
                + QByteArray::number(s % 97) + R"(","source_workload_namespace":"shop","destination_workload":"svc-)"
                + QByteArray::number(s) + R"(","destination_workload_namespace":"shop","response_code":"200"},"values":[)";
            for (int p = 0; p < JsonPoints; ++p) {
                if (p)
                    json += ',';
                json += '[' + QByteArray::number(1700000000 + 15 * p) + ".125,\""
                    + QByteArray::number(12.0 + (s * 7 + p * 13) % 1000 / 7.0, 'g', 12) + "\"]";
            }
            json += "]}";
        }
        json += "]}}";
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("query_range.json"));
        QFile out(path);
        if (!out.open(QIODevice::WriteOnly) || out.write(json) != json.size())
            std::abort();
        out.close();
        QFile in(path);
        if (!in.open(QIODevice::ReadOnly))
            std::abort();
        return in.readAll();
    }();
    return bytes;
}

void BM_SimdjsonOndemandRaw(benchmark::State& state)
{
    const QByteArray& bytes = queryRangeJson();
    simdjson::ondemand::parser parser;
    const double cpuStart = threadCpuSeconds();
    for (auto _ : state) {
        const simdjson::padded_string padded(bytes.constData(), std::size_t(bytes.size()));
        auto doc = parser.iterate(padded);
        double sumTimes = 0;
        std::size_t valueBytes = 0;
        for (auto series : doc["data"]["result"].get_array()) {
            for (auto field : series.get_object()) {
                const std::string_view key = field.unescaped_key();
                if (key == "metric") {
                    for (auto label : field.value().get_object())
                        valueBytes += std::string_view(label.value().get_string()).size();
                } else {
                    for (auto pair : field.value().get_array()) {
                        int i = 0;
                        for (auto element : pair.get_array()) {
                            if (i++ == 0)
                                sumTimes += double(element.get_double());
                            else
                                valueBytes += std::string_view(element.get_string()).size();
                        }
                    }
                }
            }
        }
        benchmark::DoNotOptimize(sumTimes);
        benchmark::DoNotOptimize(valueBytes);
    }
    g_simdjsonCpuPerIteration = (threadCpuSeconds() - cpuStart) / double(state.iterations());
    state.SetBytesProcessed(state.iterations() * bytes.size());
    state.counters["MB/s"] = benchmark::Counter(double(bytes.size()) / 1e6 * double(state.iterations()), benchmark::Counter::kIsRate);
    state.counters["samples/s"] = benchmark::Counter(double(JsonSamples) * double(state.iterations()), benchmark::Counter::kIsRate);
}

void BM_PromJsonImport(benchmark::State& state)
{
    const QByteArray& bytes = queryRangeJson();
    const double cpuStart = threadCpuSeconds();
    for (auto _ : state) {
        Dataset dataset;
        ImportReport report;
        SeriesAccumulator accumulator;
        promjsonimport::importBody(bytes, QStringLiteral("query_range.json"), accumulator, report);
        accumulator.flushInto(dataset.series, report);
        if (report.samples != JsonSamples)
            state.SkipWithError("wrong sample count");
        benchmark::DoNotOptimize(dataset);
    }
    const double importCpu = (threadCpuSeconds() - cpuStart) / double(state.iterations());
    // Share of simdjson on-demand's speed the importer reaches (target >= 0.5).
    if (g_simdjsonCpuPerIteration > 0)
        state.counters["speed_vs_simdjson"] = g_simdjsonCpuPerIteration / importCpu;
    state.SetBytesProcessed(state.iterations() * bytes.size());
    state.counters["MB/s"] = benchmark::Counter(double(bytes.size()) / 1e6 * double(state.iterations()), benchmark::Counter::kIsRate);
    state.counters["samples/s"] = benchmark::Counter(double(JsonSamples) * double(state.iterations()), benchmark::Counter::kIsRate);
}

/// Istio counters and histograms for 100 edges x 720 scrapes as promtool would read them.
const QByteArray& istioOpenMetrics()
{
    static const QByteArray bytes = [] {
        QByteArray text = "# TYPE istio_requests_total counter\n";
        for (int e = 0; e < 100; ++e) {
            const QByteArray labels = "reporter=\"destination\",source_workload=\"svc-" + QByteArray::number(e % 13)
                + "\",source_workload_namespace=\"shop\",destination_workload=\"svc-" + QByteArray::number(e)
                + "\",destination_workload_namespace=\"shop\",request_protocol=\"http\"";
            for (const char* code : {"200", "503"}) {
                for (int p = 0; p < 720; ++p) {
                    text += "istio_requests_total{" + labels + ",response_code=\"" + code + "\"} "
                        + QByteArray::number((code[0] == '2' ? 100 : 3) * p) + ' ' + QByteArray::number(1700000000 + 15 * p) + '\n';
                }
            }
            for (const char* le : {"10", "100", "1000", "+Inf"}) {
                for (int p = 0; p < 720; ++p) {
                    text += "istio_request_duration_milliseconds_bucket{" + labels + ",le=\"" + le + "\"} "
                        + QByteArray::number(p * (le[0] == '1' ? 20 * int(qstrlen(le)) : 100)) + ' '
                        + QByteArray::number(1700000000 + 15 * p) + '\n';
                }
            }
        }
        text += "# EOF\n";
        return text;
    }();
    return bytes;
}

void BM_OpenMetricsImport(benchmark::State& state)
{
    const QByteArray& bytes = istioOpenMetrics();
    const double lines = double(bytes.count('\n'));
    for (auto _ : state) {
        RawSeriesSet raw;
        OpenMetricsParser(raw).parse(bytes, QStringLiteral("istio.om"));
        SeriesAccumulator accumulator;
        std::vector<TopologyFrame> frames;
        QStringList warnings;
        MeshSignalBuilder(raw).build(accumulator, frames, warnings);
        Dataset dataset;
        ImportReport report;
        accumulator.flushInto(dataset.series, report);
        benchmark::DoNotOptimize(dataset);
    }
    state.counters["MB/s"] = benchmark::Counter(double(bytes.size()) / 1e6 * double(state.iterations()), benchmark::Counter::kIsRate);
    state.counters["samples/s"] = benchmark::Counter(lines * double(state.iterations()), benchmark::Counter::kIsRate);
}

} // namespace

BENCHMARK(BM_SimdjsonOndemandRaw)->Unit(benchmark::kMillisecond)->Iterations(5);
BENCHMARK(BM_PromJsonImport)->Unit(benchmark::kMillisecond)->Iterations(5);
BENCHMARK(BM_OpenMetricsImport)->Unit(benchmark::kMillisecond)->Iterations(3);

BENCHMARK_MAIN();
