package io.tursoj.translate.parser;

import io.tursoj.translate.parser.ast.AlterAction;
import io.tursoj.translate.parser.ast.ColumnConstraint;
import io.tursoj.translate.parser.ast.ColumnDef;
import io.tursoj.translate.parser.ast.ConflictResolution;
import io.tursoj.translate.parser.ast.Expr;
import io.tursoj.translate.parser.ast.ForeignKeyClause;
import io.tursoj.translate.parser.ast.Name;
import io.tursoj.translate.parser.ast.OrderingTerm;
import io.tursoj.translate.parser.ast.QualifiedName;
import io.tursoj.translate.parser.ast.Select;
import io.tursoj.translate.parser.ast.Stmt;
import io.tursoj.translate.parser.ast.TableConstraint;
import io.tursoj.translate.parser.ast.TypeName;
import java.util.ArrayList;
import java.util.List;

/** CREATE TABLE / INDEX / VIEW / TRIGGER / VIRTUAL TABLE, DROP and ALTER TABLE, and column definitions. */
abstract class DdlParser extends DmlParser {

    DdlParser(String sql, ParserLimits limits) {
        super(sql, limits);
    }

    /** After CREATE. */
    final Stmt parseCreate(int begin) {
        expect(TokenType.CREATE);
        boolean temporary = accept(TokenType.TEMP);
        switch (peek()) {
            case TABLE -> {
                return parseCreateTable(begin, temporary);
            }
            case VIEW -> {
                return parseCreateView(begin, temporary);
            }
            case TRIGGER -> {
                return parseCreateTrigger(begin, temporary);
            }
            case UNIQUE, INDEX -> {
                if (temporary) {
                    throw syntaxError();
                }
                return parseCreateIndex(begin);
            }
            case VIRTUAL -> {
                if (temporary) {
                    throw syntaxError();
                }
                return parseCreateVirtualTable(begin);
            }
            default -> throw syntaxError();
        }
    }

    private boolean parseIfNotExists() {
        if (accept(TokenType.IF)) {
            expect(TokenType.NOT);
            expect(TokenType.EXISTS);
            return true;
        }
        return false;
    }

    private boolean parseIfExists() {
        if (accept(TokenType.IF)) {
            expect(TokenType.EXISTS);
            return true;
        }
        return false;
    }

    private Stmt parseCreateTable(int begin, boolean temporary) {
        expect(TokenType.TABLE);
        boolean ifNotExists = parseIfNotExists();
        QualifiedName name = parseQualifiedName();
        if (accept(TokenType.AS)) {
            Select select = parseSelect();
            return new Stmt.CreateTable(
                    span(begin), temporary, ifNotExists, name, List.of(), List.of(), false, false, select);
        }
        expect(TokenType.LP);
        List<ColumnDef> columns = new ArrayList<>();
        List<TableConstraint> constraints = List.of();
        columns.add(parseColumnDef());
        while (accept(TokenType.COMMA)) {
            if (atTableConstraint()) {
                constraints = parseTableConstraints();
                break;
            }
            columns.add(parseColumnDef());
        }
        expect(TokenType.RP);
        boolean withoutRowid = false;
        boolean strict = false;
        // The option list may start with a comma: SQLite's rule is "options := <empty> | option | options , option".
        if (peek().isName() || at(TokenType.COMMA)) {
            boolean first = true;
            do {
                if (first && at(TokenType.COMMA)) {
                    advance();
                }
                first = false;
                boolean without = accept(TokenType.WITHOUT);
                int option = pos;
                parseName();
                // SQLite judges an option once the token after it shows the option is complete.
                if (!at(TokenType.COMMA) && !at(TokenType.SEMI) && !at(TokenType.EOF)) {
                    throw syntaxError();
                }
                if (!tokens.text(option).equalsIgnoreCase(without ? "rowid" : "strict")) {
                    throw unknownTableOption(option);
                }
                if (without) {
                    withoutRowid = true;
                } else {
                    strict = true;
                }
            } while (accept(TokenType.COMMA));
        }
        return new Stmt.CreateTable(
                span(begin),
                temporary,
                ifNotExists,
                name,
                List.copyOf(columns),
                constraints,
                withoutRowid,
                strict,
                null);
    }

