package io.tursoj.translate.parser;

import java.util.Locale;

/**
 * Case-insensitive keyword lookup over a region of the input, without allocating.
 *
 * <p>An open-addressing table keyed by the upper-case spelling; a probe compares characters ignoring ASCII case. Every
 * keyword is spelled like its {@link TokenType} constant, plus {@code TEMPORARY} for {@link TokenType#TEMP}.
 */
final class Keywords {
    private static final int TABLE_SIZE = 512;
    private static final int MAX_KEYWORD_LENGTH = 17;
    private static final String[] SPELLINGS = new String[TABLE_SIZE];
    private static final TokenType[] TYPES = new TokenType[TABLE_SIZE];

    static {
        for (TokenType type : TokenType.values()) {
            if (type.isKeyword()) {
                add(type.name(), type);
            }
        }
        add("TEMPORARY", TokenType.TEMP);
    }

    private Keywords() {}

    private static void add(String spelling, TokenType type) {
        int slot = hash(spelling, 0, spelling.length());
        while (SPELLINGS[slot] != null) {
            slot = (slot + 1) & (TABLE_SIZE - 1);
        }
        SPELLINGS[slot] = spelling.toUpperCase(Locale.ROOT);
        TYPES[slot] = type;
    }

    private static int hash(CharSequence text, int start, int end) {
        int h = end - start;
        for (int i = start; i < end; i++) {
            h = h * 31 + (text.charAt(i) & ~0x20);
        }
        return (h ^ (h >>> 9)) & (TABLE_SIZE - 1);
    }

    /** The keyword spelled by {@code text[start, end)} (letters and '_' only), or {@link TokenType#ID}. */
    static TokenType lookup(CharSequence text, int start, int end) {
        int length = end - start;
        if (length < 2 || length > MAX_KEYWORD_LENGTH) {
            return TokenType.ID;
        }
        int slot = hash(text, start, end);
        String candidate;
        while ((candidate = SPELLINGS[slot]) != null) {
            if (candidate.length() == length && sameIgnoringCase(candidate, text, start)) {
                return TYPES[slot];
            }
            slot = (slot + 1) & (TABLE_SIZE - 1);
        }
        return TokenType.ID;
    }

    /** True if the whole of {@code word} is a keyword, whatever its case. */
    static boolean isKeyword(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (!(c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
                return false;
            }
        }
        return lookup(word, 0, word.length()) != TokenType.ID;
    }

    private static boolean sameIgnoringCase(String upper, CharSequence text, int start) {
        for (int i = 0; i < upper.length(); i++) {
            char c = text.charAt(start + i);
            if (c >= 'a' && c <= 'z') {
                c -= 'a' - 'A';
            }
            if (c != upper.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
