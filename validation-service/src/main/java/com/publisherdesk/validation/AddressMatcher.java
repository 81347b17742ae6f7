package com.publisherdesk.validation;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.publisherdesk.contracts.BillingAddress;

/**
 * Decides whether an address a person gave is the billing address on record, the way a billing team would: case,
 * spacing, punctuation and accents do not matter, common street-type abbreviations and postal code formats are the
 * same, and a country may be given by ISO code or by name; a different house number, postal code or country is not
 * a match.
 */
public final class AddressMatcher {

    private static final Map<String, String> STREET_WORDS = streetWords();
    private static final Map<String, String> COUNTRIES = countries();

    private AddressMatcher() {
    }

    /** Whether {@code given} is the address on record for {@code subscription}. */
    public static boolean matches(Subscription subscription, BillingAddress given) {
        BillingAddress stored = new BillingAddress(subscription.addressLine1, subscription.addressLine2,
                subscription.city, subscription.region, subscription.postalCode, subscription.country);
        return matches(stored, given);
    }

    /** Whether two addresses are the same address. */
    public static boolean matches(BillingAddress stored, BillingAddress given) {
        Optional<String> country = country(given.country());
        if (country.isEmpty() || !country.equals(country(stored.country()))) {
            return false;
        }
        return postalCode(stored.postalCode(), country.get()).equals(postalCode(given.postalCode(), country.get()))
                && Names.same(stored.city(), given.city())
                && street(stored.line1()).equals(street(given.line1()))
                && optionalPartMatches(stored.line2(), given.line2());
    }

    /** The ISO 3166-1 alpha-2 code of a country given by code or by English or French name. */
    public static Optional<String> country(String codeOrName) {
        return Optional.ofNullable(COUNTRIES.get(Names.normalize(codeOrName)));
    }

    static String postalCode(String postalCode, String country) {
        String compact = postalCode == null ? "" : postalCode.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        return country.equals("US") && compact.matches("\\d{9}") ? compact.substring(0, 5) : compact;
    }

    static String street(String line) {
        String normalized = Names.normalize(line).replaceAll("(\\d)([a-z])\\b", "$1 $2");
        return Arrays.stream(normalized.split(" ")).map(word -> STREET_WORDS.getOrDefault(word, word))
                .collect(Collectors.joining(" "));
    }

    private static boolean optionalPartMatches(String stored, String given) {
        return stored == null || stored.isBlank() || given == null || given.isBlank()
                || street(stored).equals(street(given));
    }

    private static Map<String, String> streetWords() {
        Map<String, String> words = new HashMap<>();
        alias(words, "st", "street", "str", "saint");
        alias(words, "ave", "avenue", "av", "avn");
        alias(words, "bd", "boulevard", "blvd", "boul", "bld");
        alias(words, "rd", "road");
        alias(words, "dr", "drive");
        alias(words, "ln", "lane");
        alias(words, "pl", "place");
        alias(words, "sq", "square");
        alias(words, "ct", "court");
        alias(words, "hwy", "highway");
        alias(words, "pkwy", "parkway");
        alias(words, "r", "rue");
        alias(words, "ch", "chemin", "che");
        alias(words, "all", "allee");
        alias(words, "imp", "impasse");
        alias(words, "rte", "route");
        alias(words, "fbg", "faubourg");
        alias(words, "ste", "sainte");
        alias(words, "n", "north");
        alias(words, "s", "south");
        alias(words, "e", "east");
        alias(words, "w", "west");
        return Map.copyOf(words);
    }

    private static void alias(Map<String, String> words, String canonical, String... variants) {
        words.put(canonical, canonical);
        for (String variant : variants) {
            words.put(variant, canonical);
        }
    }

    private static Map<String, String> countries() {
        Map<String, String> countries = new HashMap<>();
        for (String code : Locale.getISOCountries()) {
            Locale country = new Locale("", code);
            countries.put(Names.normalize(code), code);
            countries.put(Names.normalize(country.getISO3Country()), code);
            countries.put(Names.normalize(country.getDisplayCountry(Locale.ENGLISH)), code);
            countries.put(Names.normalize(country.getDisplayCountry(Locale.FRENCH)), code);
        }
        countries.put("usa", "US");
        countries.put("united states of america", "US");
        countries.put("etats unis d amerique", "US");
        countries.put("uk", "GB");
        countries.put("great britain", "GB");
        countries.put("england", "GB");
        countries.put("grande bretagne", "GB");
        countries.put("deutschland", "DE");
        countries.put("espana", "ES");
        countries.put("italia", "IT");
        countries.put("nederland", "NL");
        countries.put("schweiz", "CH");
        countries.put("suisse", "CH");
        return Map.copyOf(countries);
    }
}
