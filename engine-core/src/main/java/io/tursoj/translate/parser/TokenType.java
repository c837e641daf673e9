package io.tursoj.translate.parser;

/**
 * The kinds of token the {@link Lexer} produces: SQLite's token classes, one constant per keyword.
 *
 * <p>Keyword rules follow SQLite's grammar (parse.y):
 *
 * <ul>
 *   <li>A keyword marked {@code fallbackId} is read as an identifier wherever the grammar gives it no meaning of its
 *       own (SQLite's {@code %fallback ID} list), so {@code SELECT key, replace(a, b, c) FROM abort} is valid.
 *   <li>The join keywords ({@link #isJoinKeyword()}) are names too where a plain name ({@code nm}) or an expression is
 *       expected, but never an implicit alias.
 *   <li>{@code WINDOW}, {@code OVER} and {@code FILTER} are keywords only in the contexts the lexer checks (see
 *       {@link Lexer}); elsewhere they come out as {@link #ID}.
 * </ul>
 */
public enum TokenType {
    // Literals and names
    /** An identifier, plain or quoted with {@code "..."}, {@code [...]} or {@code `...`}. */
    ID,
    /** A string literal in single quotes. */
    STRING,
    INTEGER,
    FLOAT,
    /** A number written with {@code _} digit separators (SQLite 3.46+). */
    QNUMBER,
    /** A blob literal {@code x'hex'}. */
    BLOB,
    /** A parameter: {@code ?}, {@code ?NNN}, {@code :name}, {@code @name}, {@code $name}, {@code #name}. */
    VARIABLE,

    // Punctuation and operators
    SEMI,
    LP,
    RP,
    COMMA,
    DOT,
    STAR,
    PLUS,
    MINUS,
    SLASH,
    REM,
    /** {@code =} or {@code ==}. */
    EQ,
    /** {@code <>} or {@code !=}. */
    NE,
    LT,
    LE,
    GT,
    GE,
    LSHIFT,
    RSHIFT,
    BITAND,
    BITOR,
    BITNOT,
    CONCAT,
    /** {@code ->} or {@code ->>}. */
    PTR,

    /** A character sequence that is no token (an unterminated string, {@code 1abc}, {@code !}...). */
    ILLEGAL,
    /** End of input. */
    EOF,

    // Keywords (SQLite 3.40's list; Fallback marks the %fallback ID set)
    ABORT(Kw.FALLBACK),
    ACTION(Kw.FALLBACK),
    ADD,
    AFTER(Kw.FALLBACK),
    ALL,
    ALTER,
    ALWAYS(Kw.FALLBACK),
    ANALYZE(Kw.FALLBACK),
    AND,
    AS,
    ASC(Kw.FALLBACK),
    ATTACH(Kw.FALLBACK),
    AUTOINCREMENT,
    BEFORE(Kw.FALLBACK),
    BEGIN(Kw.FALLBACK),
    BETWEEN,
    BY(Kw.FALLBACK),
    CASCADE(Kw.FALLBACK),
    CASE,
    CAST(Kw.FALLBACK),
    CHECK,
    COLLATE,
    COLUMN(Kw.FALLBACK),
    COMMIT,
    CONFLICT(Kw.FALLBACK),
    CONSTRAINT,
    CREATE,
    CROSS(Kw.JOIN),
    CURRENT(Kw.FALLBACK),
    CURRENT_DATE(Kw.CTIME),
    CURRENT_TIME(Kw.CTIME),
    CURRENT_TIMESTAMP(Kw.CTIME),
    DATABASE(Kw.FALLBACK),
    DEFAULT,
    DEFERRABLE,
    DEFERRED(Kw.FALLBACK),
    DELETE,
    DESC(Kw.FALLBACK),
    DETACH(Kw.FALLBACK),
    DISTINCT,
    DO(Kw.FALLBACK),
    DROP,
    EACH(Kw.FALLBACK),
    ELSE,
    END(Kw.FALLBACK),
    ESCAPE,
    EXCEPT,
    EXCLUDE(Kw.FALLBACK),
    EXCLUSIVE(Kw.FALLBACK),
    EXISTS,
    EXPLAIN(Kw.FALLBACK),
    FAIL(Kw.FALLBACK),
    FILTER,
    FIRST(Kw.FALLBACK),
    FOLLOWING(Kw.FALLBACK),
    FOR(Kw.FALLBACK),
    FOREIGN,
    FROM,
    FULL(Kw.JOIN),
    GENERATED(Kw.FALLBACK),
    GLOB(Kw.LIKE),
    GROUP,
    GROUPS(Kw.FALLBACK),
    HAVING,
    IF(Kw.FALLBACK),
    IGNORE(Kw.FALLBACK),
    IMMEDIATE(Kw.FALLBACK),
    IN,
    INDEX,
    /** Not a fallback keyword, but a valid name wherever SQLite's {@code id} class is. */
    INDEXED,
    INITIALLY(Kw.FALLBACK),
    INNER(Kw.JOIN),
    INSERT,
    INSTEAD(Kw.FALLBACK),
    INTERSECT,
    INTO,
    IS,
    ISNULL,
    JOIN,
    KEY(Kw.FALLBACK),
    LAST(Kw.FALLBACK),
    LEFT(Kw.JOIN),
    LIKE(Kw.LIKE),
    LIMIT,
    MATCH(Kw.FALLBACK),
    MATERIALIZED(Kw.FALLBACK),
    NATURAL(Kw.JOIN),
    NO(Kw.FALLBACK),
    NOT,
    NOTHING,
    NOTNULL,
    NULL,
    NULLS(Kw.FALLBACK),
    OF(Kw.FALLBACK),
    OFFSET(Kw.FALLBACK),
    ON,
    OR,
    ORDER,
    OTHERS(Kw.FALLBACK),
    OUTER(Kw.JOIN),
    OVER,
    PARTITION(Kw.FALLBACK),
    PLAN(Kw.FALLBACK),
    PRAGMA(Kw.FALLBACK),
    PRECEDING(Kw.FALLBACK),
    PRIMARY,
    QUERY(Kw.FALLBACK),
    RAISE(Kw.FALLBACK),
    RANGE(Kw.FALLBACK),
    RECURSIVE(Kw.FALLBACK),
    REFERENCES,
    REGEXP(Kw.LIKE),
    REINDEX(Kw.FALLBACK),
    RELEASE(Kw.FALLBACK),
    RENAME(Kw.FALLBACK),
    REPLACE(Kw.FALLBACK),
    RESTRICT(Kw.FALLBACK),
    RETURNING,
    RIGHT(Kw.JOIN),
    ROLLBACK(Kw.FALLBACK),
    ROW(Kw.FALLBACK),
    ROWS(Kw.FALLBACK),
    SAVEPOINT(Kw.FALLBACK),
    SELECT,
    SET,
    TABLE,
    /** {@code TEMP} or {@code TEMPORARY}. */
    TEMP(Kw.FALLBACK),
    THEN,
    TIES(Kw.FALLBACK),
    TO,
    TRANSACTION,
    TRIGGER(Kw.FALLBACK),
    UNBOUNDED(Kw.FALLBACK),
    UNION,
    UNIQUE,
    UPDATE,
    USING,
    VACUUM(Kw.FALLBACK),
    VALUES,
    VIEW(Kw.FALLBACK),
    VIRTUAL(Kw.FALLBACK),
    WHEN,
    WHERE,
    WINDOW,
    WITH(Kw.FALLBACK),
    WITHOUT(Kw.FALLBACK);

