package io.tursoj.vdbe.value;

/**
 * LIKE and GLOB matching ({@code patternCompare} of SQLite's func.c).
 *
 * <p>GLOB: {@code *} matches any sequence, {@code ?} one character, {@code [...]} one character of a set, with ranges
 * {@code a-z}, negation {@code [^...]}, and {@code ]} allowed as the first member; case-sensitive.
 *
 * <p>LIKE: {@code %} matches any sequence, {@code _} one character, and an optional escape character makes the next
 * pattern character literal; ASCII letters match either case (only ASCII: {@code 'ä' LIKE 'Ä'} is false). When the
 * escape character is {@code %} or {@code _} that wildcard is disabled.
 *
 * <p>Both read text as SQLite does (see {@link Utf8}): the first NUL byte ends a string.
 */
public final class PatternMatch {
    private PatternMatch() {}

    private static final int MATCH = 0;
    private static final int NO_MATCH = 1;
    private static final int NO_WILDCARD_MATCH = 2;

    private record Info(int matchAll, int matchOne, int matchSet, boolean noCase) {}

    private static final Info GLOB = new Info('*', '?', '[', false);
    private static final Info LIKE = new Info('%', '_', 0, true);
    private static final Info LIKE_CASE_SENSITIVE = new Info('%', '_', 0, false);

    /** Whether {@code str} matches the GLOB {@code pattern}. */
    public static boolean glob(byte[] pattern, int pOff, int pLen, byte[] str, int sOff, int sLen) {
        return compare(pattern, pOff, pOff + pLen, str, sOff, sOff + sLen, GLOB, '[') == MATCH;
    }

    /**
     * Whether {@code str} matches the LIKE {@code pattern}; {@code escape} is the escape character's code point, or 0
     * for none.
     */
    public static boolean like(
            byte[] pattern, int pOff, int pLen, byte[] str, int sOff, int sLen, int escape, boolean caseSensitive) {
        Info info = caseSensitive ? LIKE_CASE_SENSITIVE : LIKE;
        if (escape != 0 && (escape == info.matchAll || escape == info.matchOne)) {
            info = new Info(
                    escape == info.matchAll ? 0 : info.matchAll,
                    escape == info.matchOne ? 0 : info.matchOne,
                    info.matchSet,
                    info.noCase);
        }
        return compare(pattern, pOff, pOff + pLen, str, sOff, sOff + sLen, info, escape) == MATCH;
    }

    /**
     * The LIKE operator and {@code like(Y, X[, Z])}: {@code x LIKE pattern [ESCAPE escape]}. Returns a {@link Logic}
     * truth value (UNKNOWN when an operand is NULL). Errors: {@code ESCAPE expression must be a single character} and
     * {@code LIKE or GLOB pattern too complex}.
     */
    public static int evaluateLike(Register x, Register pattern, Register escape, boolean caseSensitive) {
        if (pattern.textLength() > Limits.MAX_LIKE_PATTERN_LENGTH) {
            throw new EvaluationException("LIKE or GLOB pattern too complex");
        }
        int esc = 0;
        if (escape != null) {
            if (escape.isNull()) {
                return Logic.UNKNOWN;
            }
            byte[] z = escape.textBytes();
            int n = escape.textLength();
            if (Utf8.charCount(z, 0, n) != 1) {
                throw new EvaluationException("ESCAPE expression must be a single character");
            }
            esc = Utf8.codePoint(Utf8.read(z, 0, n));
        }
        if (x.isNull() || pattern.isNull()) {
            return Logic.UNKNOWN;
        }
        return Logic.of(like(
                pattern.textBytes(), 0, pattern.textLength(), x.textBytes(), 0, x.textLength(), esc, caseSensitive));
    }