    private ParseException unknownTableOption(int token) {
        return grammarError("unknown table option: " + tokens.text(token), tokens.start(token));
    }

    private boolean atTableConstraint() {
        return switch (peek()) {
            case CONSTRAINT, PRIMARY, UNIQUE, CHECK, FOREIGN -> true;
            default -> false;
        };
    }

    /**
     * Table constraints, separated by commas or by nothing (SQLite accepts both). A {@code CONSTRAINT name} names
     * the constraint right after it; a comma in between, or another name, leaves it naming nothing.
     */
    private List<TableConstraint> parseTableConstraints() {
        List<TableConstraint> constraints = new ArrayList<>();
        Name pendingName = null;
        int pendingStart = -1;
        while (true) {
            if (at(TokenType.CONSTRAINT)) {
                pendingStart = start();
                advance();
                pendingName = parseName();
            } else {
                int begin = pendingName == null ? start() : pendingStart;
                constraints.add(parseTableConstraint(begin, pendingName));
                pendingName = null;
            }
            if (accept(TokenType.COMMA)) {
                pendingName = null;
                if (!atTableConstraint()) {
                    throw syntaxError();
                }
            } else if (!atTableConstraint()) {
                break;
            }
        }
        return List.copyOf(constraints);
    }

    private TableConstraint parseTableConstraint(int begin, Name name) {
        switch (peek()) {
            case PRIMARY -> {
                advance();
                expect(TokenType.KEY);
                expect(TokenType.LP);
                List<OrderingTerm> columns = parseOrderingTerms();
                boolean autoincrement = accept(TokenType.AUTOINCREMENT);
                expect(TokenType.RP);
                ConflictResolution onConflict = parseOnConflictOpt();
                return new TableConstraint.PrimaryKey(span(begin), name, columns, autoincrement, onConflict);
            }
            case UNIQUE -> {
                advance();
                expect(TokenType.LP);
                List<OrderingTerm> columns = parseOrderingTerms();
                expect(TokenType.RP);
                ConflictResolution onConflict = parseOnConflictOpt();
                return new TableConstraint.Unique(span(begin), name, columns, onConflict);
            }
            case CHECK -> {
                advance();
                expect(TokenType.LP);
                Expr expr = parseExpr();
                expect(TokenType.RP);
                ConflictResolution onConflict = parseOnConflictOpt();
                return new TableConstraint.Check(span(begin), name, expr, onConflict);
            }
            case FOREIGN -> {
                advance();
                expect(TokenType.KEY);
                List<Name> columns = parseColumnNameList();
                ForeignKeyClause clause = parseReferences();
                return new TableConstraint.ForeignKey(span(begin), name, columns, clause);
            }
            default -> throw syntaxError();
        }
    }

    /** After a column or table constraint ON can only start {@code ON CONFLICT}. */
    private ConflictResolution parseOnConflictOpt() {
        if (accept(TokenType.ON)) {
            expect(TokenType.CONFLICT);
            return parseResolveType();
        }
        return null;
    }

    /** {@code name [type] [constraints]}. */
    final ColumnDef parseColumnDef() {
        int begin = start();
        Name name = parseName();
        TypeName type = parseTypeName(true);
        List<ColumnConstraint> constraints = parseColumnConstraints(name);
        return new ColumnDef(span(begin), name, type, constraints);
    }

    private List<ColumnConstraint> parseColumnConstraints(Name column) {
        List<ColumnConstraint> constraints = new ArrayList<>();
        Name pendingName = null;
        int pendingStart = -1;
        while (true) {
            if (at(TokenType.CONSTRAINT)) {
                pendingStart = start();
                advance();
                pendingName = parseName();
                continue;
            }
            int begin = pendingName == null ? start() : pendingStart;
            ColumnConstraint constraint = parseColumnConstraint(begin, pendingName, column);
            if (constraint == null) {
                break;
            }
            constraints.add(constraint);
            pendingName = null;
        }
        return List.copyOf(constraints);
    }

