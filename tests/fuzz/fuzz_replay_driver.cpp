// Standalone driver for the fuzz targets in the normal build: replays the seed corpus
// and a few thousand deterministic mutations of it, so every test run exercises the
// parsers on hostile input without libFuzzer.
//
// Usage: <target> CORPUS_DIR [EXTRA_FILE...] [--mutations N]

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cstdint>
#include <cstdio>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

/// xorshift64*: deterministic, so a failure reproduces on every run.
class Random
{
public:
    explicit Random(std::uint64_t seed)
        : m_state(seed ? seed : 1)
    {
    }
    std::uint64_t next()
    {
        m_state ^= m_state >> 12;
        m_state ^= m_state << 25;
        m_state ^= m_state >> 27;
        return m_state * 2685821657736338717ULL;
    }
    qsizetype below(qsizetype n) { return n <= 0 ? 0 : static_cast<qsizetype>(next() % static_cast<std::uint64_t>(n)); }

private:
    std::uint64_t m_state;
};

const char* const Tokens[] = {"\"", "{", "}", "[", "]", ",", "\n", "\r\n", "#", " ", "NaN", "+Inf", "-Inf", "1e308", "-1",
    "\\", "\xff", "\xc3", "->", "le=\"+Inf\"", "null", "0", "\"\"", "# EOF\n", "99999999999999999999"};

QByteArray mutate(const QByteArray& input, const std::vector<QByteArray>& corpus, Random& random)
{
    QByteArray out = input;
    const int edits = 1 + static_cast<int>(random.below(4));
    for (int e = 0; e < edits; ++e) {
        const qsizetype at = random.below(out.size() + 1);
        switch (random.below(7)) {
        case 0: // flip a byte
            if (!out.isEmpty())
                out[random.below(out.size())] = static_cast<char>(random.next());
            break;
        case 1: // insert a syntax token
            out.insert(at, Tokens[random.below(sizeof Tokens / sizeof *Tokens)]);
            break;
        case 2: // delete a run
            out.remove(at, 1 + random.below(16));
            break;
        case 3: // truncate
            out.truncate(at);
            break;
        case 4: { // duplicate a chunk
            const QByteArray chunk = out.mid(random.below(out.size() + 1), 1 + random.below(64));
            out.insert(at, chunk);
            break;
        }
        case 5: { // splice another seed
            const QByteArray& other = corpus[static_cast<std::size_t>(random.below(static_cast<qsizetype>(corpus.size())))];
            out = out.left(at) + other.mid(random.below(other.size() + 1));
            break;
        }
        default: // replace a digit by another
            for (qsizetype i = at; i < out.size(); ++i) {
                if (out[i] >= '0' && out[i] <= '9') {
                    out[i] = static_cast<char>('0' + random.below(10));
                    break;
                }
            }
        }
    }
    return out;
}

void runOne(const QByteArray& input)
{
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(input.constData()), static_cast<size_t>(input.size()));
}

} // namespace

int main(int argc, char** argv)
{
    std::vector<QByteArray> corpus;
    int mutations = 3000;
    for (int i = 1; i < argc; ++i) {
        const QString arg = QString::fromLocal8Bit(argv[i]);
        if (arg == QLatin1String("--mutations") && i + 1 < argc) {
            mutations = QString::fromLocal8Bit(argv[++i]).toInt();
            continue;
        }
        QStringList files;
        if (QFileInfo(arg).isDir()) {
            for (const QString& name : QDir(arg).entryList(QDir::Files, QDir::Name))
                files.append(QDir(arg).filePath(name));
        } else if (QFileInfo::exists(arg)) {
            files.append(arg); // extra seeds (shared fixtures) are optional
        }
        for (const QString& path : files) {
            QFile file(path);
            if (file.open(QIODevice::ReadOnly))
                corpus.push_back(file.readAll().left(256 * 1024)); // keep mutation runs quick
        }
    }
    if (corpus.empty()) {
        std::fprintf(stderr, "no seed corpus found\n");
        return 1;
    }
    for (const QByteArray& seed : corpus)
        runOne(seed);
    Random random(0x6d657368736370ULL);
    for (int i = 0; i < mutations; ++i)
        runOne(mutate(corpus[static_cast<std::size_t>(i) % corpus.size()], corpus, random));
    std::printf("replayed %zu seeds and %d mutations\n", corpus.size(), mutations);
    return 0;
}
