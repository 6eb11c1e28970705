// SPDX-License-Identifier: GPL-3.0-or-later
#include "layoutcommands.h"

#include "campaign/campaigndefinition.h"
#include "campaign/campaignexporter.h"
#include "campaign/emailrenderer.h"
#include "clicontext.h"
#include "config/confighistory.h"
#include "engine/snapshot.h"
#include "layout/audiencecache.h"
#include "layout/bannerdefinition.h"
#include "layout/confignames.h"
#include "layout/layoutdefinition.h"
#include "layout/pagehtmlwriter.h"
#include "layout/pageresolver.h"
#include "layout/startercontent.h"
#include "session/enginesession.h"
#include "storage/configstore.h"
#include "storage/contactreader.h"
#include "storage/outputfile.h"
#include "storage/timestamp.h"

#include <CLI/CLI.hpp>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace Vitrine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::Cli)
};

QString fromStd(const std::string &text)
{
    return QString::fromStdString(text);
}

/** Writes a file completely or not at all (a device in place), never over the catalog. */
bool writeFile(const CliContext &context, const QString &path, const QByteArray &data)
{
    OutputFile file(path);
    file.protectCatalog(context.catalogPath());
    QString error;
    bool written = file.open(&error);
    if (written) {
        file.write(data); // an error is kept and reported by commit()
        written = file.commit(&error);
    }
    if (!written)
        context.error(error);
    return written;
}

/** Reads a JSON object from a file ("-" for stdin); prints why not. */
int readJsonObject(const CliContext &context, const std::string &pathText, QJsonObject &object)
{
    const QString path = fromStd(pathText);
    QFile file;
    bool opened = false;
    if (path == QLatin1String("-"))
        opened = file.open(stdin, QIODevice::ReadOnly);
    else {
        file.setFileName(path);
        opened = file.open(QIODevice::ReadOnly);
    }
    if (!opened) {
        context.error(Tr::tr("%1: %2").arg(path, file.errorString()));
        return ExitNotFound;
    }
    QJsonParseError parseError;
    const QByteArray data = file.readAll();
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (!document.isObject()) {
        const int line = int(data.left(parseError.offset).count('\n')) + 1;
        context.error(document.isNull()
                ? Tr::tr("%1:%2: %3").arg(path).arg(line).arg(parseError.errorString())
                : Tr::tr("%1: must hold one JSON object").arg(path));
        return ExitBadInput;
    }
    object = document.object();
    return ExitOk;
}

/** Opens the catalog as of `asOf` (the engine session) and its page resolver; prints why not. */
int openResolver(const CliContext &context, Database &db, std::optional<qint64> asOf, EngineSessionPtr &session,
    std::shared_ptr<const PageResolver> &resolver)
{
    if (const int code = context.open(db, Database::OpenMode::ReadWrite))
        return code;
    QString error;
    EngineSession::Options options;
    options.asOf = asOf;
    session = EngineSession::open(db, options, &error, context.progress());
    if (session)
        resolver = session->pages(&error, context.progress());
    context.endProgress();
    if (!session || !resolver) {
        context.error(error);
        return ExitBadInput;
    }
    for (const QString &problem : session->problems())
        context.error(problem);
    return ExitOk;
}

int userIndex(const CliContext &context, const Snapshot &s, const std::string &user, int &index)
{
    index = -1;
    if (user.empty())
        return ExitOk;
    index = s.userIndexByExternalId(fromStd(user));
    if (index < 0) {
        context.error(Tr::tr("--user %1: no such person in the catalog").arg(fromStd(user)));
        return ExitNotFound;
    }
    return ExitOk;
}

struct PreviewArgs
{
    std::string user;
    std::string layout;
    std::string item;
    std::string cart;
    std::string asOf;
    std::string html;
};

