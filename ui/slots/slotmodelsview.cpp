// SPDX-License-Identifier: GPL-3.0-or-later
#include "slotmodelsview.h"

#include "engine/modelstore.h"
#include "engine/recommender.h"
#include "engine/slotdefinition.h"
#include "engine/slotpipeline.h"
#include "engine/snapshot.h"
#include "session/catalogsession.h"
#include "session/jobrunner.h"
#include "storage/database.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Vitrine {

namespace {

struct Models
{
    QString error;
    QList<ModelStore::Entry> entries;
};

struct Training
{
    bool ok = false;
    QString error;
    QStringList warnings;
    qint64 milliseconds = 0;
};

} // namespace

SlotModelsView::SlotModelsView(CatalogSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_summary(new QLabel)
    , m_table(new QTableWidget(0, 4))
    , m_train(new QPushButton(tr("Train this slot's models")))
{
    auto *layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_train);
    bar->addWidget(m_summary, 1);
    layout->addLayout(bar);
    m_summary->setWordWrap(true);
    m_table->setHorizontalHeaderLabels({tr("Model"), tr("Events"), tr("Size"), tr("Trained")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_table, 1);
    m_train->setEnabled(!session->isReadOnly());
    if (session->isReadOnly())
        m_train->setToolTip(tr("The catalog is read-only: trained models cannot be kept in it"));
    connect(m_train, &QPushButton::clicked, this, &SlotModelsView::train);
    connect(session, &CatalogSession::engineChanged, this, &SlotModelsView::refresh);
    refresh();
}

void SlotModelsView::setDraft(const QString &key, const QJsonObject &definition)
{
    m_key = key;
    m_definition = definition;
}

QStringList SlotModelsView::shownModels() const
{
    QStringList rows;
    for (int row = 0; row < m_table->rowCount(); ++row)
        rows.append(m_table->item(row, 0)->text() + QLatin1Char(' ') + m_table->item(row, 1)->data(Qt::UserRole).toString());
    return rows;
}

QString SlotModelsView::lastMessage() const
{
    return m_summary->text();
}

void SlotModelsView::refresh()
{
    const EngineSessionPtr engine = m_session->engine();
    m_reading = true;
    m_session->jobs()->run(
        tr("Reading the trained models"), this,
        [session = m_session](const Progress &) {
            Models models;
            std::unique_ptr<Database> reader = session->openReader(&models.error);
            if (reader)
                models.entries = ModelStore(*reader, false).entries();
            return models;
        },
        [this, engine](Models models) {
            m_reading = false;
            const QString watermark = engine ? engine->snapshot()->watermark() : QString();
            const QLocale locale;
            m_table->setRowCount(0);
            for (const ModelStore::Entry &entry : std::as_const(models.entries)) {
                const int row = m_table->rowCount();
                m_table->insertRow(row);
                const bool fresh = entry.watermark == watermark;
                m_table->setItem(row, 0, new QTableWidgetItem(entry.name));
                auto *state = new QTableWidgetItem(fresh ? tr("current events ✓") : tr("stale: events changed since"));
                state->setData(Qt::UserRole, fresh ? QStringLiteral("fresh") : QStringLiteral("stale"));
                state->setForeground(fresh ? QColor(0x1b, 0x7f, 0x3b) : QColor(0xb3, 0x26, 0x1e));
                state->setToolTip(entry.watermark);
                m_table->setItem(row, 1, state);
                m_table->setItem(row, 2, new QTableWidgetItem(locale.formattedDataSize(entry.bytes)));
                m_table->setItem(row, 3, new QTableWidgetItem(
                    QDateTime::fromSecsSinceEpoch(entry.trainedAt, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"))));
            }
            if (!models.error.isEmpty())
                m_summary->setText(models.error);
            else if (models.entries.isEmpty() && m_summary->text().isEmpty())
                m_summary->setText(tr("No trained model is kept in this catalog yet: the strategies train when first asked."));
        });
}

void SlotModelsView::train()
{
    const EngineSessionPtr engine = m_session->engine();
    QString error;
    const auto slot = SlotDefinition::fromJson(m_key, m_definition, &error);
    if (!engine || !slot) {
        m_summary->setText(engine ? tr("Fix the definition first: %1").arg(error) : tr("The catalog is still being read."));
        Q_EMIT trained(false);
        return;
    }
    m_train->setEnabled(false);
    m_summary->setText(tr("Training…"));
    m_job = m_session->jobs()->run(
        tr("Training the models of slot %1").arg(m_key), this,
        [path = m_session->path(), snapshot = engine->snapshot(), slot = *slot](const Progress &progress) {
            Training result;
            QElapsedTimer timer;
            timer.start();
            Database db;
            if (!db.open(path, Database::OpenMode::ReadWrite, &result.error))
                return result;
            // As `vitrine-cli train`: the slot's pipeline builds (trains) its models into the store.
            Recommender recommender(snapshot);
            ModelStore store(db, true);
            recommender.models().setStore(&store);
            recommender.setSlot(slot);
            const auto pipeline = recommender.pipeline(slot.key, &result.error, progress);
            result.ok = pipeline != nullptr && !progress.isCancelled();
            if (pipeline)
                result.warnings = pipeline->warnings();
            result.milliseconds = timer.elapsed();
            return result;
        },
        [this](Training result) {
            m_train->setEnabled(true);
            const QLocale locale;
            m_summary->setText(result.ok ? tr("Trained in %1 s.%2")
                                               .arg(locale.toString(result.milliseconds / 1000.0, 'f', 2),
                                                   result.warnings.isEmpty() ? QString() : QStringLiteral(" ") + result.warnings.join(QStringLiteral(" ")))
                                         : tr("Training failed: %1").arg(result.error));
            refresh();
            Q_EMIT trained(result.ok);
        });
    connect(m_job, &Job::finished, this, [this] { m_train->setEnabled(true); });
}

} // namespace Vitrine
