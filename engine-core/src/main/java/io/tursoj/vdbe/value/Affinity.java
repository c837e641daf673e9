package io.tursoj.vdbe.value;

/**
 * Type affinity: the storage class a column or expression prefers. The letters are SQLite's ({@code 'A'} for BLOB …
 * {@code 'E'} for REAL), as they appear in the P4 of {@code OP_Affinity} and {@code OP_MakeRecord}; the numeric
 * affinities sort after TEXT so that "is numeric" is one comparison, as in SQLite.
 *
 * <p>{@link #NONE} is the affinity of an expression that is not a column, a CAST or derived from one (a literal, a
 * bound parameter, an arithmetic result); it matters only when picking the affinity of a comparison.
 * {@link #FLEXNUM} is the numeric affinity SQLite gives to some subquery columns: it converts numeric text but leaves
 * reals alone.
 */
public enum Affinity {
    NONE('@'),
    BLOB('A'),
    TEXT('B'),
    NUMERIC('C'),
    INTEGER('D'),
    REAL('E'),
    FLEXNUM('F');

    private final char code;

    Affinity(char code) {
        this.code = code;
    }

    /** SQLite's affinity character. */
    public char code() {
        return code;
    }

    public boolean isNumeric() {
        return compareTo(NUMERIC) >= 0;
    }

    /** The affinity for a SQLite affinity character ({@code '@'} … {@code 'F'}). */
    public static Affinity ofCode(char code) {
        for (Affinity a : values()) {
            if (a.code == code) {
                return a;
            }
        }
        throw new IllegalArgumentException("not an affinity code: " + code);
    }

    /**
     * The affinity of a column declared with {@code declaredType} ({@code sqlite3AffinityType}), by SQLite's five rules,
     * scanning the type name once: a name containing {@code INT} is INTEGER (this wins immediately); otherwise
     * {@code CHAR}, {@code CLOB} or {@code TEXT} make it TEXT; otherwise {@code BLOB} makes it BLOB; otherwise
     * {@code REAL}, {@code FLOA} or {@code DOUB} make it REAL; otherwise NUMERIC. A column with no type at all
     * ({@code null}) has BLOB affinity. The same rules map a CAST's type name to the target affinity.
     */
    public static Affinity ofDeclaredType(String declaredType) {
        if (declaredType == null) {
            return BLOB;
        }
        byte[] z = Utf8.encode(declaredType);
        int h = 0;
        Affinity aff = NUMERIC;
        for (byte b : z) {
            h = (h << 8) + Ascii.toLower(b & 0xff);
            if (h == word("char")) {
                aff = TEXT;
            } else if (h == word("clob") || h == word("text")) {
                aff = TEXT;
            } else if (h == word("blob") && (aff == NUMERIC || aff == REAL)) {
                aff = BLOB;
            } else if ((h == word("real") || h == word("floa") || h == word("doub")) && aff == NUMERIC) {
                aff = REAL;
            } else if ((h & 0x00FFFFFF) == (word("int") & 0x00FFFFFF)) {
                return INTEGER;
            }
        }
        return aff;
    }

    private static int word(String w) {
        int h = 0;
        for (int i = 0; i < w.length(); i++) {
            h = (h << 8) + w.charAt(i);
        }
        return h;
    }

    /**
     * The affinity applied when comparing an operand of affinity {@code left} with one of affinity {@code right}
     * ({@code sqlite3CompareAffinity}): if both are columns (or CASTs), NUMERIC when either is numeric, else BLOB (no
     * conversion); if only one side has an affinity, that one; NONE when neither has.
     */
    public static Affinity forComparison(Affinity left, Affinity right) {
        if (left != NONE && right != NONE) {
            return left.isNumeric() || right.isNumeric() ? NUMERIC : BLOB;
        }
        return left == NONE ? right : left;
    }

    /**
     * Applies this affinity to a value about to be stored ({@code applyAffinity} of the VDBE, as done by
     * {@code OP_Affinity} and {@code OP_MakeRecord}):
     *
     * <ul>
     *   <li>INTEGER, REAL, NUMERIC: TEXT that looks like a number becomes INTEGER, or REAL if it is not an integer;
     *       a REAL with an exact 64-bit integer value (other than the two extremes) becomes INTEGER, even for REAL
     *       affinity: SQLite stores such reals as integers and {@link #realAffinity} turns them back on reading.
     *   <li>FLEXNUM: numeric TEXT is converted as above; a REAL stays REAL.
     *   <li>TEXT: INTEGER and REAL become their text; BLOB and NULL are unchanged.
     *   <li>BLOB, NONE: no change.
     * </ul>
     */
    public void apply(Register r) {
        if (isNumeric()) {
            if (r.type() == ValueType.TEXT) {
                applyNumeric(r, true);
            } else if (r.type() == ValueType.REAL && this != FLEXNUM) {
                integerAffinity(r);
            }
        } else if (this == TEXT) {
            if (r.type().isNumeric()) {
                stringify(r);
            }
        }
    }

    /** {@code OP_RealAffinity}: an INTEGER read from a REAL column becomes REAL. */
    public static void realAffinity(Register r) {
        if (r.type() == ValueType.INTEGER) {
            r.setDouble((double) r.longRaw());
        }
    }

    /**
     * {@code applyNumericAffinity}: TEXT that looks like a number becomes INTEGER (if it is written as an integer and
     * fits) or REAL; with {@code tryForInt}, a REAL result with an exact integer value becomes INTEGER. Other text is
     * left alone.
     */
    static void applyNumeric(Register r, boolean tryForInt) {
        byte[] z = r.bytes();
        int n = r.length();
        ValueType t = numericTypeOfText(z, 0, n);
        if (t == ValueType.INTEGER) {
            r.setLong(NumberText.integerValue(z, 0, n));
        } else if (t == ValueType.REAL) {
            r.setDouble(NumberText.parseReal(z, 0, n));
            if (tryForInt) {
                integerAffinity(r);
            }
        }
    }

    /**
     * The type {@code applyNumericAffinity} (without the integer retry) gives to text: INTEGER when the whole text is
     * an integer that fits in 64 bits, REAL when it is any other number, TEXT when it is not a number.
     */
    public static ValueType numericTypeOfText(byte[] z, int off, int len) {
        int rc = NumberText.classifyReal(z, off, len);
        if (rc <= 0) {
            return ValueType.TEXT;
        }
        if (rc == NumberText.INTEGER_SYNTAX && NumberText.integerStatus(z, off, len) == NumberText.INT_OK) {
            return ValueType.INTEGER;
        }
        return ValueType.REAL;
    }

    /** {@code sqlite3VdbeIntegerAffinity}: a REAL holding an exact integer strictly inside the 64-bit range becomes INTEGER. */
    static void integerAffinity(Register r) {
        double d = r.doubleRaw();
        long ix = NumberText.doubleToInt64(d);
        if (d == (double) ix && ix > Long.MIN_VALUE && ix < Long.MAX_VALUE) {
            r.setLong(ix);
        }
    }

    /** Replaces a number by its text. */
    static void stringify(Register r) {
        r.setText(r.textBytes(), 0, r.textLength());
    }
}