void printPage(const CliContext &context, const ResolvedPage &page)
{
    context.out(Tr::tr("%1 (%2) for %3, as of %4")
                    .arg(page.title.isEmpty() ? page.layout : page.title, page.layout,
                        page.externalId.isEmpty() ? Tr::tr("an anonymous visitor") : page.externalId,
                        Timestamp::toIso(page.asOf)));
    context.out(Tr::tr("variant: %1 — %2")
                    .arg(page.variant.isEmpty() ? Tr::tr("default") : page.variant, page.variantReason));
    for (const ResolvedBlock &block : page.blocks) {
        context.out(
            QStringLiteral("\n[%1] %2 (%3)").arg(block.id, block.title, LayoutBlock::typeName(block.type)));
        if (!block.error.isEmpty())
            context.out(Tr::tr("   error: %1").arg(block.error));
        int position = 0;
        for (const ResolvedItem &item : block.items) {
            const double price = item.onSale ? item.salePrice : item.price;
            context.out(QStringLiteral("%1. %2  %3  %4")
                            .arg(++position, 2)
                            .arg(item.sku, -10)
                            .arg(item.title, -44)
                            .arg(std::isnan(price) ? QString() : QString::number(price, 'f', 2), 9));
            if (!item.reasons.isEmpty())
                context.out(QStringLiteral("      %1").arg(item.reasons.first()));
        }
        if (block.type == LayoutBlock::Type::Banners) {
            context.out(block.banner ? Tr::tr("   banner %1: %2").arg(block.banner->key, block.banner->title)
                                     : Tr::tr("   no banner"));
            context.out(QStringLiteral("   %1").arg(block.bannerReason));
        }
        if (block.type == LayoutBlock::Type::Categories) {
            QStringList names;
            for (const ResolvedCategory &c : block.categories)
                names.append(c.name);
            context.out(QStringLiteral("   %1").arg(names.join(QStringLiteral(" | "))));
            context.out(QStringLiteral("   %1").arg(block.orderReason));
        }
        if (block.type == LayoutBlock::Type::Text)
            context.out(QStringLiteral("   %1").arg(block.text));
    }
}

int runPreview(CliContext &context, const PreviewArgs &args)
{
    std::optional<qint64> asOf;
    if (const int code = context.parseAsOf(args.asOf, asOf))
        return code;
    Database db;
    EngineSessionPtr session;
    std::shared_ptr<const PageResolver> resolver;
    if (const int code = openResolver(context, db, asOf, session, resolver))
        return code;
    const Snapshot &s = *session->snapshot();
    PageRequest request;
    if (const int code = userIndex(context, s, args.user, request.user))
        return code;
    if (!args.item.empty()) {
        request.contextItem = s.itemIndexBySku(fromStd(args.item));
        if (request.contextItem < 0) {
            context.error(Tr::tr("--item %1: no such item in the catalog").arg(fromStd(args.item)));
            return ExitNotFound;
        }
    }
    for (const QString &sku : fromStd(args.cart).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const int item = s.itemIndexBySku(sku.trimmed());
        if (item < 0) {
            context.error(Tr::tr("--cart %1: no such item in the catalog").arg(sku.trimmed()));
            return ExitNotFound;
        }
        request.cart.push_back(item);
    }
    const QString key = fromStd(args.layout);
    if (!resolver->layout(key)) {
        context.error(Tr::tr("--layout %1: no such layout (layouts: %2)")
                          .arg(key, resolver->layoutKeys().join(QStringLiteral(", "))));
        return ExitNotFound;
    }
    const ResolvedPage page = session->resolve(key, request);
    if (!page.ok) {
        context.error(page.error);
        return ExitBadInput;
    }
    if (!args.html.empty()) {
        const QString path = fromStd(args.html);
        if (!writeFile(context, path, PageHtmlWriter().write(page).toUtf8()))
            return ExitBadInput;
        if (!context.json)
            context.out(Tr::tr("Wrote %1").arg(path));
    }
    if (context.json)
        context.printJson(page.toJson());
    else if (args.html.empty())
        printPage(context, page);
    return ExitOk;
}

/** list / show / save of a configuration kind that has a parser. */
template<typename Parse>
int runSave(CliContext &context, const QString &kind, const std::string &key, const std::string &file,
    const Parse &parse)
{
    QJsonObject definition;
    if (const int code = readJsonObject(context, file, definition))
        return code;
    Database db;
    if (const int code = context.open(db, Database::OpenMode::ReadWrite))
        return code;
    QString error;
    QStringList warnings;
    if (!parse(db, fromStd(key), definition, &error, &warnings)) {
        context.error(Tr::tr("%1: %2").arg(fromStd(file), error));
        return ExitBadInput;
    }
    for (const QString &warning : std::as_const(warnings))
        context.error(Tr::tr("warning: %1").arg(warning));
    ConfigStore store(db);
    if (!store.save(kind, fromStd(key), definition, &error)) {
        context.error(error);
        return ExitBadInput;
    }
    const auto saved = store.get(kind, fromStd(key));
    if (context.json)
        context.printJson(
            {{QStringLiteral("key"), fromStd(key)}, {QStringLiteral("version"), saved ? saved->version : 0},
                {QStringLiteral("warnings"), QJsonArray::fromStringList(warnings)}});
    else
        context.out(
            Tr::tr("Saved %1 %2 (version %3)").arg(kind.chopped(1), fromStd(key)).arg(saved ? saved->version : 0));
    return ExitOk;
}