    /** The GLOB operator and {@code glob(Y, X)}: {@code x GLOB pattern}, as a {@link Logic} truth value. */
    public static int evaluateGlob(Register x, Register pattern) {
        if (pattern.textLength() > Limits.MAX_LIKE_PATTERN_LENGTH) {
            throw new EvaluationException("LIKE or GLOB pattern too complex");
        }
        if (x.isNull() || pattern.isNull()) {
            return Logic.UNKNOWN;
        }
        return Logic.of(glob(pattern.textBytes(), 0, pattern.textLength(), x.textBytes(), 0, x.textLength()));
    }

    // A character reader over [pos, end) that yields 0 at the end or at a NUL byte, like reading a C string.
    private static long readChar(byte[] z, int pos, int end) {
        if (pos >= end || z[pos] == 0) {
            return ((long) pos << 32);
        }
        return Utf8.read(z, pos, end);
    }

    private static int compare(byte[] p, int pi, int pEnd, byte[] s, int si, int sEnd, Info info, int matchOther) {
        try {
            return patternCompare(p, pi, pEnd, s, si, sEnd, info, matchOther);
        } catch (StackOverflowError e) {
            throw new EvaluationException("LIKE or GLOB pattern too complex");
        }
    }

    @SuppressWarnings("ParameterNumber")
    private static int patternCompare(
            byte[] p, int pi, int pEnd, byte[] s, int si, int sEnd, Info info, int matchOther) {
        int matchOne = info.matchOne;
        int matchAll = info.matchAll;
        int escapedEnd = -1; // position just after the last escaped pattern character
        while (true) {
            long rc = readChar(p, pi, pEnd);
            int c = Utf8.codePoint(rc);
            if (c == 0) {
                break;
            }
            pi = Utf8.next(rc);
            if (c == matchAll) {
                return matchStar(p, pi, pEnd, s, si, sEnd, info, matchOther);
            }
            if (c == matchOther) {
                if (info.matchSet == 0) {
                    rc = readChar(p, pi, pEnd);
                    c = Utf8.codePoint(rc);
                    if (c == 0) {
                        return NO_MATCH;
                    }
                    pi = Utf8.next(rc);
                    escapedEnd = pi;
                } else {
                    long set = matchSet(p, pi, pEnd, s, si, sEnd);
                    if (set < 0) {
                        return NO_MATCH;
                    }
                    pi = (int) (set >>> 32);
                    si = (int) set;
                    continue;
                }
            }
            long rs = readChar(s, si, sEnd);
            int c2 = Utf8.codePoint(rs);
            si = Utf8.next(rs);
            if (c == c2) {
                continue;
            }
            if (info.noCase && c < 0x80 && c2 < 0x80 && Ascii.toLower(c) == Ascii.toLower(c2)) {
                continue;
            }
            if (c == matchOne && pi != escapedEnd && c2 != 0) {
                continue;
            }
            return NO_MATCH;
        }
        return si >= sEnd || s[si] == 0 ? MATCH : NO_MATCH;
    }

    /** The pattern continues after a {@code *} or {@code %} at {@code pi}. */
    @SuppressWarnings("ParameterNumber")
    private static int matchStar(byte[] p, int pi, int pEnd, byte[] s, int si, int sEnd, Info info, int matchOther) {
        int matchOne = info.matchOne;
        int c;
        while (true) {
            long rc = readChar(p, pi, pEnd);
            c = Utf8.codePoint(rc);
            pi = Utf8.next(rc);
            if (c == info.matchAll || (c == matchOne && matchOne != 0)) {
                if (c == matchOne) {
                    long rs = readChar(s, si, sEnd);
                    if (Utf8.codePoint(rs) == 0) {
                        return NO_WILDCARD_MATCH;
                    }
                    si = Utf8.next(rs);
                }
                continue;
            }
            break;
        }
        if (c == 0) {
            return MATCH;
        }
        if (c == matchOther) {
            if (info.matchSet == 0) {
                long rc = readChar(p, pi, pEnd);
                c = Utf8.codePoint(rc);
                if (c == 0) {
                    return NO_WILDCARD_MATCH;
                }
                pi = Utf8.next(rc);
            } else {
                // "[...]" right after "*": try every position (slow, but unusual).
                int setStart = pi - 1;
                while (si < sEnd && s[si] != 0) {
                    int m = patternCompare(p, setStart, pEnd, s, si, sEnd, info, matchOther);
                    if (m != NO_MATCH) {
                        return m;
                    }
                    si = Utf8.skip(s, si, sEnd);
                }
                return NO_WILDCARD_MATCH;
            }
        }
        return matchAfter(c, p, pi, pEnd, s, si, sEnd, info, matchOther);
    }

