package com.publisherdesk.portal.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;

/** The portal's words in English and French ({@code texts/en.properties}, {@code texts/fr.properties}). */
@ApplicationScoped
public class Texts {

    /** The languages the portal speaks, the first the default. */
    public static final List<String> LANGUAGES = List.of("en", "fr");

    private final Map<String, Map<String, String>> byLanguage = new HashMap<>();

    public Texts() {
        LANGUAGES.forEach(language -> byLanguage.put(language, load(language)));
        Map<String, String> english = byLanguage.get("en");
        byLanguage.get("fr").keySet().stream().filter(key -> !english.containsKey(key)).findAny().ifPresent(key -> {
            throw new IllegalStateException("texts/fr.properties has " + key + " that English lacks");
        });
        english.keySet().stream().filter(key -> !byLanguage.get("fr").containsKey(key)).findAny().ifPresent(key -> {
            throw new IllegalStateException("texts/fr.properties lacks " + key);
        });
    }

    /** Every word of one language, by key. */
    public Map<String, String> of(String language) {
        return byLanguage.getOrDefault(language, byLanguage.get("en"));
    }

    private static Map<String, String> load(String language) {
        Properties properties = new Properties();
        String name = "texts/" + language + ".properties";
        try (InputStream in = Texts.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing");
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> texts = new HashMap<>();
        properties.forEach((key, value) -> texts.put((String) key, (String) value));
        return Map.copyOf(texts);
    }
}
