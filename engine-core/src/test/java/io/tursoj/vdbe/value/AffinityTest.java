package io.tursoj.vdbe.value;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Column affinity from declared types, affinity on storage, and the affinity of comparisons. */
class AffinityTest {
    @Test
    void shouldDeriveAffinityFromDeclaredTypesBySqlitesRules() {
        assertEquals(Affinity.INTEGER, Affinity.ofDeclaredType("INT"));
        assertEquals(Affinity.INTEGER, Affinity.ofDeclaredType("bigint"));
        assertEquals(Affinity.INTEGER, Affinity.ofDeclaredType("UNSIGNED BIG INT"));
        assertEquals(Affinity.INTEGER, Affinity.ofDeclaredType("CHARINT"));
        assertEquals(Affinity.INTEGER, Affinity.ofDeclaredType("FLOATING POINT"));
        assertEquals(Affinity.TEXT, Affinity.ofDeclaredType("VARCHAR(255)"));
        assertEquals(Affinity.TEXT, Affinity.ofDeclaredType("NCHAR"));
        assertEquals(Affinity.TEXT, Affinity.ofDeclaredType("clob"));
        assertEquals(Affinity.TEXT, Affinity.ofDeclaredType("TEXT"));
        assertEquals(Affinity.BLOB, Affinity.ofDeclaredType("BLOB"));
        assertEquals(Affinity.BLOB, Affinity.ofDeclaredType(null));
        assertEquals(Affinity.REAL, Affinity.ofDeclaredType("REAL"));
        assertEquals(Affinity.REAL, Affinity.ofDeclaredType("DOUBLE PRECISION"));
        assertEquals(Affinity.REAL, Affinity.ofDeclaredType("FLOAT"));
        assertEquals(Affinity.NUMERIC, Affinity.ofDeclaredType("DECIMAL(10,5)"));
        assertEquals(Affinity.NUMERIC, Affinity.ofDeclaredType("BOOLEAN"));
        assertEquals(Affinity.NUMERIC, Affinity.ofDeclaredType("STRING"));
        assertEquals(Affinity.NUMERIC, Affinity.ofDeclaredType(""));
        assertEquals(Affinity.TEXT, Affinity.ofDeclaredType("CHAR BLOB"));
        assertEquals(Affinity.BLOB, Affinity.ofDeclaredType("REAL BLOB"));
    }

    @Test
    void shouldKeepSqlitesAffinityLetters() {
        assertEquals('A', Affinity.BLOB.code());
        assertEquals('E', Affinity.REAL.code());
        assertEquals(Affinity.TEXT, Affinity.ofCode('B'));
    }

    private static String applied(Affinity a, Value v) {
        Register r = Register.of(v);
        a.apply(r);
        return r.type().typeName() + " " + r;
    }

    @Test
    void shouldConvertValuesOnStorage() {
        assertEquals("integer 3", applied(Affinity.NUMERIC, Value.ofText("3.0")));
        assertEquals("real 3.5", applied(Affinity.NUMERIC, Value.ofText(" 3.5 ")));
        assertEquals("integer 100000", applied(Affinity.INTEGER, Value.ofText("1e5")));
        assertEquals("text 0x10", applied(Affinity.INTEGER, Value.ofText("0x10")));
        assertEquals("text 12abc", applied(Affinity.NUMERIC, Value.ofText("12abc")));
        assertEquals("real 9.22337203685478e+18", applied(Affinity.INTEGER, Value.ofText("9223372036854775808")));
        assertEquals("integer 3", applied(Affinity.REAL, Value.ofDouble(3.0)));
        assertEquals("real 3.5", applied(Affinity.REAL, Value.ofText("3.5")));
        assertEquals("text 5", applied(Affinity.TEXT, Value.ofLong(5)));
        assertEquals("text 1.5", applied(Affinity.TEXT, Value.ofDouble(1.5)));
        assertEquals("blob X'31'", applied(Affinity.TEXT, Value.ofBlob(new byte[] {'1'})));
        assertEquals("text 5", applied(Affinity.BLOB, Value.ofText("5")));
        assertEquals("real 3.0", applied(Affinity.FLEXNUM, Value.ofDouble(3.0)));
        assertEquals("integer 3", applied(Affinity.FLEXNUM, Value.ofText("3")));
        assertEquals("null NULL", applied(Affinity.INTEGER, Value.NULL));
    }

    @Test
    void shouldTurnIntegersReadFromRealColumnsBackIntoReals() {
        Register r = Register.of(Value.ofLong(3));
        Affinity.realAffinity(r);
        assertEquals(ValueType.REAL, r.type());
        assertEquals(3.0, r.doubleRaw());
    }

    @Test
    void shouldChooseTheAffinityOfAComparison() {
        assertEquals(Affinity.NUMERIC, Affinity.forComparison(Affinity.INTEGER, Affinity.TEXT));
        assertEquals(Affinity.NUMERIC, Affinity.forComparison(Affinity.BLOB, Affinity.REAL));
        assertEquals(Affinity.BLOB, Affinity.forComparison(Affinity.TEXT, Affinity.BLOB));
        assertEquals(Affinity.TEXT, Affinity.forComparison(Affinity.TEXT, Affinity.NONE));
        assertEquals(Affinity.INTEGER, Affinity.forComparison(Affinity.NONE, Affinity.INTEGER));
        assertEquals(Affinity.BLOB, Affinity.forComparison(Affinity.BLOB, Affinity.NONE));
        assertEquals(Affinity.NONE, Affinity.forComparison(Affinity.NONE, Affinity.NONE));
    }
}
