// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>

#include <span>

/**
 * The word lists the demo catalog is made of: a three-level category tree with brands and the
 * words its product titles are built from, journal topics with article titles, first names by
 * gender and last names per country, and countries with real cities.
 *
 * Lists inside one entry are UTF-8 text separated by '|' so the tables stay readable; split()
 * turns them into a list. A weight after a colon ("Stockholm:40") is a relative frequency.
 */
namespace Vitrine::DemoData {

/** Who mainly shops a leaf category; people of the other gender rarely browse it. */
enum class Audience : unsigned char
{
    Everyone,
    Women,
    Men
};

/** When a leaf category sells best. */
enum class Season : unsigned char
{
    AllYear,
    Summer,
    Winter,
    Christmas
};

/** Which attributes its items carry. */
enum class Profile : unsigned char
{
    Apparel,
    Footwear,
    Accessory,
    Home,
    Electronics,
    Beauty,
    Gear,
    Toy,
    Pantry
};

/**
 * A top-level category ("Fashion"), the brands selling in it, and how much people shop in it
 * before their own leanings: a base weight scaled by gender, age group and home region.
 */
struct TopCategory
{
    const char *name;
    const char *brands;
    double prior;
    double women, men;
    double under28, age28to45, age46to60, over60;
    double nordic, british;
};

/** A leaf of the tree ("Fashion > Women > Knitwear") and how its products are named and priced. */
struct LeafCategory
{
    int top; ///< index into topCategories()
    const char *middle;
    const char *leaf;
    double medianPrice; ///< euros
    double share; ///< relative number of products
    Audience audience;
    Season season;
    Profile profile;
    bool consumable; ///< bought again every few weeks
    const char *nouns; ///< "Crew Sweater|Cardigan"
    const char *materialKey; ///< the attribute the materials are stored as: "material", "shade", "origin"
    const char *materials; ///< may be empty; also shown in some titles
    const char *styles; ///< adjectives used in titles when no material is shown
    const char *sizes; ///< size range attribute, or empty
    const char *activity; ///< outdoor activity attribute, or empty
};

/** A journal topic: "Journal > Outdoor > Hiking". */
struct Topic
{
    int top; ///< index into topCategories()
    const char *name; ///< also the last level of the content's category path
    const char *middle; ///< the middle category whose shoppers read it
    const char *titles;
};

/** Names of one country or language: women's, men's and family names. */
struct NameGroup
{
    const char *female;
    const char *male;
    const char *family;
    /** Family names are built from a parent's name + "son" / "dóttir" / "bur" (Icelandic). */
    bool patronymic = false;
    /** Family names ending in -ski/-cki/-dzki take -ska/-cka/-dzka for women (Polish). */
    bool genderedFamily = false;
};

struct Country
{
    const char *name;
    double share;
    bool nordic;
    int nameGroup; ///< index into nameGroups()
    const char *cities;
};

std::span<const TopCategory> topCategories();
std::span<const LeafCategory> leafCategories();
std::span<const Topic> topics();
std::span<const NameGroup> nameGroups();
std::span<const Country> countries();

/** Colours offered for items of a profile. */
const char *colors(Profile profile);

/** Splits a '|' separated list; an empty text gives an empty list. */
QList<QByteArray> split(const char *list);

} // namespace Vitrine::DemoData
