#include "golden_signal_recorder.h"

#include "sim_random.h"

#include "model/signal_names.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace meshscope {

namespace {

// Signal slots of the per-entity id tables.
enum Slot { Rate, Error, P50, P90, P95, P99, Avg, TcpSent, TcpReceived, Cpu, Memory, SlotCount };

// Noise channels, so every draw has its own key.
enum Channel : quint64 {
    ChRate = 1,
    ChRateExtra,
    ChError,
    ChMedian,
    ChSigma,
    ChSent,
    ChReceived,
    ChCpu,
    ChMemory
};

constexpr std::size_t BlockSteps = 32;
constexpr double Z90 = 1.2815515655446004;
constexpr double Z95 = 1.6448536269514722;
constexpr double Z99 = 2.3263478740408408;

// Divides by an exact power of ten so the result is the double nearest the decimal
// (prints as "0.0807", not "0.08070000000000001").
double roundTo(double value, double precision)
{
    if (precision >= 1.0)
        return std::round(value / precision) * precision;
    const double scale = std::round(1.0 / precision);
    return std::round(value * scale) / scale;
}

const QString& latencySignal(int slot)
{
    static const QString names[] = {SignalName::LatencyP50, SignalName::LatencyP90, SignalName::LatencyP95,
        SignalName::LatencyP99, SignalName::LatencyAvg};
    return names[slot - P50];
}

} // namespace

GoldenSignalRecorder::GoldenSignalRecorder(const SimMesh& mesh, Dataset& dataset,
    std::vector<CallTrace>* traces, quint64 seed, qint64 stepMs, std::size_t steps)
    : m_mesh(mesh)
    , m_dataset(dataset)
    , m_traces(traces)
    , m_seed(seed)
    , m_stepS(static_cast<double>(stepMs) / 1000.0)
    , m_steps(steps)
{
    for (std::size_t c = 0; c < mesh.calls.size(); ++c)
        m_callEntities.push_back(mesh.callEntity(static_cast<int>(c)));
    m_callIds.assign(mesh.calls.size(), std::vector<SeriesId>(SlotCount, InvalidSeries));
    m_serviceIds.assign(mesh.services.size(), std::vector<SeriesId>(SlotCount, InvalidSeries));
    m_callMeasures.resize(mesh.calls.size());
    m_blockWidth = (mesh.calls.size() + mesh.services.size()) * SlotCount;
    m_block.assign(BlockSteps * m_blockWidth, std::numeric_limits<double>::quiet_NaN());
    if (m_traces) {
        const float nan = std::numeric_limits<float>::quiet_NaN();
        m_traces->assign(mesh.calls.size(), CallTrace {});
        for (CallTrace& t : *m_traces) {
            for (auto* v : {&t.rate, &t.failFast, &t.overload, &t.appError, &t.medianMs, &t.sigma,
                     &t.sentBytes, &t.receivedBytes})
                v->assign(steps, 0.0f);
            std::fill(t.rate.begin(), t.rate.end(), nan);
        }
    }
}

void GoldenSignalRecorder::append(
    SeriesId& id, const QString& entity, const QString& signal, qint64 tMs, double value)
{
    if (id == InvalidSeries) {
        id = m_dataset.series.ensureSeries({entity, signal});
        // Growing by doubling would copy and page-fault through most of the memory.
        m_dataset.series.reserve(id, m_steps);
    }
    if (static_cast<std::size_t>(id) >= m_blockWidth) {
        m_dataset.series.append(id, tMs, value);
        return;
    }
    m_block[m_blockRow * m_blockWidth + static_cast<std::size_t>(id)] = value;
}

void GoldenSignalRecorder::flush()
{
    // Appending step by step to thousands of series misses the cache on every sample;
    // a block of steps is transposed into each series in one go instead.
    const std::size_t rows = m_blockTimes.size();
    const std::size_t width
        = std::min(m_blockWidth, static_cast<std::size_t>(m_dataset.series.seriesCount()));
    std::vector<qint64> times;
    std::vector<double> values;
    for (std::size_t id = 0; id < width; ++id) {
        times.clear();
        values.clear();
        for (std::size_t row = 0; row < rows; ++row) {
            double& v = m_block[row * m_blockWidth + id];
            if (!std::isnan(v)) {
                times.push_back(m_blockTimes[row]);
                values.push_back(v);
                v = std::numeric_limits<double>::quiet_NaN();
            }
        }
        if (!times.empty())
            m_dataset.series.appendSorted(
                static_cast<SeriesId>(id), times.data(), values.data(), times.size());
    }
    m_blockTimes.clear();
}

void GoldenSignalRecorder::finish()
{
    flush();
}

