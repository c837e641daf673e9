package io.tursoj.translate.parser;

import java.util.Arrays;

/**
 * The tokens of one input, kept in parallel arrays so the parser reads them without a {@link Token} object each.
 *
 * <p>Invariants: (1) whitespace and comments are not stored; (2) the last token is {@link TokenType#EOF}, with
 * {@code start == end ==} the offset where input ends (the length, or the first NUL character); (3) offsets
 * increase strictly from token to token, except that EOF may share its start with nothing before it.
 */
final class TokenBuffer {
    final String sql;
    private TokenType[] types;
    private int[] starts;
    private int[] ends;
    private int count;

    TokenBuffer(String sql, int capacity) {
        this.sql = sql;
        int initial = Math.max(8, capacity);
        this.types = new TokenType[initial];
        this.starts = new int[initial];
        this.ends = new int[initial];
    }

    void add(TokenType type, int start, int end) {
        if (count == types.length) {
            int grown = count * 2;
            types = Arrays.copyOf(types, grown);
            starts = Arrays.copyOf(starts, grown);
            ends = Arrays.copyOf(ends, grown);
        }
        types[count] = type;
        starts[count] = start;
        ends[count] = end;
        count++;
    }

    int count() {
        return count;
    }

    TokenType type(int index) {
        return types[index];
    }

    void setType(int index, TokenType type) {
        types[index] = type;
    }

    int start(int index) {
        return starts[index];
    }

    int end(int index) {
        return ends[index];
    }

    String text(int index) {
        return sql.substring(starts[index], ends[index]);
    }

    Token token(int index) {
        return new Token(types[index], starts[index], ends[index], text(index));
    }
}
