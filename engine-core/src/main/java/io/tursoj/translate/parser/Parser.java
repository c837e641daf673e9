package io.tursoj.translate.parser;

import io.tursoj.translate.parser.ast.Expr;
import io.tursoj.translate.parser.ast.Name;
import io.tursoj.translate.parser.ast.QualifiedName;
import io.tursoj.translate.parser.ast.Stmt;
import io.tursoj.translate.parser.ast.With;
import java.util.ArrayList;
import java.util.List;

/**
 * SQLite's SQL parser, hand-written: turns SQL text into {@link Stmt syntax trees}, one statement at a time.
 *
 * <pre>{@code
 * Parser parser = new Parser("CREATE TABLE t(a); INSERT INTO t VALUES (1);");
 * for (Stmt stmt; (stmt = parser.next()) != null; ) { ... }
 * }</pre>
 *
 * <p>It accepts what SQLite 3.40's parser accepts, plus the later additions of the 3.50 dialect (ORDER BY inside
 * aggregate calls, {@code _} digit separators, an expression as RAISE's message, join keywords as function names,
 * aliases and qualified names on the tables of trigger statements) and Turso's {@code BEGIN CONCURRENT}. Errors are
 * SQLite's ({@link ParseException}), raised at the token where SQLite raises them. Empty statements ({@code ;;}) are
 * skipped. Checks that SQLite makes while parsing but that are about the schema rather than the grammar (a column
 * with both DEFAULT and GENERATED, VALUES rows of different widths) are left to later stages. A Parser is for one
 * input and one thread.
 */
public final class Parser extends DdlParser {

    public Parser(String sql) {
        this(sql, ParserLimits.DEFAULT);
    }

    public Parser(String sql, ParserLimits limits) {
        super(sql, limits);
    }

    /** All statements of {@code sql}. */
    public static List<Stmt> parseAll(String sql) {
        Parser parser = new Parser(sql);
        List<Stmt> statements = new ArrayList<>();
        for (Stmt stmt; (stmt = parser.next()) != null; ) {
            statements.add(stmt);
        }
        return statements;
    }

    /** The one statement of {@code sql} (a trailing semicolon is fine); anything else is an error. */
    public static Stmt parse(String sql) {
        Parser parser = new Parser(sql);
        Stmt stmt = parser.next();
        if (stmt == null) {
            throw new IllegalArgumentException("no statement in the input");
        }
        if (parser.next() != null) {
            throw new IllegalArgumentException("more than one statement in the input");
        }
        return stmt;
    }

    /**
     * The next statement, or null at the end of the input. On a {@link ParseException} the parser is left at the
     * bad token; use {@link StatementSplitter} to find where the next statement starts.
     */
    public Stmt next() {
        checkLegal();
        while (at(TokenType.SEMI)) {
            advance();
        }
        if (at(TokenType.EOF)) {
            return null;
        }
        resetDepth();
        inTriggerBody = false;
        int begin = start();
        try {
            Stmt stmt = parseCommand(begin);
            if (!at(TokenType.SEMI) && !at(TokenType.EOF)) {
                throw syntaxError();
            }
            throwDeferred();
            if (at(TokenType.SEMI)) {
                // Step over the ';' without looking at what follows: an unrecognized token there belongs to the
                // next statement, as in sqlite3_prepare.
                pos++;
            }
            return stmt;
        } catch (StackOverflowError overflow) {
            // A backstop: the nesting limit should stop deep input first on any reasonable thread stack.
            throw error(ParseException.Kind.TOO_DEEP, "parser stack overflow", begin);
        }
    }

    /** The offset just after the last statement returned by {@link #next()} (after its ';', if any). */
    public int position() {
        return pos == 0 ? 0 : tokens.end(pos - 1);
    }

    private Stmt parseCommand(int begin) {
        if (accept(TokenType.EXPLAIN)) {
            boolean queryPlan = false;
            if (accept(TokenType.QUERY)) {
                expect(TokenType.PLAN);
                queryPlan = true;
            }
            Stmt stmt = parseCmd(start());
            return new Stmt.Explain(span(begin), queryPlan, stmt);
        }
        return parseCmd(begin);
    }

    private Stmt parseCmd(int begin) {
        switch (peek()) {
            case SELECT, VALUES -> {
                return parseSelect();
            }
            case WITH -> {
                return parseWithStatement(begin);
            }
            case INSERT, REPLACE -> {
                return parseInsert(begin, null);
            }
            case UPDATE -> {
                return parseUpdate(begin, null);
            }
            case DELETE -> {
                return parseDelete(begin, null);
            }
            case CREATE -> {
                return parseCreate(begin);
            }
            case DROP -> {
                return parseDrop(begin);
            }
            case ALTER -> {
                return parseAlter(begin);
            }
            case BEGIN -> {
                return parseBegin(begin);
            }
            case COMMIT, END -> {
                advance();
                parseTransactionNameOpt();
                return new Stmt.Commit(span(begin));
            }
            case ROLLBACK -> {
                return parseRollback(begin);
            }
            case SAVEPOINT -> {
                advance();
                return new Stmt.Savepoint(span(begin), parseName());
            }
            case RELEASE -> {
                advance();
                accept(TokenType.SAVEPOINT);
                return new Stmt.Release(span(begin), parseName());
            }
            default -> {
                return parseUtility(begin);
            }
        }
    }

