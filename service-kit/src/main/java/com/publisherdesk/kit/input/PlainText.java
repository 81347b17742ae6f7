package com.publisherdesk.kit.input;

/**
 * The text the desk accepts: any printable Unicode (accents, right-to-left scripts and marks, emoji, combining marks),
 * but no control characters (tab and line breaks only inside body text), no unpaired surrogates and no bidirectional
 * embedding, override or isolate controls, which reorder what a reader sees.
 */
public final class PlainText {

    /** What a refused value is told. */
    public static final String RULE = "must not contain control characters, unpaired surrogates or bidirectional "
            + "overrides";

    private PlainText() {
    }

    /** Whether {@code text} keeps to the rule; {@code lineBreaks} allows tab, CR and LF. */
    public static boolean isPlain(String text, boolean lineBreaks) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c) || isBidiControl(c)
                    || (Character.isISOControl(c) && !(lineBreaks && (c == '\t' || c == '\n' || c == '\r')))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBidiControl(char c) {
        return (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
    }
}