    /** One column constraint, or null when the current token starts none. */
    private ColumnConstraint parseColumnConstraint(int begin, Name name, Name column) {
        switch (peek()) {
            case DEFAULT -> {
                return parseDefault(begin, name);
            }
            case NULL -> {
                advance();
                return new ColumnConstraint.Nullable(span(begin), name, parseOnConflictOpt());
            }
            case NOT -> {
                if (peek(1) == TokenType.DEFERRABLE) {
                    return new ColumnConstraint.Deferrable(span(begin), name, parseDeferral());
                }
                advance();
                expect(TokenType.NULL);
                return new ColumnConstraint.NotNull(span(begin), name, parseOnConflictOpt());
            }
            case DEFERRABLE -> {
                return new ColumnConstraint.Deferrable(span(begin), name, parseDeferral());
            }
            case PRIMARY -> {
                advance();
                expect(TokenType.KEY);
                OrderingTerm.SortOrder order = OrderingTerm.SortOrder.UNSPECIFIED;
                if (accept(TokenType.ASC)) {
                    order = OrderingTerm.SortOrder.ASC;
                } else if (accept(TokenType.DESC)) {
                    order = OrderingTerm.SortOrder.DESC;
                }
                ConflictResolution onConflict = parseOnConflictOpt();
                boolean autoincrement = accept(TokenType.AUTOINCREMENT);
                return new ColumnConstraint.PrimaryKey(span(begin), name, order, onConflict, autoincrement);
            }
            case UNIQUE -> {
                advance();
                return new ColumnConstraint.Unique(span(begin), name, parseOnConflictOpt());
            }
            case CHECK -> {
                advance();
                expect(TokenType.LP);
                Expr expr = parseExpr();
                expect(TokenType.RP);
                return new ColumnConstraint.Check(span(begin), name, expr);
            }
            case REFERENCES -> {
                ForeignKeyClause clause = parseReferences();
                return new ColumnConstraint.References(span(begin), name, clause);
            }
            case COLLATE -> {
                advance();
                Name collation = parseIdOrString();
                return new ColumnConstraint.Collate(span(begin), name, collation);
            }
            case GENERATED, AS -> {
                return parseGenerated(begin, name, column);
            }
            default -> {
                return null;
            }
        }
    }

    /**
     * {@code DEFAULT (expr)}, {@code DEFAULT [+|-] literal} or {@code DEFAULT word}; a bare word (an identifier or a
     * keyword that may be one) is kept as a {@link Expr.ColumnRef} that SQLite stores as a string.
     */
    private ColumnConstraint parseDefault(int begin, Name name) {
        expect(TokenType.DEFAULT);
        if (accept(TokenType.LP)) {
            Expr value = parseExpr();
            expect(TokenType.RP);
            return new ColumnConstraint.Default(span(begin), name, value, true);
        }
        int valueStart = start();
        if (at(TokenType.PLUS) || at(TokenType.MINUS)) {
            Expr.UnaryOp op = at(TokenType.PLUS) ? Expr.UnaryOp.PLUS : Expr.UnaryOp.NEGATE;
            advance();
            Expr term = parseTerm();
            Expr value = new Expr.Unary(span(valueStart), op, term);
            return new ColumnConstraint.Default(span(begin), name, value, false);
        }
        Expr value = parseTerm();
        return new ColumnConstraint.Default(span(begin), name, value, false);
    }