    /**
     * After a wildcard, the pattern's next literal character is {@code c} (the rest starts at {@code pi}): try the rest
     * at every place in the string just after an occurrence of {@code c} (of either case for LIKE, when ASCII).
     */
    @SuppressWarnings("ParameterNumber")
    private static int matchAfter(
            int c, byte[] p, int pi, int pEnd, byte[] s, int si, int sEnd, Info info, int matchOther) {
        if (c < 0x80) {
            int lower = info.noCase ? Ascii.toLower(c) : c;
            int upper = info.noCase ? Ascii.toUpper(c) : c;
            while (true) {
                while (si < sEnd && s[si] != 0 && (s[si] & 0xff) != lower && (s[si] & 0xff) != upper) {
                    si++;
                }
                if (si >= sEnd || s[si] == 0) {
                    return NO_WILDCARD_MATCH;
                }
                si++;
                int m = patternCompare(p, pi, pEnd, s, si, sEnd, info, matchOther);
                if (m != NO_MATCH) {
                    return m;
                }
            }
        }
        while (true) {
            long rs = readChar(s, si, sEnd);
            int c2 = Utf8.codePoint(rs);
            if (c2 == 0) {
                return NO_WILDCARD_MATCH;
            }
            si = Utf8.next(rs);
            if (c2 == c) {
                int m = patternCompare(p, pi, pEnd, s, si, sEnd, info, matchOther);
                if (m != NO_MATCH) {
                    return m;
                }
            }
        }
    }

    /**
     * Matches one string character against the GLOB set starting at {@code pi} (just after the {@code [}). Returns
     * -1 for no match, else the pattern position after the set (high 32 bits) and the string position after the
     * character (low 32 bits).
     */
    private static long matchSet(byte[] p, int pi, int pEnd, byte[] s, int si, int sEnd) {
        long rs = readChar(s, si, sEnd);
        int c = Utf8.codePoint(rs);
        if (c == 0) {
            return -1;
        }
        si = Utf8.next(rs);
        int priorC = 0;
        boolean seen = false;
        boolean invert = false;
        long rp = readChar(p, pi, pEnd);
        int c2 = Utf8.codePoint(rp);
        pi = Utf8.next(rp);
        if (c2 == '^') {
            invert = true;
            rp = readChar(p, pi, pEnd);
            c2 = Utf8.codePoint(rp);
            pi = Utf8.next(rp);
        }
        if (c2 == ']') {
            if (c == ']') {
                seen = true;
            }
            rp = readChar(p, pi, pEnd);
            c2 = Utf8.codePoint(rp);
            pi = Utf8.next(rp);
        }
        while (c2 != 0 && c2 != ']') {
            boolean rangeFollows = c2 == '-' && pi < pEnd && p[pi] != ']' && p[pi] != 0 && priorC > 0;
            if (rangeFollows) {
                rp = readChar(p, pi, pEnd);
                c2 = Utf8.codePoint(rp);
                pi = Utf8.next(rp);
                if (c >= priorC && c <= c2) {
                    seen = true;
                }
                priorC = 0;
            } else {
                if (c == c2) {
                    seen = true;
                }
                priorC = c2;
            }
            rp = readChar(p, pi, pEnd);
            c2 = Utf8.codePoint(rp);
            pi = Utf8.next(rp);
        }
        if (c2 == 0 || seen == invert) {
            return -1;
        }
        return ((long) pi << 32) | (si & 0xffffffffL);
    }
}
