// SPDX-License-Identifier: GPL-3.0-or-later
#include "campaignexporter.h"

#include "common/logging.h"
#include "common/parallel.h"
#include "emailaddress.h"
#include "emailrenderer.h"
#include "layout/audiencecache.h"
#include "layout/pageresolver.h"
#include "storage/contactreader.h"
#include "storage/database.h"
#include "storage/outputfile.h"
#include "storage/timestamp.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>

#include <atomic>
#include <cerrno>
#include <csignal>

namespace Vitrine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::CampaignExporter)
};

/** One person's outcome in a chunk. */
struct Outcome
{
    enum class Status
    {
        NotInAudience,
        Skipped,
        Written
    };
    Status status = Status::NotInAudience;
    QString reason; ///< for Skipped: a key ("no_consent"), or a key, ": " and the details
    QByteArray bytes; ///< the .eml or the JSON line
    QStringList emptyBlocks;
    QStringList fallbackBlocks;
};

QString fileName(const PersonContact &contact)
{
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9._-]"));
    QString name = contact.externalId;
    name.replace(unsafe, QStringLiteral("_"));
    if (name != contact.externalId || name.isEmpty() || name.startsWith(QLatin1Char('.')))
        name += QStringLiteral("-%1").arg(contact.id);
    return name + QStringLiteral(".eml");
}

/** Inside a DIR.partial: the id of the process building it, so another run knows whose it is. */
const QString ownerFileName = QStringLiteral(".vitrine-export");

/**
 * Whether `workDir` was left by an export that stopped (killed, crashed): it names its builder
 * and that process is gone. Anything else (a folder without the mark, a running export's) is not
 * this export's to remove.
 */
bool leftByStoppedExport(const QString &workDir)
{
    if (QFileInfo(workDir).isSymLink() || !QFileInfo(workDir).isDir())
        return false;
    QFile owner(workDir + QLatin1Char('/') + ownerFileName);
    if (!owner.open(QIODevice::ReadOnly))
        return false;
    bool ok = false;
    const qint64 pid = owner.read(32).trimmed().toLongLong(&ok);
    if (!ok || pid <= 0 || pid == QCoreApplication::applicationPid())
        return false;
    return ::kill(pid_t(pid), 0) != 0 && errno == ESRCH;
}

QByteArray csvField(const QString &text)
{
    QByteArray utf8 = text.toUtf8();
    if (utf8.contains(',') || utf8.contains('"') || utf8.contains('\n') || utf8.contains('\r')) {
        utf8.replace('"', "\"\"");
        return '"' + utf8 + '"';
    }
    return utf8;
}

} // namespace

CampaignExporter::CampaignExporter(
    const PageResolver &resolver, const Database &db, const CampaignDefinition &campaign)
    : m_resolver(resolver)
    , m_db(db)
    , m_campaign(campaign)
{ }