    /** SQLite's {@code term} (a literal) or, at DEFAULT, a bare identifier. */
    private Expr parseTerm() {
        int begin = start();
        TokenType type = peek();
        switch (type) {
            case NULL, STRING, INTEGER, FLOAT, QNUMBER, BLOB, CURRENT_TIME, CURRENT_DATE, CURRENT_TIMESTAMP -> {
                return parseLiteral();
            }
            default -> {
                if (!type.isId()) {
                    throw syntaxError();
                }
                Name word = nameAt(pos);
                advance();
                return new Expr.ColumnRef(span(begin), null, null, word);
            }
        }
    }

    private ColumnConstraint parseGenerated(int begin, Name name, Name column) {
        if (accept(TokenType.GENERATED)) {
            expect(TokenType.ALWAYS);
        }
        expect(TokenType.AS);
        expect(TokenType.LP);
        Expr expr = parseExpr();
        expect(TokenType.RP);
        ColumnConstraint.Storage storage = ColumnConstraint.Storage.UNSPECIFIED;
        TokenType type = peek();
        if (type == TokenType.ID || type.isFallbackId()) {
            // Any word here is taken as the storage kind (even GENERATED), and judged once the clause is known to
            // end, as SQLite's grammar action does.
            int word = pos;
            advance();
            if (!followsColumnConstraint(peek())) {
                throw syntaxError();
            }
            String text = tokens.text(word);
            if (text.equalsIgnoreCase("stored")) {
                storage = ColumnConstraint.Storage.STORED;
            } else if (text.equalsIgnoreCase("virtual")) {
                storage = ColumnConstraint.Storage.VIRTUAL;
            } else {
                throw grammarError("error in generated column \"" + column.text() + "\"", tokens.start(word));
            }
        }
        return new ColumnConstraint.Generated(span(begin), name, expr, storage);
    }

    private static boolean followsColumnConstraint(TokenType type) {
        return switch (type) {
            case COMMA,
                    RP,
                    SEMI,
                    EOF,
                    CONSTRAINT,
                    DEFAULT,
                    NULL,
                    NOT,
                    PRIMARY,
                    UNIQUE,
                    CHECK,
                    REFERENCES,
                    DEFERRABLE,
                    COLLATE,
                    GENERATED,
                    AS -> true;
            default -> false;
        };
    }

    /** {@code REFERENCES table [(columns)] [ON ... | MATCH ...]... [[NOT] DEFERRABLE ...]}. */
    private ForeignKeyClause parseReferences() {
        int begin = start();
        expect(TokenType.REFERENCES);
        Name table = parseName();
        List<Name> columns = at(TokenType.LP) ? parseColumnNameList() : List.of();
        List<ForeignKeyClause.Arg> args = new ArrayList<>();
        while (true) {
            int argStart = start();
            if (accept(TokenType.MATCH)) {
                args.add(new ForeignKeyClause.Match(span(argStart), parseName()));
            } else if (accept(TokenType.ON)) {
                ForeignKeyClause.Event event = switch (peek()) {
                    case INSERT -> ForeignKeyClause.Event.INSERT;
                    case DELETE -> ForeignKeyClause.Event.DELETE;
                    case UPDATE -> ForeignKeyClause.Event.UPDATE;
                    default -> throw syntaxError();
                };
                advance();
                ForeignKeyClause.Action action = parseForeignKeyAction();
                args.add(new ForeignKeyClause.OnAction(span(argStart), event, action));
            } else {
                break;
            }
        }
        ForeignKeyClause.Deferral deferral = null;
        if (at(TokenType.DEFERRABLE) || (at(TokenType.NOT) && peek(1) == TokenType.DEFERRABLE)) {
            deferral = parseDeferral();
        }
        return new ForeignKeyClause(span(begin), table, columns, List.copyOf(args), deferral);
    }

    private ForeignKeyClause.Action parseForeignKeyAction() {
        switch (peek()) {
            case SET -> {
                advance();
                if (accept(TokenType.NULL)) {
                    return ForeignKeyClause.Action.SET_NULL;
                }
                expect(TokenType.DEFAULT);
                return ForeignKeyClause.Action.SET_DEFAULT;
            }
            case CASCADE -> {
                advance();
                return ForeignKeyClause.Action.CASCADE;
            }
            case RESTRICT -> {
                advance();
                return ForeignKeyClause.Action.RESTRICT;
            }
            case NO -> {
                advance();
                expect(TokenType.ACTION);
                return ForeignKeyClause.Action.NO_ACTION;
            }
            default -> throw syntaxError();
        }
    }

