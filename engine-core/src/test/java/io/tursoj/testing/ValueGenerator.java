package io.tursoj.testing;

import io.tursoj.vdbe.value.Utf8;
import io.tursoj.vdbe.value.Value;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random SQL values for differential tests, biased towards the edges where SQLite's rules bite: integer limits,
 * reals near integer values and powers of ten, numeric-looking text with spaces, signs, exponents and junk, mixed
 * case, multi-byte characters, NUL bytes, LIKE/GLOB metacharacters, and BLOBs that spell numbers.
 */
public final class ValueGenerator {
    private final SplittableRandom random;
    private final boolean nulInText;

    public ValueGenerator(long seed) {
        this(seed, true);
    }

    /**
     * @param nulInText whether text may contain NUL bytes: SQLite 3.50 (TursoJ's dialect) does not read such text as a
     *     number at all, newer SQLite reads it up to the NUL, so tests against the newer SQLite leave NULs out where
     *     text is converted to numbers
     */
    public ValueGenerator(long seed, boolean nulInText) {
        random = new SplittableRandom(seed);
        this.nulInText = nulInText;
    }

    public SplittableRandom random() {
        return random;
    }

    private static final long[] EDGE_INTEGERS = {
        0,
        1,
        -1,
        2,
        3,
        7,
        10,
        -10,
        100,
        255,
        256,
        1000,
        65535,
        2147483647L,
        -2147483648L,
        4294967296L,
        4503599627370496L,
        9007199254740992L,
        9007199254740993L,
        -9007199254740993L,
        Long.MAX_VALUE,
        Long.MIN_VALUE,
        Long.MAX_VALUE - 1,
        Long.MIN_VALUE + 1,
        1L << 62,
        -(1L << 62),
        1000000000000000000L,
        0x10ffff,
        0x110000,
        0xd800
    };

    private static final double[] EDGE_REALS = {
        0.0,
        -0.0,
        0.5,
        -0.5,
        1.0,
        -1.0,
        1.5,
        2.5,
        -2.5,
        0.1,
        0.2,
        0.3,
        1.0 / 3,
        2.0 / 3,
        3.14159,
        1e15,
        1e16,
        1e17,
        1e20,
        -1e20,
        1e100,
        1e-5,
        1e-4,
        1.5e-7,
        123456.789,
        9.223372036854775807e18,
        -9.223372036854775808e18,
        4503599627370496.5,
        4503599627370497.0,
        1e308,
        4.9e-324,
        2.2250738585072014e-308,
        0.49999999999999994,
        1.005,
        2.675,
        100.0,
        255.0,
        0.75,
        12.0,
        -12.25,
        Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY
    };

    private static final String[] TEXTS = {
        "",
        " ",
        "  ",
        "0",
        "1",
        "-1",
        "+1",
        "12",
        " 12",
        "12 ",
        " 12 ",
        "\t12\n",
        "12abc",
        "abc12",
        "1.5",
        "-1.5",
        ".5",
        "5.",
        "1e5",
        "1E5",
        "1e+5",
        "1e-5",
        "1e",
        "1e+",
        "1ex",
        "1.5e3x",
        "0x10",
        "0X1F",
        "-0",
        "00012",
        "9223372036854775807",
        "9223372036854775808",
        "-9223372036854775808",
        "-9223372036854775809",
        "18446744073709551616",
        "1e400",
        "-1e400",
        "3.0",
        "12.0",
        "1.0e2",
        "abc",
        "ABC",
        "aBc",
        "Hello World",
        "héllo",
        "HÉLLO",
        "Ärger",
        "日本語",
        "😀x",
        "a%b",
        "a_b",
        "%",
        "_",
        "%a%",
        "a\\b",
        "it's",
        "\"q\"",
        "[a-c]",
        "[^a]*",
        "*",
        "?",
        "a*b?c",
        "x",
        "xx",
        "xyz",
        "  padded  ",
        "tab\there",
        "new\nline",
        "NULL",
        "null",
        "Robert",
        "Rupert",
        "Tymczak",
        "Pfister",
        "Ashcraft",
        "\u0001ctrl",
        "inf",
        "NaN",
        "1,000",
        "١٢"
    };

    public Value any() {
        return switch (random.nextInt(10)) {
            case 0 -> Value.NULL;
            case 1, 2 -> integer();
            case 3, 4 -> real();
            case 5, 6, 7 -> text();
            default -> blob();
        };
    }

    public Value integer() {
        return switch (random.nextInt(4)) {
            case 0 -> Value.ofLong(EDGE_INTEGERS[random.nextInt(EDGE_INTEGERS.length)]);
            case 1 -> Value.ofLong(random.nextLong());
            case 2 -> Value.ofLong(random.nextInt(-1000, 1000));
            default -> Value.ofLong(random.nextInt(-20, 20));
        };
    }

    /** A real; {@code typical} keeps to magnitudes and digit counts where every SQLite version renders alike. */
    public Value real() {
        return switch (random.nextInt(5)) {
            case 0 -> Value.ofDouble(EDGE_REALS[random.nextInt(EDGE_REALS.length)]);
            case 1 -> Value.ofDouble(random.nextInt(-100000, 100000) / 100.0);
            case 2 -> Value.ofDouble(random.nextInt(-64, 64) / 8.0);
            case 3 -> Value.ofDouble((random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-10, 20)));
            default -> Value.ofDouble(random.nextInt(-1000, 1000) * Math.pow(10, random.nextInt(-20, 25)));
        };
    }

    public Value text() {
        if (random.nextInt(4) == 0) {
            return Value.ofText(randomString(random.nextInt(0, 12)));
        }
        String s = TEXTS[random.nextInt(TEXTS.length)];
        if (nulInText && random.nextInt(20) == 0) {
            s = s + "\0" + s;
        }
        return Value.ofText(s);
    }

    public Value blob() {
        return switch (random.nextInt(4)) {
            case 0 -> Value.ofBlob(new byte[0]);
            case 1 -> Value.ofBlob(Utf8.encode(TEXTS[random.nextInt(TEXTS.length)]));
            default -> {
                byte[] b = new byte[random.nextInt(0, 8)];
                random.nextBytes(b);
                yield Value.ofBlob(b);
            }
        };
    }

    /** A short integer, or text/real that reads as one: for lengths, counts and positions. */
    public Value smallNumber() {
        return switch (random.nextInt(6)) {
            case 0 -> Value.ofLong(random.nextInt(-6, 12));
            case 1 -> Value.ofDouble(random.nextInt(-20, 40) / 4.0);
            case 2 -> Value.ofText(Integer.toString(random.nextInt(-5, 10)));
            case 3 -> Value.NULL;
            case 4 -> Value.ofText(List.of(" 3", "2.9", "x", "", "1e1").get(random.nextInt(5)));
            default -> Value.ofLong(random.nextInt(0, 6));
        };
    }

    private static final String ALPHABET = "aAbBcC xyz%_\\*?[]^-!é日0123456789.e+";

    public String randomString(int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    public <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}
