// SPDX-License-Identifier: GPL-3.0-or-later
#include "contentsimilaritymodel.h"

#include "engine/strategy.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <map>

namespace Vitrine {

namespace {

/** Lower-case words of a title; very short words and bare numbers ("No. 12") say nothing. */
QStringList titleWords(const QString &title)
{
    QStringList words;
    QString word;
    const QString lower = title.toLower();
    auto flush = [&] {
        bool digits = true;
        for (QChar c : std::as_const(word))
            digits = digits && c.isDigit();
        if (word.size() >= 3 && !digits)
            words.append(word);
        word.clear();
    };
    for (QChar c : lower) {
        if (c.isLetterOrNumber())
            word.append(c);
        else
            flush();
    }
    flush();
    return words;
}

} // namespace

QString ContentSimilarityModel::Settings::key() const
{
    return QStringLiteral("content:category=%1:brand=%2:attributes=%3:title=%4:neighbours=%5")
        .arg(category)
        .arg(brand)
        .arg(attributes)
        .arg(title)
        .arg(neighbours);
}

std::shared_ptr<const ContentSimilarityModel> ContentSimilarityModel::fetch(
    const StrategyContext &context, const Settings &settings)
{
    return context.models->get<ContentSimilarityModel>(
        settings.key(), [&] { return train(*context.snapshot, settings, context.progress); });
}

std::span<const ScoredItem> ContentSimilarityModel::neighbours(int item) const
{
    if (item < 0 || size_t(item) + 1 >= m_offsets.size())
        return {};
    return {m_neighbours.data() + m_offsets[size_t(item)], m_neighbours.data() + m_offsets[size_t(item) + 1]};
}

void ContentSimilarityModel::extractFeatures(const Snapshot &snapshot)
{
    const int items = snapshot.itemCount();
    QHash<QString, int> tokenIds;
    m_attributeTokens.resize(size_t(items));
    auto addToken = [&](int item, const QString &token, const QString &label) {
        auto it = tokenIds.constFind(token);
        if (it == tokenIds.constEnd()) {
            it = tokenIds.insert(token, int(m_tokenLabels.size()));
            m_tokenLabels.push_back(label);
        }
        m_attributeTokens[size_t(item)].push_back(it.value());
    };
    for (int item = 0; item < items; ++item) {
        const QJsonObject &attributes = snapshot.attributes(item);
        for (auto it = attributes.begin(); it != attributes.end(); ++it) {
            const QString prefix = it.key() + QLatin1Char('=');
            if (it.value().isString() && !it.value().toString().isEmpty()) {
                addToken(item, prefix + it.value().toString().toLower(), it.value().toString());
            } else if (it.value().isBool() && it.value().toBool()) {
                addToken(item, prefix + QStringLiteral("true"), it.key());
            } else if (it.value().isArray()) {
                const QJsonArray values = it.value().toArray();
                for (const QJsonValue &value : values) {
                    if (value.isString() && !value.toString().isEmpty())
                        addToken(item, prefix + value.toString().toLower(), value.toString());
                }
            }
        }
        auto &tokens = m_attributeTokens[size_t(item)];
        std::sort(tokens.begin(), tokens.end());
        tokens.erase(std::unique(tokens.begin(), tokens.end()), tokens.end());
    }

    // TF-IDF over title words: words in nearly every title weigh little.
    QHash<QString, int> termIds;
    std::vector<std::map<int, int>> counts(static_cast<size_t>(items));
    std::vector<int> documentFrequency;
    for (int item = 0; item < items; ++item) {
        const QStringList words = titleWords(snapshot.title(item));
        for (const QString &word : words) {
            auto it = termIds.constFind(word);
            if (it == termIds.constEnd()) {
                it = termIds.insert(word, int(documentFrequency.size()));
                documentFrequency.push_back(0);
            }
            if (counts[size_t(item)][it.value()]++ == 0)
                ++documentFrequency[size_t(it.value())];
        }
    }
    m_termCount = int(documentFrequency.size());
    m_titleTerms.resize(size_t(items));
    for (int item = 0; item < items; ++item) {
        auto &vector = m_titleTerms[size_t(item)];
        double norm = 0;
        for (const auto &[term, count] : counts[size_t(item)]) {
            const double idf = std::log(double(items) / documentFrequency[size_t(term)]);
            const double weight = count * idf;
            if (weight > 0) {
                vector.push_back({term, float(weight)});
                norm += weight * weight;
            }
        }
        norm = std::sqrt(norm);
        for (TermWeight &entry : vector)
            entry.weight = float(entry.weight / norm);
    }
}

std::shared_ptr<ContentSimilarityModel> ContentSimilarityModel::train(
    const Snapshot &snapshot, const Settings &settings, const Progress &progress)
{
    const QString stage = QCoreApplication::translate("Vitrine::ContentSimilarityModel", "Comparing items");
    auto model = std::make_shared<ContentSimilarityModel>();
    model->m_settings = settings;
    model->extractFeatures(snapshot);
    const int items = snapshot.itemCount();

    // Inverted indexes: the items under each category (at every level), of each brand, with each
    // attribute value, with each title term.
    std::vector<std::vector<int>> categoryItems(size_t(snapshot.categoryCount()));
    std::vector<std::vector<int>> brandItems(size_t(snapshot.brandCount()));
    std::vector<std::vector<int>> tokenItems(model->m_tokenLabels.size());
    std::vector<std::vector<std::pair<int, float>>> termItems(size_t(model->m_termCount));
    std::vector<int> depth(size_t(items), 0);
    for (int item = 0; item < items; ++item) {
        for (int category : snapshot.categoryChain(item))
            categoryItems[size_t(category)].push_back(item);
        if (snapshot.category(item) >= 0)
            depth[size_t(item)] = snapshot.categoryInfo(snapshot.category(item)).depth;
        if (snapshot.brand(item) >= 0)
            brandItems[size_t(snapshot.brand(item))].push_back(item);
        for (int token : model->m_attributeTokens[size_t(item)])
            tokenItems[size_t(token)].push_back(item);
        for (const TermWeight &entry : model->m_titleTerms[size_t(item)])
            termItems[size_t(entry.term)].emplace_back(item, entry.weight);
    }

    std::vector<int> sharedDepth(size_t(items), 0);
    std::vector<char> sameBrand(size_t(items), 0);
    std::vector<int> sharedTokens(size_t(items), 0);
    std::vector<float> titleDot(size_t(items), 0.0f);
    std::vector<char> seen(size_t(items), 0);
    std::vector<int> touched;
    std::vector<ScoredItem> scored;
    auto touch = [&](int other) {
        if (!seen[size_t(other)]) {
            seen[size_t(other)] = 1;
            touched.push_back(other);
        }
    };

    model->m_offsets.assign(size_t(items) + 1, 0);
    for (int item = 0; item < items; ++item) {
        if ((item & 0xFF) == 0) {
            progress.report(stage, item, items);
            if (progress.isCancelled())
                return nullptr;
        }
        touched.clear();
        if (settings.category > 0) {
            std::vector<int> chain = snapshot.categoryChain(item);
            for (auto it = chain.rbegin(); it != chain.rend(); ++it) { // root first: deeper levels overwrite
                const int level = snapshot.categoryInfo(*it).depth;
                for (int other : categoryItems[size_t(*it)]) {
                    touch(other);
                    sharedDepth[size_t(other)] = level;
                }
            }
        }
        if (settings.brand > 0 && snapshot.brand(item) >= 0) {
            for (int other : brandItems[size_t(snapshot.brand(item))]) {
                touch(other);
                sameBrand[size_t(other)] = 1;
            }
        }
        if (settings.attributes > 0) {
            for (int token : model->m_attributeTokens[size_t(item)]) {
                for (int other : tokenItems[size_t(token)]) {
                    touch(other);
                    ++sharedTokens[size_t(other)];
                }
            }
        }
        if (settings.title > 0) {
            for (const TermWeight &entry : model->m_titleTerms[size_t(item)]) {
                for (const auto &[other, weight] : termItems[size_t(entry.term)]) {
                    touch(other);
                    titleDot[size_t(other)] += entry.weight * weight;
                }
            }
        }

        scored.clear();
        const size_t ownTokens = model->m_attributeTokens[size_t(item)].size();
        for (int other : touched) {
            const size_t o = size_t(other);
            if (other != item) {
                double score = 0;
                if (sharedDepth[o] > 0)
                    score += settings.category * sharedDepth[o] / std::max(depth[size_t(item)], depth[o]);
                score += settings.brand * sameBrand[o];
                if (sharedTokens[o] > 0) {
                    const size_t unionSize
                        = ownTokens + model->m_attributeTokens[o].size() - size_t(sharedTokens[o]);
                    score += settings.attributes * double(sharedTokens[o]) / double(unionSize);
                }
                score += settings.title * std::min(1.0f, titleDot[o]);
                if (score > 0)
                    scored.push_back({other, float(score)});
            }
            sharedDepth[o] = 0;
            sameBrand[o] = 0;
            sharedTokens[o] = 0;
            titleDot[o] = 0;
            seen[o] = 0;
        }
        const std::vector<ScoredItem> best = topN(std::move(scored), settings.neighbours);
        model->m_neighbours.insert(model->m_neighbours.end(), best.begin(), best.end());
        model->m_offsets[size_t(item) + 1] = qint64(model->m_neighbours.size());
        scored = {};
    }
    model->m_neighbours.shrink_to_fit();
    progress.report(stage, items, items);
    return model;
}

ContentSimilarityModel::Comparison ContentSimilarityModel::compare(
    const Snapshot &snapshot, int a, int b) const
{
    Comparison result;
    const std::vector<int> chainA = snapshot.categoryChain(a);
    const std::vector<int> chainB = snapshot.categoryChain(b);
    for (int category : chainA) { // leaf first: the first shared one is the deepest
        if (std::find(chainB.begin(), chainB.end(), category) != chainB.end()) {
            result.sharedCategory = category;
            break;
        }
    }
    result.sameCategory = !chainA.empty() && snapshot.category(a) == snapshot.category(b);
    result.sameBrand = snapshot.brand(a) >= 0 && snapshot.brand(a) == snapshot.brand(b);

    const auto &tokensA = m_attributeTokens[size_t(a)];
    const auto &tokensB = m_attributeTokens[size_t(b)];
    std::vector<int> shared;
    std::set_intersection(
        tokensA.begin(), tokensA.end(), tokensB.begin(), tokensB.end(), std::back_inserter(shared));
    for (int token : shared)
        result.sharedValues.append(m_tokenLabels[size_t(token)]);

    const auto &termsA = m_titleTerms[size_t(a)];
    const auto &termsB = m_titleTerms[size_t(b)];
    double dot = 0;
    for (size_t i = 0, j = 0; i < termsA.size() && j < termsB.size();) {
        if (termsA[i].term < termsB[j].term) {
            ++i;
        } else if (termsB[j].term < termsA[i].term) {
            ++j;
        } else {
            dot += double(termsA[i].weight) * termsB[j].weight;
            ++i;
            ++j;
        }
    }
    result.titleSimilarity = float(std::min(1.0, dot));

    double score = 0;
    if (result.sharedCategory >= 0) {
        const int depthA = snapshot.categoryInfo(snapshot.category(a)).depth;
        const int depthB = snapshot.categoryInfo(snapshot.category(b)).depth;
        score += m_settings.category * snapshot.categoryInfo(result.sharedCategory).depth
            / std::max(depthA, depthB);
    }
    score += m_settings.brand * (result.sameBrand ? 1 : 0);
    const size_t unionSize = tokensA.size() + tokensB.size() - shared.size();
    if (unionSize > 0)
        score += m_settings.attributes * double(shared.size()) / double(unionSize);
    score += m_settings.title * result.titleSimilarity;
    result.score = float(score);
    return result;
}

} // namespace Vitrine