void GoldenSignalRecorder::recordLatency(
    std::vector<SeriesId>& ids, const QString& entity, qint64 tMs, double median, double sigma)
{
    const double values[] = {median, median * std::exp(Z90 * sigma), median * std::exp(Z95 * sigma),
        median * std::exp(Z99 * sigma), median * std::exp(0.5 * sigma * sigma)};
    for (int slot = P50; slot <= Avg; ++slot)
        append(ids[static_cast<std::size_t>(slot)], entity, latencySignal(slot), tMs,
            roundTo(values[slot - P50], 0.01));
}

GoldenSignalRecorder::CallMeasure GoldenSignalRecorder::measureCall(
    std::size_t stepIndex, qint64 tMs, int call, const MeshStep& state)
{
    const auto c = static_cast<std::size_t>(call);
    const SimCall& sc = m_mesh.calls[c];
    const CallStep& cs = state.calls[c];
    const ServiceStep& callee = state.services[static_cast<std::size_t>(sc.to)];
    const quint64 key = 0x100000ULL + c;
    const auto step = static_cast<quint64>(stepIndex);
    auto g = [&](Channel ch) { return SimRandom::gaussian(m_seed, step, key, ch); };
    CallMeasure m;
    const double n = std::max(1.0, cs.attempts * m_stepS);
    std::vector<SeriesId>& ids = m_callIds[c];
    const QString& entity = m_callEntities[c];
    if (sc.protocol == CallProtocol::Tcp) {
        const double up = 1.0 - callee.failFast;
        m.sentBytes = std::max(0.0,
            cs.attempts * up * sc.requestBytes * (1.0 + 0.02 * g(ChSent) + g(ChRateExtra) / std::sqrt(n)));
        m.receivedBytes = std::max(0.0,
            cs.attempts * up * sc.responseBytes
                * (1.0 + 0.03 * g(ChReceived) + g(ChRateExtra) / std::sqrt(n)));
        append(ids[TcpSent], entity, SignalName::TcpSent, tMs, roundTo(m.sentBytes, 0.001));
        append(ids[TcpReceived], entity, SignalName::TcpReceived, tMs, roundTo(m.receivedBytes, 0.001));
        if (m_traces) {
            CallTrace& t = (*m_traces)[c];
            t.rate[stepIndex] = static_cast<float>(cs.attempts);
            t.sentBytes[stepIndex] = static_cast<float>(m.sentBytes);
            t.receivedBytes[stepIndex] = static_cast<float>(m.receivedBytes);
        }
        return m;
    }
    m.rate = std::max(0.0, cs.attempts * (1.0 + 0.01 * g(ChRate) + g(ChRateExtra) / std::sqrt(n)));
    const double fast = callee.failFast;
    const double overload = (1.0 - fast) * callee.overload;
    const double app = (1.0 - fast) * (1.0 - callee.overload) * callee.appError;
    const double errorTrue = fast + overload + app;
    const double measured = std::max(1.0, m.rate * m_stepS);
    m.errorRatio
        = std::clamp(errorTrue + g(ChError) * std::sqrt(errorTrue * (1.0 - errorTrue) / measured), 0.0, 1.0);
    const double scale = errorTrue > 0 ? m.errorRatio / errorTrue : 0.0;
    const double reached = m.rate * m_stepS * (1.0 - fast * scale);
    const double sigma = callee.sigma * (1.0 + 0.03 * g(ChSigma));
    const double median = callee.meanMs / std::exp(0.5 * callee.sigma * callee.sigma)
        * std::exp(g(ChMedian) * (0.015 + 0.5 * callee.sigma / std::sqrt(std::max(1.0, reached))));
    append(ids[Rate], entity, SignalName::RequestRate, tMs, roundTo(m.rate, 0.001));
    if (m.rate * m_stepS >= 0.5)
        append(ids[Error], entity, SignalName::ErrorRatio, tMs, roundTo(m.errorRatio, 1e-4));
    if (reached >= 0.5) {
        recordLatency(ids, entity, tMs, median, sigma);
        m.p95 = roundTo(median * std::exp(Z95 * sigma), 0.01);
    }
    if (m_traces) {
        CallTrace& t = (*m_traces)[c];
        t.rate[stepIndex] = static_cast<float>(m.rate);
        t.failFast[stepIndex] = static_cast<float>(fast * scale);
        t.overload[stepIndex] = static_cast<float>(overload * scale);
        t.appError[stepIndex] = static_cast<float>(app * scale);
        t.medianMs[stepIndex] = static_cast<float>(median);
        t.sigma[stepIndex] = static_cast<float>(sigma);
    }
    return m;
}