    /** How a keyword behaves where a name may stand. */
    private enum Kw {
        NONE,
        /** In SQLite's {@code %fallback ID} list. */
        FALLBACK,
        /** A join keyword (SQLite's {@code JOIN_KW}). */
        JOIN,
        /** {@code LIKE}, {@code GLOB}, {@code REGEXP} (SQLite's {@code LIKE_KW}, also a fallback). */
        LIKE,
        /** {@code CURRENT_DATE} and friends (SQLite's {@code CTIME_KW}, also a fallback). */
        CTIME
    }

    private final Kw kw;

    TokenType() {
        this.kw = Kw.NONE;
    }

    TokenType(Kw kw) {
        this.kw = kw;
    }

    /** True for every keyword (the constants declared after {@link #EOF}). */
    public boolean isKeyword() {
        return ordinal() > EOF.ordinal();
    }

    /** True if the keyword reads as an identifier where the grammar gives it no meaning (SQLite's fallback). */
    public boolean isFallbackId() {
        return kw == Kw.FALLBACK || kw == Kw.LIKE || kw == Kw.CTIME;
    }

    public boolean isJoinKeyword() {
        return kw == Kw.JOIN;
    }

    /** {@code LIKE}, {@code GLOB} or {@code REGEXP}. */
    public boolean isLikeKeyword() {
        return kw == Kw.LIKE;
    }

    /** {@code CURRENT_DATE}, {@code CURRENT_TIME} or {@code CURRENT_TIMESTAMP}. */
    public boolean isCurrentTimeKeyword() {
        return kw == Kw.CTIME;
    }

    /**
     * SQLite's {@code id} class: identifiers, fallback keywords and {@code INDEXED}. Used where a bare word is
     * allowed but neither a string nor a join keyword is ({@code DEFAULT word}).
     */
    public boolean isId() {
        return this == ID || this == INDEXED || isFallbackId();
    }

    /** SQLite's {@code idj} class: {@link #isId()} plus the join keywords. Names of functions and columns. */
    public boolean isIdOrJoinKeyword() {
        return isId() || kw == Kw.JOIN;
    }

    /** SQLite's {@code nm}: a name of a table, column, index...: {@code idj} or a string literal. */
    public boolean isName() {
        return isIdOrJoinKeyword() || this == STRING;
    }

    /** SQLite's {@code ids}: identifiers, fallback keywords and strings; aliases, type names, collations. */
    public boolean isIdOrString() {
        return this == ID || this == STRING || isFallbackId();
    }
}