    private ForeignKeyClause.Deferral parseDeferral() {
        int begin = start();
        boolean not = accept(TokenType.NOT);
        expect(TokenType.DEFERRABLE);
        ForeignKeyClause.Initially initially = ForeignKeyClause.Initially.UNSPECIFIED;
        if (accept(TokenType.INITIALLY)) {
            if (accept(TokenType.DEFERRED)) {
                initially = ForeignKeyClause.Initially.DEFERRED;
            } else {
                expect(TokenType.IMMEDIATE);
                initially = ForeignKeyClause.Initially.IMMEDIATE;
            }
        }
        return new ForeignKeyClause.Deferral(span(begin), not, initially);
    }

    private Stmt parseCreateIndex(int begin) {
        boolean unique = accept(TokenType.UNIQUE);
        expect(TokenType.INDEX);
        boolean ifNotExists = parseIfNotExists();
        QualifiedName name = parseQualifiedName();
        expect(TokenType.ON);
        Name table = parseName();
        expect(TokenType.LP);
        List<OrderingTerm> columns = parseOrderingTerms();
        expect(TokenType.RP);
        Expr where = accept(TokenType.WHERE) ? parseExpr() : null;
        return new Stmt.CreateIndex(span(begin), unique, ifNotExists, name, table, columns, where);
    }

    private Stmt parseCreateView(int begin, boolean temporary) {
        expect(TokenType.VIEW);
        boolean ifNotExists = parseIfNotExists();
        QualifiedName name = parseQualifiedName();
        List<Name> columns = at(TokenType.LP) ? parseColumnNameList() : List.of();
        expect(TokenType.AS);
        Select select = parseSelect();
        return new Stmt.CreateView(span(begin), temporary, ifNotExists, name, columns, select);
    }

    private Stmt parseCreateTrigger(int begin, boolean temporary) {
        expect(TokenType.TRIGGER);
        boolean ifNotExists = parseIfNotExists();
        QualifiedName name = parseQualifiedName();
        Stmt.TriggerTime time = Stmt.TriggerTime.UNSPECIFIED;
        if (accept(TokenType.BEFORE)) {
            time = Stmt.TriggerTime.BEFORE;
        } else if (accept(TokenType.AFTER)) {
            time = Stmt.TriggerTime.AFTER;
        } else if (accept(TokenType.INSTEAD)) {
            expect(TokenType.OF);
            time = Stmt.TriggerTime.INSTEAD_OF;
        }
        Stmt.TriggerEvent event;
        List<Name> updateOf = List.of();
        if (accept(TokenType.DELETE)) {
            event = Stmt.TriggerEvent.DELETE;
        } else if (accept(TokenType.INSERT)) {
            event = Stmt.TriggerEvent.INSERT;
        } else {
            expect(TokenType.UPDATE);
            event = Stmt.TriggerEvent.UPDATE;
            if (accept(TokenType.OF)) {
                updateOf = parseNameList();
            }
        }
        expect(TokenType.ON);
        QualifiedName table = parseQualifiedName();
        boolean forEachRow = false;
        if (accept(TokenType.FOR)) {
            expect(TokenType.EACH);
            expect(TokenType.ROW);
            forEachRow = true;
        }
        Expr when = accept(TokenType.WHEN) ? parseExpr() : null;
        expect(TokenType.BEGIN);
        List<Stmt> body = parseTriggerBody();
        expect(TokenType.END);
        return new Stmt.CreateTrigger(
                span(begin), temporary, ifNotExists, name, time, event, updateOf, table, forEachRow, when, body);
    }