    private Stmt parseUtility(int begin) {
        switch (peek()) {
            case PRAGMA -> {
                return parsePragma(begin);
            }
            case ATTACH -> {
                advance();
                accept(TokenType.DATABASE);
                Expr file = parseExpr();
                expect(TokenType.AS);
                Expr schema = parseExpr();
                Expr key = accept(TokenType.KEY) ? parseExpr() : null;
                return new Stmt.Attach(span(begin), file, schema, key);
            }
            case DETACH -> {
                advance();
                accept(TokenType.DATABASE);
                return new Stmt.Detach(span(begin), parseExpr());
            }
            case ANALYZE -> {
                advance();
                QualifiedName target = peek().isName() ? parseQualifiedName() : null;
                return new Stmt.Analyze(span(begin), target);
            }
            case REINDEX -> {
                advance();
                QualifiedName target = peek().isName() ? parseQualifiedName() : null;
                return new Stmt.Reindex(span(begin), target);
            }
            case VACUUM -> {
                advance();
                Name schema = peek().isName() ? parseName() : null;
                Expr into = accept(TokenType.INTO) ? parseExpr() : null;
                return new Stmt.Vacuum(span(begin), schema, into);
            }
            default -> throw syntaxError();
        }
    }

    private Stmt parseWithStatement(int begin) {
        With with = parseWith();
        return switch (peek()) {
            case SELECT, VALUES -> parseSelectAfterWith(begin, with);
            case INSERT, REPLACE -> parseInsert(begin, with);
            case UPDATE -> parseUpdate(begin, with);
            case DELETE -> parseDelete(begin, with);
            default -> throw syntaxError();
        };
    }

    private Stmt parseBegin(int begin) {
        expect(TokenType.BEGIN);
        Stmt.TransactionType type = Stmt.TransactionType.UNSPECIFIED;
        switch (peek()) {
            case DEFERRED -> type = Stmt.TransactionType.DEFERRED;
            case IMMEDIATE -> type = Stmt.TransactionType.IMMEDIATE;
            case EXCLUSIVE -> type = Stmt.TransactionType.EXCLUSIVE;
            case ID -> {
                if (currentText().equalsIgnoreCase("concurrent")) {
                    type = Stmt.TransactionType.CONCURRENT;
                }
            }
            default -> {}
        }
        if (type != Stmt.TransactionType.UNSPECIFIED) {
            advance();
        }
        parseTransactionNameOpt();
        return new Stmt.Begin(span(begin), type);
    }

    /** {@code [TRANSACTION [name]]}: SQLite ignores the name. */
    private void parseTransactionNameOpt() {
        if (accept(TokenType.TRANSACTION) && peek().isName()) {
            parseName();
        }
    }

    private Stmt parseRollback(int begin) {
        expect(TokenType.ROLLBACK);
        parseTransactionNameOpt();
        Name savepoint = null;
        if (accept(TokenType.TO)) {
            accept(TokenType.SAVEPOINT);
            savepoint = parseName();
        }
        return new Stmt.Rollback(span(begin), savepoint);
    }

    private Stmt parsePragma(int begin) {
        expect(TokenType.PRAGMA);
        QualifiedName name = parseQualifiedName();
        Expr value = null;
        if (accept(TokenType.EQ)) {
            value = parsePragmaValue();
        } else if (accept(TokenType.LP)) {
            value = parsePragmaValue();
            expect(TokenType.RP);
        }
        return new Stmt.Pragma(span(begin), name, value);
    }

    /** SQLite's {@code nmnum} or {@code minus_num}: a signed number, a name, a string, ON, DELETE or DEFAULT. */
    private Expr parsePragmaValue() {
        int begin = start();
        TokenType type = peek();
        if (type == TokenType.MINUS || type == TokenType.PLUS) {
            advance();
            Expr number = parsePragmaNumber();
            if (type == TokenType.PLUS) {
                return number;
            }
            return new Expr.Unary(span(begin), Expr.UnaryOp.NEGATE, number);
        }
        if (type == TokenType.INTEGER || type == TokenType.FLOAT) {
            return parsePragmaNumber();
        }
        if (type == TokenType.STRING) {
            return parseLiteral();
        }
        if (type == TokenType.ON || type == TokenType.DELETE || type == TokenType.DEFAULT || type.isName()) {
            Name word = nameAt(pos);
            advance();
            return new Expr.ColumnRef(span(begin), null, null, word);
        }
        throw syntaxError();
    }

    private Expr parsePragmaNumber() {
        if (!at(TokenType.INTEGER) && !at(TokenType.FLOAT)) {
            throw syntaxError();
        }
        return parseLiteral();
    }
}