int runList(CliContext &context, const QString &kind)
{
    Database db;
    if (const int code = context.open(db, Database::OpenMode::ReadOnly))
        return code;
    QString error;
    const QList<ConfigObject> objects = ConfigStore(db).list(kind, &error);
    if (!error.isEmpty()) {
        context.error(error);
        return ExitBadInput;
    }
    QJsonArray array;
    for (const ConfigObject &object : objects) {
        QJsonObject entry {{QStringLiteral("key"), object.key},
            {QStringLiteral("title"), object.definition.value(QStringLiteral("title"))},
            {QStringLiteral("version"), object.version},
            {QStringLiteral("updated_at"), Timestamp::toIso(object.updatedAt)}};
        for (const char *extra : {"kind", "group", "priority", "segment"}) {
            if (object.definition.contains(QLatin1String(extra)))
                entry.insert(QLatin1String(extra), object.definition.value(QLatin1String(extra)));
        }
        array.append(entry);
        if (!context.json)
            context.out(QStringLiteral("%1  %2  v%3")
                            .arg(object.key, -24)
                            .arg(object.definition.value(QStringLiteral("title")).toString(), -36)
                            .arg(object.version));
    }
    if (context.json)
        context.printJson({{kind, array}});
    else if (objects.isEmpty())
        context.out(Tr::tr("No %1 yet.").arg(kind));
    return ExitOk;
}

int runShow(CliContext &context, const QString &kind, const std::string &key)
{
    Database db;
    if (const int code = context.open(db, Database::OpenMode::ReadOnly))
        return code;
    const auto object = ConfigStore(db).get(kind, fromStd(key));
    if (!object) {
        context.error(Tr::tr("%1: no such key in %2").arg(fromStd(key), kind));
        return ExitNotFound;
    }
    context.printJson(object->definition);
    return ExitOk;
}

int runRemove(CliContext &context, const QString &kind, const std::string &key)
{
    Database db;
    if (const int code = context.open(db, Database::OpenMode::ReadWrite))
        return code;
    const ConfigRemoveResult result = removeConfigObject(db, kind, fromStd(key));
    switch (result.status) {
    case ConfigRemoveResult::Status::Removed:
        break;
    case ConfigRemoveResult::Status::NoSuchObject:
        context.error(result.error);
        return ExitNotFound;
    case ConfigRemoveResult::Status::InUse:
    case ConfigRemoveResult::Status::Failed:
        context.error(result.error);
        return ExitBadInput;
    }
    if (context.json)
        context.printJson({{QStringLiteral("removed"), fromStd(key)}, {QStringLiteral("kind"), kind},
            {QStringLiteral("last_version"), result.lastVersion}});
    else
        context.out(Tr::tr("Removed %1 %2 (version %3 stays in the history: `history restore %1 %2 %3`)")
                        .arg(kind.chopped(1), fromStd(key))
                        .arg(result.lastVersion));
    return ExitOk;
}

int runInstallStarter(CliContext &context)
{
    Database db;
    if (const int code = context.open(db, Database::OpenMode::ReadWrite))
        return code;
    QString error;
    if (!installStarterContent(db, &error)) {
        context.error(error);
        return ExitBadInput;
    }
    if (!context.json)
        context.out(Tr::tr("Starter slots, segments, layouts, banners and campaigns are in place"));
    else
        context.printJson({{QStringLiteral("ok"), true}});
    return ExitOk;
}

