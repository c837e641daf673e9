package io.tursoj.translate.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Token-level mutations of SQL text, for fuzzing and differential tests: delete, insert, replace, duplicate or swap
 * tokens, or cut the statement short. The result is the tokens' text joined by spaces.
 */
final class Mutator {
    private static final List<String> VOCABULARY = buildVocabulary();

    private final SplittableRandom random;

    Mutator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    private static List<String> buildVocabulary() {
        List<String> words = new ArrayList<>();
        for (TokenType type : TokenType.values()) {
            if (type.isKeyword()) {
                words.add(type.name());
            }
        }
        words.addAll(List.of(
                "(", ")", ",", ".", "*", "+", "-", "/", "%", "=", "==", "<>", "!=", "<", "<=", ">", ">=", "<<", ">>",
                "&", "|", "~", "||", "->", "->>", "a", "b", "t1", "\"q\"", "[x]", "`y`", "1", "0x1F", "2.5e3", "'s'",
                "x'00'", "?", "?2", ":p", "@p", "$p", "!", "'open", "1x", "#1", "1_000"));
        return List.copyOf(words);
    }

    /** A random token text from the vocabulary (keywords, operators, names, literals, a few illegal tokens). */
    String randomToken() {
        return VOCABULARY.get(random.nextInt(VOCABULARY.size()));
    }

    /** One to three mutations of {@code sql}. */
    String mutate(String sql) {
        List<String> tokens = new ArrayList<>();
        for (Token token : Lexer.tokens(sql)) {
            if (token.type() != TokenType.EOF) {
                tokens.add(token.text());
            }
        }
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations; m++) {
            mutateOnce(tokens);
        }
        return String.join(" ", tokens);
    }

    private void mutateOnce(List<String> tokens) {
        int size = tokens.size();
        int at = size == 0 ? 0 : random.nextInt(size);
        switch (random.nextInt(6)) {
            case 0 -> {
                if (size > 0) {
                    tokens.remove(at);
                }
            }
            case 1 -> tokens.add(random.nextInt(size + 1), randomToken());
            case 2 -> {
                if (size > 0) {
                    tokens.set(at, randomToken());
                }
            }
            case 3 -> {
                if (size > 0) {
                    tokens.add(at, tokens.get(at));
                }
            }
            case 4 -> {
                if (at + 1 < size) {
                    String t = tokens.get(at);
                    tokens.set(at, tokens.get(at + 1));
                    tokens.set(at + 1, t);
                }
            }
            default -> {
                if (size > 1) {
                    tokens.subList(Math.max(1, at), size).clear();
                }
            }
        }
    }
}