    private List<Stmt> parseTriggerBody() {
        List<Stmt> body = new ArrayList<>();
        inTriggerBody = true;
        do {
            int begin = start();
            Stmt command = switch (peek()) {
                case UPDATE -> parseUpdate(begin, null);
                case INSERT, REPLACE -> parseInsert(begin, null);
                case DELETE -> parseDelete(begin, null);
                case SELECT, VALUES, WITH -> parseSelect();
                default -> throw syntaxError();
            };
            body.add(command);
            expect(TokenType.SEMI);
        } while (!at(TokenType.END));
        inTriggerBody = false;
        return List.copyOf(body);
    }

    private Stmt parseCreateVirtualTable(int begin) {
        expect(TokenType.VIRTUAL);
        expect(TokenType.TABLE);
        boolean ifNotExists = parseIfNotExists();
        QualifiedName name = parseQualifiedName();
        expect(TokenType.USING);
        Name module = parseName();
        List<String> arguments = null;
        if (accept(TokenType.LP)) {
            arguments = parseModuleArguments();
        }
        return new Stmt.CreateVirtualTable(span(begin), ifNotExists, name, module, arguments);
    }

    /**
     * Module arguments: any tokens, with balanced parentheses, split at top-level commas. Each argument is kept as
     * its source text from its first token to its last; consumes the closing parenthesis.
     */
    private List<String> parseModuleArguments() {
        List<String> arguments = new ArrayList<>();
        int nesting = 0;
        int argumentStart = -1;
        int argumentEnd = -1;
        while (true) {
            TokenType type = peek();
            if (type == TokenType.EOF) {
                throw syntaxError();
            }
            if (nesting == 0 && (type == TokenType.COMMA || type == TokenType.RP)) {
                arguments.add(argumentStart < 0 ? "" : sql.substring(argumentStart, argumentEnd));
                argumentStart = -1;
                advance();
                if (type == TokenType.RP) {
                    return List.copyOf(arguments);
                }
                continue;
            }
            if (type == TokenType.LP) {
                nesting++;
            } else if (type == TokenType.RP) {
                nesting--;
            }
            if (argumentStart < 0) {
                argumentStart = start();
            }
            argumentEnd = tokens.end(pos);
            advance();
        }
    }

    /** DROP TABLE | INDEX | VIEW | TRIGGER. */
    final Stmt parseDrop(int begin) {
        expect(TokenType.DROP);
        Stmt.ObjectType type = switch (peek()) {
            case TABLE -> Stmt.ObjectType.TABLE;
            case INDEX -> Stmt.ObjectType.INDEX;
            case VIEW -> Stmt.ObjectType.VIEW;
            case TRIGGER -> Stmt.ObjectType.TRIGGER;
            default -> throw syntaxError();
        };
        advance();
        boolean ifExists = parseIfExists();
        QualifiedName name = parseQualifiedName();
        return new Stmt.Drop(span(begin), type, ifExists, name);
    }

    final Stmt parseAlter(int begin) {
        expect(TokenType.ALTER);
        expect(TokenType.TABLE);
        QualifiedName table = parseQualifiedName();
        int actionStart = start();
        AlterAction action;
        if (accept(TokenType.RENAME)) {
            if (accept(TokenType.TO)) {
                action = new AlterAction.RenameTable(span(actionStart), parseName());
            } else {
                accept(TokenType.COLUMN);
                Name column = parseName();
                expect(TokenType.TO);
                Name newName = parseName();
                action = new AlterAction.RenameColumn(span(actionStart), column, newName);
            }
        } else if (accept(TokenType.ADD)) {
            accept(TokenType.COLUMN);
            ColumnDef column = parseColumnDef();
            action = new AlterAction.AddColumn(span(actionStart), column);
        } else {
            expect(TokenType.DROP);
            accept(TokenType.COLUMN);
            action = new AlterAction.DropColumn(span(actionStart), parseName());
        }
        return new Stmt.AlterTable(span(begin), table, action);
    }
}
