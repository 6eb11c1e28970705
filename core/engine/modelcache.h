// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "modelstore.h"
#include "snapshot.h"

#include <QHash>
#include <QString>

#include <functional>
#include <memory>
#include <mutex>

namespace Vitrine {

/** Anything trained from a snapshot that strategies share: a co-occurrence table, EASE's matrix... */
class Model
{
public:
    virtual ~Model() = default;
    /** The model as bytes for the catalog's model cache; empty when it is cheap to retrain. */
    virtual QByteArray serialize() const { return {}; }
};

/**
 * The trained models of one snapshot, shared by every strategy and slot built on it, so two
 * slots using EASE train it once. Keys name the model and its parameters ("ease:lambda=500").
 * Thread-safe: the GUI may build strategies off its thread while others read.
 */
class ModelCache
{
public:
    explicit ModelCache(SnapshotPtr snapshot)
        : m_snapshot(std::move(snapshot))
    {
    }

    const SnapshotPtr &snapshot() const { return m_snapshot; }

    /**
     * Where trained models persist between runs. With a store, get() first looks there for a
     * model trained on the same events (types with a static fromBytes()), and a writable store
     * keeps what get() trains.
     */
    void setStore(ModelStore *store) { m_store = store; }
    ModelStore *store() const { return m_store; }

    /**
     * The model under `key`, trained by `train` the first time it is asked for. `train` may
     * return nullptr (cancelled or failed); then nothing is cached.
     */
    template<typename M>
    std::shared_ptr<const M> get(const QString &key, const std::function<std::shared_ptr<M>()> &train)
    {
        {
            std::lock_guard lock(m_mutex);
            const auto it = m_models.constFind(key);
            if (it != m_models.constEnd())
                return std::dynamic_pointer_cast<const M>(it.value());
        }
        std::shared_ptr<M> model;
        if constexpr (requires(const QByteArray &bytes) { M::fromBytes(bytes); }) {
            if (m_store) {
                if (const std::optional<QByteArray> bytes = m_store->load(key, m_snapshot->watermark()))
                    model = M::fromBytes(*bytes);
            }
        }
        if (!model) {
            model = train();
            if (!model)
                return nullptr;
            if (m_store && m_store->isWritable()) {
                const QByteArray bytes = model->serialize();
                if (!bytes.isEmpty())
                    m_store->save(key, m_snapshot->watermark(), bytes);
            }
        }
        std::lock_guard lock(m_mutex);
        m_models.insert(key, model);
        return model;
    }

    void insert(const QString &key, std::shared_ptr<const Model> model)
    {
        std::lock_guard lock(m_mutex);
        m_models.insert(key, std::move(model));
    }

    bool contains(const QString &key) const
    {
        std::lock_guard lock(m_mutex);
        return m_models.contains(key);
    }

    QStringList keys() const
    {
        std::lock_guard lock(m_mutex);
        return m_models.keys();
    }

private:
    SnapshotPtr m_snapshot;
    ModelStore *m_store = nullptr;
    mutable std::mutex m_mutex;
    QHash<QString, std::shared_ptr<const Model>> m_models;
};

} // namespace Vitrine
