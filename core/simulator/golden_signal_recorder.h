#pragma once

#include "mesh_simulator.h"
#include "sim_mesh.h"
#include "traffic_model.h"

#include "model/dataset.h"

#include <vector>

namespace meshscope {

/// Turns the model's noise-free state into measured golden signals: adds measurement
/// noise (Poisson-like on counts, binomial on error ratios, sampling noise on latency),
/// rounds to realistic precision, appends to the dataset, keeps the per-call traces
/// and adds a topology frame whenever the node/edge set changes.
class GoldenSignalRecorder
{
public:
    GoldenSignalRecorder(const SimMesh& mesh, Dataset& dataset, std::vector<CallTrace>* traces, quint64 seed,
        qint64 stepMs, std::size_t steps);

    void record(std::size_t stepIndex, qint64 tMs, const MeshStep& state);
    /// Stores what is still buffered; call after the last record().
    void finish();

private:
    struct CallMeasure
    {
        double rate = 0;
        double errorRatio = 0;
        double p95 = -1;
        double sentBytes = 0;
        double receivedBytes = 0;
    };

    CallMeasure measureCall(std::size_t stepIndex, qint64 tMs, int call, const MeshStep& state);
    void recordService(std::size_t stepIndex, qint64 tMs, int service, const MeshStep& state);
    void recordLatency(
        std::vector<SeriesId>& ids, const QString& entity, qint64 tMs, double median, double sigma);
    void append(SeriesId& id, const QString& entity, const QString& signal, qint64 tMs, double value);
    void updateTopology(qint64 tMs, const MeshStep& state);
    void flush();

    const SimMesh& m_mesh;
    Dataset& m_dataset;
    std::vector<CallTrace>* m_traces;
    quint64 m_seed;
    double m_stepS;
    std::size_t m_steps;
    std::vector<double> m_block; ///< step-major buffer of the last steps, NaN = no sample
    std::vector<qint64> m_blockTimes;
    std::size_t m_blockWidth = 0;
    std::size_t m_blockRow = 0;
    std::vector<QString> m_callEntities;
    std::vector<std::vector<SeriesId>> m_callIds; ///< per call, per signal slot
    std::vector<std::vector<SeriesId>> m_serviceIds; ///< per service, per signal slot
    std::vector<CallMeasure> m_callMeasures;
    std::vector<bool> m_activeShape;
};

} // namespace meshscope