/** Opens the catalog, builds the resolver and reads the campaign; prints why not. */
int openCampaign(const CliContext &context, Database &db, const std::string &key, std::optional<qint64> asOf,
    EngineSessionPtr &session, std::shared_ptr<const PageResolver> &resolver,
    std::optional<CampaignDefinition> &campaign)
{
    if (const int code = openResolver(context, db, asOf, session, resolver))
        return code;
    const auto object = ConfigStore(db).get(QStringLiteral("campaigns"), fromStd(key));
    if (!object) {
        QStringList keys;
        for (const ConfigObject &o : ConfigStore(db).list(QStringLiteral("campaigns")))
            keys.append(o.key);
        context.error(Tr::tr("--campaign %1: no such campaign (campaigns: %2)")
                          .arg(fromStd(key), keys.join(QStringLiteral(", "))));
        return ExitNotFound;
    }
    QString error;
    campaign = CampaignDefinition::fromJson(object->key, object->definition, &error);
    if (!campaign || !campaign->check(ConfigNames::load(db), &error)) {
        context.error(Tr::tr("campaign '%1': %2").arg(object->key, error));
        return ExitBadInput;
    }
    return ExitOk;
}

int runEmailRender(CliContext &context, const std::string &campaignKey, const std::string &user,
    const std::string &out, const std::string &asOfText)
{
    std::optional<qint64> asOf;
    if (const int code = context.parseAsOf(asOfText, asOf))
        return code;
    const QString path = fromStd(out);
    const bool eml = path.endsWith(QLatin1String(".eml"), Qt::CaseInsensitive);
    if (!path.isEmpty() && !eml && !path.endsWith(QLatin1String(".html"), Qt::CaseInsensitive)
        && !path.endsWith(QLatin1String(".htm"), Qt::CaseInsensitive)) {
        context.error(Tr::tr("--out %1: name a .html or an .eml file").arg(path));
        return ExitUsage;
    }
    Database db;
    EngineSessionPtr session;
    std::shared_ptr<const PageResolver> resolver;
    std::optional<CampaignDefinition> campaign;
    if (const int code = openCampaign(context, db, campaignKey, asOf, session, resolver, campaign))
        return code;
    int index = -1;
    if (const int code = userIndex(context, *resolver->snapshot(), user, index))
        return code;
    QString error;
    const auto contact = ContactReader::find(db, fromStd(user), &error);
    if (!contact) {
        context.error(Tr::tr("--user %1: no such person in the catalog").arg(fromStd(user)));
        return ExitNotFound;
    }
    EmailRenderer renderer(*resolver, *campaign);
    const RenderedEmail email
        = renderer.render(*contact, index, session->asOf(), true);
    if (!email.ok) {
        context.error(email.error);
        return ExitBadInput;
    }
    if (!path.isEmpty()) {
        const QByteArray data = eml ? renderer.message(email).toBytes() : email.html.toUtf8();
        if (!writeFile(context, path, data))
            return ExitBadInput;
    }
    const bool excluded
        = !campaign->segment.isEmpty() && !resolver->audience()->isMember(campaign->segment, index);
    if (excluded)
        context.error(
            Tr::tr("note: %1 is not in the campaign's segment '%2', so the export would not send this e-mail")
                .arg(fromStd(user), campaign->segment));
    if (!contact->consent)
        context.error(Tr::tr("note: %1 has not given e-mail consent, so the export would skip this person")
                          .arg(fromStd(user)));
    if (context.json) {
        context.printJson({
            {QStringLiteral("campaign"), campaign->key},
            {QStringLiteral("user"), email.externalId},
            {QStringLiteral("to"), email.toAddress},
            {QStringLiteral("to_name"), email.toName},
            {QStringLiteral("subject"), email.subject},
            {QStringLiteral("segment"), email.segment},
            {QStringLiteral("consent"), contact->consent},
            {QStringLiteral("in_audience"), !excluded},
            {QStringLiteral("message_id"), email.messageId},
            {QStringLiteral("date"), Timestamp::toIso(email.date)},
            {QStringLiteral("unsubscribe_url"), email.unsubscribeUrl},
            {QStringLiteral("empty_blocks"), QJsonArray::fromStringList(email.emptyBlocks)},
            {QStringLiteral("fallback_blocks"), QJsonArray::fromStringList(email.fallbackBlocks)},
            {QStringLiteral("html"), email.html},
            {QStringLiteral("text"), email.text},
            {QStringLiteral("page"), email.page.toJson()},
            {QStringLiteral("out"), path.isEmpty() ? QJsonValue() : QJsonValue(path)},
        });
    } else if (path.isEmpty()) {
        context.out(email.html);
    } else {
        context.out(Tr::tr("Wrote %1 — subject: %2").arg(path, email.subject));
    }
    return ExitOk;
}

