package io.tursoj.translate.parser;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds where statements end without parsing them, by the rules of {@code sqlite3_complete()}: a statement ends at a
 * ';' outside strings, quoted names and comments, except inside CREATE TRIGGER, which ends at {@code ;END;}. This is
 * what a shell needs to know whether to run its buffer or read another line, and where to resume after a statement
 * that failed.
 *
 * <p>It scans characters, not tokens, with an eight-state machine over the words that matter:
 *
 * <pre>
 *   state      SEMI  WS  OTHER  EXPLAIN  CREATE  TEMP  TRIGGER  END
 *   NOTHING     START NOTHING NORMAL EXPLAIN CREATE NORMAL NORMAL NORMAL
 *   START       START START  NORMAL EXPLAIN CREATE NORMAL NORMAL NORMAL
 *   NORMAL      START NORMAL NORMAL NORMAL  NORMAL  NORMAL NORMAL NORMAL
 *   EXPLAIN     START EXPLAIN EXPLAIN NORMAL CREATE NORMAL NORMAL NORMAL
 *   CREATE      START CREATE NORMAL NORMAL  NORMAL  CREATE TRIGGER NORMAL
 *   TRIGGER     SEMI  TRIGGER TRIGGER TRIGGER TRIGGER TRIGGER TRIGGER TRIGGER
 *   SEMI        SEMI  SEMI   TRIGGER TRIGGER TRIGGER TRIGGER TRIGGER END
 *   END         START END    TRIGGER TRIGGER TRIGGER TRIGGER TRIGGER TRIGGER
 * </pre>
 *
 * A statement is complete when the input leaves the machine in START.
 */
public final class StatementSplitter {
    private static final int NOTHING = 0;
    private static final int START = 1;
    private static final int NORMAL = 2;
    private static final int EXPLAIN = 3;
    private static final int CREATE = 4;
    private static final int TRIGGER = 5;
    private static final int SEMI = 6;
    private static final int END = 7;

    private static final int TK_SEMI = 0;
    private static final int TK_WS = 1;
    private static final int TK_OTHER = 2;
    private static final int TK_EXPLAIN = 3;
    private static final int TK_CREATE = 4;
    private static final int TK_TEMP = 5;
    private static final int TK_TRIGGER = 6;
    private static final int TK_END = 7;

    private static final int[][] TRANSITIONS = {
        /* NOTHING */ {START, NOTHING, NORMAL, EXPLAIN, CREATE, NORMAL, NORMAL, NORMAL},
        /* START   */ {START, START, NORMAL, EXPLAIN, CREATE, NORMAL, NORMAL, NORMAL},
        /* NORMAL  */ {START, NORMAL, NORMAL, NORMAL, NORMAL, NORMAL, NORMAL, NORMAL},
        /* EXPLAIN */ {START, EXPLAIN, EXPLAIN, NORMAL, CREATE, NORMAL, NORMAL, NORMAL},
        /* CREATE  */ {START, CREATE, NORMAL, NORMAL, NORMAL, CREATE, TRIGGER, NORMAL},
        /* TRIGGER */ {SEMI, TRIGGER, TRIGGER, TRIGGER, TRIGGER, TRIGGER, TRIGGER, TRIGGER},
        /* SEMI    */ {SEMI, SEMI, TRIGGER, TRIGGER, TRIGGER, TRIGGER, TRIGGER, END},
        /* END     */ {START, END, TRIGGER, TRIGGER, TRIGGER, TRIGGER, TRIGGER, TRIGGER},
    };

    /**
     * One statement's text range {@code [start, end)}; {@code end} includes the ';' of a complete statement. The
     * last piece of an input may be incomplete (no ';' yet, or an open string or comment).
     */
    public record Piece(int start, int end, boolean complete) {
        public String text(String sql) {
            return sql.substring(start, end);
        }
    }

    private StatementSplitter() {}

    /**
     * True if {@code sql} ends a statement: it holds something other than whitespace and comments, every string,
     * quoted name and comment is closed, and it ends with ';' (with {@code ;END;} for CREATE TRIGGER). The same
     * answer as SQLite's {@code sqlite3_complete()}.
     */
    public static boolean isComplete(String sql) {
        return scan(sql, null) == START;
    }

    /** The statements of {@code sql}, split where sqlite3_complete would see them end. Blank pieces are left out. */
    public static List<Piece> split(String sql) {
        List<Piece> pieces = new ArrayList<>();
        int state = scan(sql, pieces);
        if (state != START && state != NOTHING) {
            int lastEnd = pieces.isEmpty() ? 0 : pieces.getLast().end();
            pieces.add(new Piece(lastEnd, sql.length(), false));
        }
        return pieces;
    }

    /**
     * Runs the machine over {@code sql}; adds a piece to {@code pieces} (when given) at each statement end. Returns
     * the final state, or -1 if the input ends inside a string, quoted name or block comment.
     */
    private static int scan(String sql, List<Piece> pieces) {
        int state = NOTHING;
        int pieceStart = 0;
        int n = Lexer.inputEnd(sql);
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            int token;
            switch (c) {
                case ';' -> token = TK_SEMI;
                case ' ', '\r', '\t', '\n', '\f' -> token = TK_WS;
                case '/' -> {
                    if (i + 1 < n && sql.charAt(i + 1) == '*') {
                        int close = sql.indexOf("*/", i + 2);
                        if (close < 0) {
                            return -1;
                        }
                        i = close + 1;
                        token = TK_WS;
                    } else {
                        token = TK_OTHER;
                    }
                }
                case '-' -> {
                    if (i + 1 < n && sql.charAt(i + 1) == '-') {
                        // A "--" comment may end the input: it counts as whitespace, as in sqlite3_complete.
                        int newline = sql.indexOf('\n', i);
                        i = newline < 0 || newline >= n ? n - 1 : newline;
                        token = TK_WS;
                    } else {
                        token = TK_OTHER;
                    }
                }
                case '[', '`', '"', '\'' -> {
                    int close = sql.indexOf(c == '[' ? ']' : c, i + 1);
                    if (close < 0) {
                        return -1;
                    }
                    i = close;
                    token = TK_OTHER;
                }
                default -> {
                    if (Lexer.isIdChar(c)) {
                        int end = i + 1;
                        while (end < n && Lexer.isIdChar(sql.charAt(end))) {
                            end++;
                        }
                        token = wordToken(sql, i, end);
                        i = end - 1;
                    } else {
                        token = TK_OTHER;
                    }
                }
            }
            int previous = state;
            state = TRANSITIONS[state][token];
            i++;
            if (token == TK_SEMI && state == START && pieces != null) {
                if (previous != START && previous != NOTHING) {
                    pieces.add(new Piece(pieceStart, i, true));
                }
                pieceStart = i;
            }
        }
        return state;
    }

    private static int wordToken(String sql, int start, int end) {
        int length = end - start;
        if (length == 6 && sql.regionMatches(true, start, "create", 0, 6)) {
            return TK_CREATE;
        }
        if (length == 7 && sql.regionMatches(true, start, "trigger", 0, 7)) {
            return TK_TRIGGER;
        }
        if ((length == 4 && sql.regionMatches(true, start, "temp", 0, 4))
                || (length == 9 && sql.regionMatches(true, start, "temporary", 0, 9))) {
            return TK_TEMP;
        }
        if (length == 3 && sql.regionMatches(true, start, "end", 0, 3)) {
            return TK_END;
        }
        if (length == 7 && sql.regionMatches(true, start, "explain", 0, 7)) {
            return TK_EXPLAIN;
        }
        return TK_OTHER;
    }
}
