package com.publisherdesk.validation;

import java.text.Normalizer;
import java.util.Locale;

/** Compares names and address parts the way a billing team would: case, accents and punctuation do not matter. */
public final class Names {

    private Names() {
    }

    /** Lowercase, no diacritics (ß as ss, œ as oe), apostrophes or dots (S.A.R.L. is SARL), punctuation as spaces. */
    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        String withoutMarks = decomposed.replaceAll("\\p{M}+", "");
        return withoutMarks.toLowerCase(Locale.ROOT)
                .replace("ß", "ss").replace("æ", "ae").replace("œ", "oe").replace("ø", "o")
                .replaceAll("['\u2019.]", "")
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .trim();
    }

    /** Whether two names are the same once normalized. */
    public static boolean same(String a, String b) {
        return normalize(a).equals(normalize(b));
    }
}