CampaignExportReport CampaignExporter::run(const CampaignExportOptions &options, const Progress &progress)
{
    QElapsedTimer timer;
    timer.start();
    CampaignExportReport report;
    report.campaign = m_campaign.key;
    report.output = options.output;
    const bool jsonl = options.output.endsWith(QLatin1String(".jsonl"), Qt::CaseInsensitive);
    report.format = jsonl ? QStringLiteral("jsonl") : QStringLiteral("eml");
    const auto fail = [&](const QString &message) {
        report.error = message;
        report.seconds = double(timer.elapsed()) / 1000.0;
        return report;
    };

    // One clock: without a send time, the campaign is judged at the time the catalog was read at.
    const qint64 now = options.sendTime.value_or(m_resolver.snapshot()->asOf());
    if (m_campaign.windowEnd && now > *m_campaign.windowEnd)
        return fail(Tr::tr("the campaign's send window closed at %1 (send time %2)")
                        .arg(Timestamp::toIso(*m_campaign.windowEnd), Timestamp::toIso(now)));
    report.sendTime = m_campaign.windowStart && now < *m_campaign.windowStart ? *m_campaign.windowStart : now;

    // Everything that could fail is checked before anything is written.
    const int threads
        = qBound(1, options.threads > 0 ? options.threads : parallelThreadCount(), 64);
    report.threads = threads;
    std::vector<std::unique_ptr<EmailRenderer>> renderers;
    for (int t = 0; t < threads; ++t)
        renderers.push_back(std::make_unique<EmailRenderer>(m_resolver, m_campaign));
    QString error;
    if (!renderers.front()->isValid(&error))
        return fail(error);
    std::shared_ptr<const PersonSet> audience;
    if (!m_campaign.segment.isEmpty()) {
        audience = m_resolver.audience()->members(m_campaign.segment, &error);
        if (!audience)
            return fail(error);
    }
    for (const QString &segment : m_campaign.templateSegments()) {
        if (!m_resolver.audience()->members(segment, &error))
            return fail(error);
    }
    for (const QString &segment : m_resolver.audience()->priority())
        m_resolver.audience()->members(segment, nullptr);
    if (!m_resolver.prepare(renderers.front()->layout(), &error, progress))
        return fail(error);

    // Output: a folder built beside its final name, or a .jsonl through QSaveFile.
    const QString output = QDir::cleanPath(QFileInfo(options.output).absoluteFilePath()); // "send/" is "send"
    const QString workDir = output + QStringLiteral(".partial");
    // Every file goes through OutputFile: never over the catalog (whatever it is named).
    const auto outputFile = [this](const QString &path) {
        auto file = std::make_unique<OutputFile>(path);
        file->protectCatalog(m_db.path());
        return file;
    };
    std::unique_ptr<OutputFile> lines;
    QString reportBase;
    if (jsonl) {
        lines = outputFile(output);
        if (!lines->open(&error))
            return fail(error);
        reportBase = output.chopped(6) + QStringLiteral(".report");
    } else {
        const QDir existing(output);
        if (existing.exists() && !existing.isEmpty())
            return fail(Tr::tr("%1: the folder exists and is not empty; name a new folder").arg(output));
        if (QFileInfo(output).isFile())
            return fail(Tr::tr("%1: is a file; name a new folder or a .jsonl file").arg(output));
        // The work folder is this export's: created here (mkdir fails if it exists) and marked
        // with its process id, so what is ever removed is what an export made. One left by an
        // export that was killed is cleared; a folder of the user's, or one another export is
        // writing, is refused.
        const QString partialExists
            = Tr::tr("%1: already exists and is not what a stopped export left (a folder of "
                     "yours, or one another export is writing); remove it or name another folder")
                  .arg(workDir);
        if (QFileInfo::exists(workDir) || QFileInfo(workDir).isSymLink()) {
            if (!leftByStoppedExport(workDir))
                return fail(partialExists);
            QDir(workDir).removeRecursively();
        }
        if (!QDir().mkpath(QFileInfo(workDir).absolutePath()))
            return fail(Tr::tr("%1: cannot create the folder").arg(QFileInfo(workDir).absolutePath()));
        if (!QDir().mkdir(workDir))
            return fail(QFileInfo::exists(workDir) ? partialExists
                                                   : Tr::tr("%1: cannot create the folder").arg(workDir));
        QFile owner(workDir + QLatin1Char('/') + ownerFileName);
        if (!owner.open(QIODevice::WriteOnly)
            || owner.write(QByteArray::number(QCoreApplication::applicationPid()) + '\n') < 0
            || !owner.flush()) {
            QDir(workDir).removeRecursively();
            return fail(Tr::tr("%1: %2").arg(owner.fileName(), owner.errorString()));
        }
        owner.close();
        reportBase = workDir + QStringLiteral("/report");
    }
    const std::unique_ptr<OutputFile> detailsFile = outputFile(reportBase + QStringLiteral(".csv"));
    OutputFile &details = *detailsFile;
    if (!details.open(&error)) {
        if (!jsonl)
            QDir(workDir).removeRecursively();
        return fail(error);
    }
    details.write("person,status,reason\n");

    const SnapshotPtr &snapshot = m_resolver.snapshot();
    report.people = snapshot->userCount();
    ContactReader reader(m_db);
    const int chunkSize = qMax(1, options.chunkSize);
    qint64 seen = 0;
    bool writeFailed = false;
    for (;;) {
        if (progress.isCancelled()) {
            report.cancelled = true;
            break;
        }
        const std::vector<PersonContact> contacts = reader.next(chunkSize, &error);
        if (contacts.empty()) {
            if (!error.isEmpty()) {
                writeFailed = true;
                report.error = error;
            }
            break;
        }
        std::vector<Outcome> outcomes(contacts.size());
        std::atomic<size_t> nextIndex {0};
        const auto work = [&](EmailRenderer &renderer) {
            for (size_t i = nextIndex++; i < contacts.size(); i = nextIndex++) {
                const PersonContact &contact = contacts[i];
                Outcome &outcome = outcomes[i];
                const int user = snapshot->userIndex(contact.id);
                if (user < 0 || (audience && !audience->contains(user)))
                    continue;
                outcome.status = Outcome::Status::Skipped;
                if (!contact.consent) {
                    outcome.reason = QStringLiteral("no_consent");
                    continue;
                }
                if (contact.email.trimmed().isEmpty()) {
                    outcome.reason = QStringLiteral("no_email");
                    continue;
                }
                QString why;
                if (!EmailAddress::isValid(contact.email.trimmed(), &why)) {
                    outcome.reason = QStringLiteral("invalid_email: ") + why;
                    continue;
                }
                const RenderedEmail email = renderer.render(contact, user, report.sendTime, false);
                if (!email.ok) {
                    outcome.reason = QStringLiteral("error: ") + email.error;
                    continue;
                }
                outcome.status = Outcome::Status::Written;
                outcome.emptyBlocks = email.emptyBlocks;
                outcome.fallbackBlocks = email.fallbackBlocks;
                const QByteArray eml = renderer.message(email).toBytes();
                if (!jsonl) {
                    outcome.bytes = eml;
                    continue;
                }
                const QJsonObject line {
                    {QStringLiteral("user"), contact.externalId},
                    {QStringLiteral("to"), email.toAddress},
                    {QStringLiteral("to_name"), email.toName},
                    {QStringLiteral("from"), m_campaign.fromEmail},
                    {QStringLiteral("from_name"), m_campaign.fromName},
                    {QStringLiteral("subject"), email.subject},
                    {QStringLiteral("html"), email.html},
                    {QStringLiteral("text"), email.text},
                    {QStringLiteral("message_id"), email.messageId},
                    {QStringLiteral("date"), Timestamp::toIso(email.date)},
                    {QStringLiteral("segment"), email.segment},
                    {QStringLiteral("unsubscribe_url"), email.unsubscribeUrl},
                    {QStringLiteral("campaign"), m_campaign.key},
                };
                outcome.bytes = QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
            }
        };
        // On the core's compute pool, shared with training and segment counts.
        runInParallel(threads, [&work, &renderers](int t) { work(*renderers[size_t(t)]); });

        for (size_t i = 0; i < contacts.size() && !writeFailed; ++i) {
            const PersonContact &contact = contacts[i];
            Outcome &outcome = outcomes[i];
            if (outcome.status == Outcome::Status::NotInAudience)
                continue;
            ++report.audience;
            if (outcome.status == Outcome::Status::Skipped) {
                const QString reason
                    = outcome.reason.section(QLatin1Char(':'), 0, 0); // "error: …" counts as "error"
                ++report.skipped[reason];
                details.write(csvField(contact.externalId) + ",skipped," + csvField(outcome.reason) + '\n');
                continue;
            }
            if (jsonl) {
                writeFailed = !lines->write(outcome.bytes);
            } else {
                // Plain writes: the whole folder is renamed into place only when complete, so a file
                // here needs no fsync of its own (which would cost more than rendering it).
                QFile file(workDir + QLatin1Char('/') + fileName(contact));
                writeFailed
                    = !file.open(QIODevice::WriteOnly) || file.write(outcome.bytes) != outcome.bytes.size();
                file.close();
                writeFailed = writeFailed || file.error() != QFileDevice::NoError;
                if (writeFailed)
                    report.error = Tr::tr("%1: %2").arg(file.fileName(), file.errorString());
            }
            report.bytes += outcome.bytes.size();
            ++report.recipients;
            for (const QString &block : std::as_const(outcome.emptyBlocks)) {
                ++report.emptyBlocks[block];
                details.write(csvField(contact.externalId) + ",empty_block," + csvField(block) + '\n');
            }
            for (const QString &block : std::as_const(outcome.fallbackBlocks)) {
                ++report.fallbackBlocks[block];
                details.write(csvField(contact.externalId) + ",fallback_block," + csvField(block) + '\n');
            }
            report.recipientsWithEmptyBlock += outcome.emptyBlocks.isEmpty() ? 0 : 1;
            report.recipientsWithFallback += outcome.fallbackBlocks.isEmpty() ? 0 : 1;
        }
        if (writeFailed)
            break;
        seen += qint64(contacts.size());
        progress.report(Tr::tr("Rendering e-mails"), seen, report.people);
    }

    if (writeFailed || report.cancelled) {
        if (lines) {
            if (report.error.isEmpty() && !report.cancelled)
                lines->commit(&report.error); // only to learn the write error; a failed commit keeps nothing
            lines->cancel();
        }
        details.cancel();
        if (!jsonl)
            QDir(workDir).removeRecursively();
        if (report.cancelled)
            report.error = Tr::tr("cancelled; nothing was kept");
        else if (report.error.isEmpty())
            report.error = Tr::tr("%1: cannot write").arg(output);
        return fail(report.error);
    }
    report.detailsPath = (jsonl ? reportBase : output + QStringLiteral("/report")) + QStringLiteral(".csv");
    report.reportPath = (jsonl ? reportBase : output + QStringLiteral("/report")) + QStringLiteral(".json");
    report.ok = true;
    report.seconds = double(timer.elapsed()) / 1000.0;
    const std::unique_ptr<OutputFile> reportFile = outputFile(reportBase + QStringLiteral(".json"));
    const QByteArray reportJson = QJsonDocument(report.toJson()).toJson(QJsonDocument::Indented);
    bool written = details.commit(&error) && reportFile->open(&error);
    if (written) {
        reportFile->write(reportJson);
        written = reportFile->commit(&error) && (!lines || lines->commit(&error));
    }
    if (!written) {
        if (!jsonl)
            QDir(workDir).removeRecursively();
        report.ok = false;
        return fail(Tr::tr("%1: cannot write the output or its report: %2").arg(output, error));
    }
    if (!jsonl) {
        QFile::remove(workDir + QLatin1Char('/') + ownerFileName);
        QDir(output).removeRecursively(); // empty, checked above
        if (!QDir().rename(workDir, output)) {
            report.ok = false;
            return fail(Tr::tr("%1: cannot move the finished folder into place").arg(output));
        }
    }
    qCInfo(lcCampaign, "campaign %s: %lld people in the audience, written to %s in %.1f s",
        qUtf8Printable(m_campaign.key), qint64(report.audience), qUtf8Printable(output), report.seconds);
    return report;
}

} // namespace Vitrine