void GoldenSignalRecorder::recordService(
    std::size_t stepIndex, qint64 tMs, int service, const MeshStep& state)
{
    const auto i = static_cast<std::size_t>(service);
    const SimService& svc = m_mesh.services[i];
    const ServiceStep& s = state.services[i];
    std::vector<SeriesId>& ids = m_serviceIds[i];
    const quint64 key = 0x900000ULL + i;
    const auto step = static_cast<quint64>(stepIndex);
    auto g = [&](Channel ch) { return SimRandom::gaussian(m_seed, step, key, ch); };
    double rate = 0;
    double errors = 0;
    double sent = 0;
    double received = 0;
    bool tcpInbound = false;
    for (int c : m_mesh.inCalls[i]) {
        if (!state.calls[static_cast<std::size_t>(c)].active)
            continue;
        const CallMeasure& m = m_callMeasures[static_cast<std::size_t>(c)];
        rate += m.rate;
        errors += m.rate * m.errorRatio;
        sent += m.sentBytes;
        received += m.receivedBytes;
        tcpInbound = tcpInbound || m_mesh.calls[static_cast<std::size_t>(c)].protocol == CallProtocol::Tcp;
    }
    if (svc.isRoot) {
        const double n = std::max(1.0, state.rootRate * m_stepS);
        rate = std::max(0.0, state.rootRate * (1.0 + g(ChRate) / std::sqrt(n)));
        const double e = s.appError;
        errors = rate * std::clamp(e + g(ChError) * std::sqrt(e * (1.0 - e) / n), 0.0, 1.0);
    }
    if (svc.tcpOnly || tcpInbound) {
        append(ids[TcpSent], svc.name, SignalName::TcpSent, tMs, roundTo(sent, 0.001));
        append(ids[TcpReceived], svc.name, SignalName::TcpReceived, tMs, roundTo(received, 0.001));
    }
    if (!svc.tcpOnly) {
        append(ids[Rate], svc.name, SignalName::RequestRate, tMs, roundTo(rate, 0.001));
        if (rate * m_stepS >= 0.5)
            append(ids[Error], svc.name, SignalName::ErrorRatio, tMs, roundTo(errors / rate, 1e-4));
        const double reached = s.reachedRate * m_stepS;
        if (reached >= 0.5) {
            const double sigma = s.sigma * (1.0 + 0.03 * g(ChSigma));
            const double median = s.meanMs / std::exp(0.5 * s.sigma * s.sigma)
                * std::exp(g(ChMedian) * (0.01 + 0.5 * s.sigma / std::sqrt(reached)));
            recordLatency(ids, svc.name, tMs, median, sigma);
        }
    }
    append(ids[Cpu], svc.name, SignalName::Cpu, tMs,
        roundTo(std::max(0.0, s.cpu * (1.0 + 0.02 * g(ChCpu))), 1e-4));
    append(ids[Memory], svc.name, SignalName::Memory, tMs,
        roundTo(s.memory * (1.0 + 0.004 * g(ChMemory)), 1024.0));
}

void GoldenSignalRecorder::updateTopology(qint64 tMs, const MeshStep& state)
{
    std::vector<bool> shape;
    for (const ServiceStep& s : state.services)
        shape.push_back(s.active);
    if (shape == m_activeShape)
        return;
    m_activeShape = shape;
    TopologyFrame frame;
    frame.tMs = tMs;
    for (std::size_t i = 0; i < m_mesh.services.size(); ++i) {
        if (!state.services[i].active)
            continue;
        frame.nodes.push_back(m_mesh.topologyNode(i));
    }
    for (std::size_t c = 0; c < m_mesh.calls.size(); ++c) {
        if (!state.calls[c].active)
            continue;
        const SimCall& sc = m_mesh.calls[c];
        const CallMeasure& m = m_callMeasures[c];
        TopologyEdge edge = m_mesh.topologyEdge(c);
        edge.requestRate = roundTo(sc.protocol == CallProtocol::Tcp ? m.sentBytes : m.rate, 0.001);
        edge.errorRatio = roundTo(m.errorRatio, 1e-4);
        edge.latencyP95Ms = m.p95;
        frame.edges.push_back(edge);
    }
    m_dataset.topology.add(std::move(frame));
}

void GoldenSignalRecorder::record(std::size_t stepIndex, qint64 tMs, const MeshStep& state)
{
    m_blockRow = m_blockTimes.size();
    m_blockTimes.push_back(tMs);
    for (std::size_t c = 0; c < m_mesh.calls.size(); ++c) {
        if (state.calls[c].active)
            m_callMeasures[c] = measureCall(stepIndex, tMs, static_cast<int>(c), state);
        else
            m_callMeasures[c] = CallMeasure {};
    }
    for (std::size_t i = 0; i < m_mesh.services.size(); ++i) {
        if (state.services[i].active)
            recordService(stepIndex, tMs, static_cast<int>(i), state);
    }
    updateTopology(tMs, state);
    if (m_blockTimes.size() == BlockSteps)
        flush();
}

} // namespace meshscope