int runEmailExport(CliContext &context, const std::string &campaignKey, const std::string &out,
    const std::string &asOfText, int threads)
{
    std::optional<qint64> asOf;
    if (const int code = context.parseAsOf(asOfText, asOf))
        return code;
    if (threads < 0) {
        context.error(Tr::tr("--threads must be at least 1"));
        return ExitUsage;
    }
    Database db;
    EngineSessionPtr session;
    std::shared_ptr<const PageResolver> resolver;
    std::optional<CampaignDefinition> campaign;
    if (const int code = openCampaign(context, db, campaignKey, asOf, session, resolver, campaign))
        return code;
    CampaignExportOptions options;
    options.output = fromStd(out);
    options.sendTime = session->asOf();
    options.threads = threads;
    CampaignExporter exporter(*resolver, db, *campaign);
    const CampaignExportReport report = exporter.run(options, context.progress());
    context.endProgress();
    if (!report.ok) {
        context.error(Tr::tr("email export: %1").arg(report.error));
        return ExitBadInput;
    }
    if (context.json) {
        context.printJson(report.toJson());
        return ExitOk;
    }
    context.out(Tr::tr("Wrote %1 e-mails of campaign %2 to %3 in %4 s")
                    .arg(CliContext::number(report.recipients), report.campaign, report.output)
                    .arg(report.seconds, 0, 'f', 1));
    context.out(Tr::tr("audience %1, skipped %2")
                    .arg(CliContext::number(report.audience), CliContext::number(report.skippedTotal())));
    for (auto it = report.skipped.begin(); it != report.skipped.end(); ++it)
        context.out(Tr::tr("  skipped, %1: %2").arg(it.key(), CliContext::number(it.value())));
    for (auto it = report.emptyBlocks.begin(); it != report.emptyBlocks.end(); ++it)
        context.out(
            Tr::tr("  block %1 empty for %2 recipients").arg(it.key(), CliContext::number(it.value())));
    for (auto it = report.fallbackBlocks.begin(); it != report.fallbackBlocks.end(); ++it)
        context.out(Tr::tr("  block %1 filled by a fallback for %2 recipients")
                        .arg(it.key(), CliContext::number(it.value())));
    context.out(Tr::tr("Report: %1 (per person: %2)").arg(report.reportPath, report.detailsPath));
    return ExitOk;
}

} // namespace

void addLayoutCommands(CLI::App &app, CliContext &context)
{
    auto previewArgs = std::make_shared<PreviewArgs>();
    CLI::App *preview
        = app.add_subcommand("preview", "What one person sees on a layout (page or e-mail), and why");
    preview->add_option("--user", previewArgs->user, "The person's external id (none: anonymous)");
    preview->add_option("--layout", previewArgs->layout, "The layout's key")->required();
    preview->add_option("--item", previewArgs->item, "The current item's sku (product page)");
    preview->add_option("--cart", previewArgs->cart, "Skus in the cart, comma-separated");
    preview->add_option(
        "--as-of", previewArgs->asOf, "Only events up to this time count; schedules are judged at it");
    preview->add_option("--html", previewArgs->html, "Write a self-contained HTML page to this file");
    preview->callback([&context, previewArgs] { context.exitCode = runPreview(context, *previewArgs); });

    const auto layoutCheck = [](Database &db, const QString &key, const QJsonObject &json, QString *error,
                                 QStringList *warnings) {
        const auto layout = LayoutDefinition::fromJson(key, json, error);
        return layout && layout->check(ConfigNames::load(db), error, warnings);
    };
    const auto bannerCheck
        = [](Database &db, const QString &key, const QJsonObject &json, QString *error, QStringList *) {
              const auto banner = BannerDefinition::fromJson(key, json, error);
              return banner && banner->check(ConfigNames::load(db), error);
          };
    const auto campaignCheck
        = [](Database &db, const QString &key, const QJsonObject &json, QString *error, QStringList *) {
              const auto campaign = CampaignDefinition::fromJson(key, json, error);
              return campaign && campaign->check(ConfigNames::load(db), error);
          };

    struct KindCommands
    {
        const char *name;
        const char *table;
        const char *help;
        std::function<bool(Database &, const QString &, const QJsonObject &, QString *, QStringList *)> check;
    };
    const auto slotCheck
        = [](Database &db, const QString &key, const QJsonObject &json, QString *error, QStringList *) {
              return checkConfigDefinition(db, QStringLiteral("slots"), key, json, error);
          };
    const KindCommands kinds[] = {
        {"slot", "slots", "Recommendation slots: list, show, save, remove", slotCheck},
        {"layout", "layouts", "Personalized layouts: list, show, save, remove", layoutCheck},
        {"banner", "banners", "Banners: list, show, save, remove", bannerCheck},
        {"campaign", "campaigns", "E-mail campaigns: list, show, save, remove", campaignCheck},
    };
    for (const KindCommands &kind : kinds) {
        CLI::App *command = app.add_subcommand(kind.name, kind.help);
        command->require_subcommand(1);
        const QString table = QLatin1String(kind.table);
        command->add_subcommand("list", "List them")->callback([&context, table] {
            context.exitCode = runList(context, table);
        });
        auto showKey = std::make_shared<std::string>();
        CLI::App *show = command->add_subcommand("show", "Print one's JSON definition");
        show->add_option("key", *showKey, "The key")->required();
        show->callback([&context, table, showKey] { context.exitCode = runShow(context, table, *showKey); });
        auto saveArgs = std::make_shared<std::pair<std::string, std::string>>();
        CLI::App *save
            = command->add_subcommand("save", "Check and store a definition (a new version if it exists)");
        save->add_option("key", saveArgs->first, "The key")->required();
        save->add_option("--json,--file", saveArgs->second, "The JSON definition file ('-' for stdin)")
            ->required();
        const auto check = kind.check;
        save->callback([&context, table, saveArgs, check] {
            context.exitCode = runSave(context, table, saveArgs->first, saveArgs->second, check);
        });
        auto removeKey = std::make_shared<std::string>();
        CLI::App *remove = command->add_subcommand(
            "remove", "Delete one that nothing uses (its versions stay in the history, restorable)");
        remove->add_option("key", *removeKey, "The key")->required();
        remove->callback(
            [&context, table, removeKey] { context.exitCode = runRemove(context, table, *removeKey); });
        if (QLatin1String(kind.name) == QLatin1String("layout")) {
            command
                ->add_subcommand("install-starter",
                    "Add the starter slots, segments, layouts, banners and campaigns the catalog lacks")
                ->callback([&context] { context.exitCode = runInstallStarter(context); });
        }
    }

    CLI::App *email
        = app.add_subcommand("email", "Render one recipient's e-mail, or export a whole campaign");
    email->require_subcommand(1);
    struct RenderArgs
    {
        std::string campaign, user, out, asOf;
    };
    auto renderArgs = std::make_shared<RenderArgs>();
    CLI::App *render = email->add_subcommand("render", "One recipient's e-mail as HTML or .eml");
    render->add_option("--campaign", renderArgs->campaign, "The campaign's key")->required();
    render->add_option("--user", renderArgs->user, "The recipient's external id")->required();
    render->add_option("--out", renderArgs->out, "FILE.html or FILE.eml (default: the HTML on stdout)");
    render->add_option("--as-of", renderArgs->asOf, "Only events up to this time count; the send time");
    render->callback([&context, renderArgs] {
        context.exitCode = runEmailRender(
            context, renderArgs->campaign, renderArgs->user, renderArgs->out, renderArgs->asOf);
    });
    struct ExportArgs
    {
        std::string campaign, out, asOf;
        int threads = 0;
    };
    auto exportArgs = std::make_shared<ExportArgs>();
    CLI::App *exportCommand = email->add_subcommand(
        "export", "Render the whole audience to a folder of .eml files or one .jsonl file");
    exportCommand->add_option("--campaign", exportArgs->campaign, "The campaign's key")->required();
    exportCommand->add_option("--out", exportArgs->out, "A new folder, or FILE.jsonl")->required();
    exportCommand->add_option(
        "--as-of", exportArgs->asOf, "Only events up to this time count; the send time");
    exportCommand->add_option("--threads", exportArgs->threads, "Worker threads (default: one per core)");
    exportCommand->callback([&context, exportArgs] {
        context.exitCode = runEmailExport(
            context, exportArgs->campaign, exportArgs->out, exportArgs->asOf, exportArgs->threads);
    });
}

} // namespace Vitrine
