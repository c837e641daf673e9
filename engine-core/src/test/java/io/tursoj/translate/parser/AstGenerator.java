package io.tursoj.translate.parser;

import io.tursoj.translate.parser.ast.AlterAction;
import io.tursoj.translate.parser.ast.ColumnConstraint;
import io.tursoj.translate.parser.ast.ColumnDef;
import io.tursoj.translate.parser.ast.ConflictResolution;
import io.tursoj.translate.parser.ast.Expr;
import io.tursoj.translate.parser.ast.ForeignKeyClause;
import io.tursoj.translate.parser.ast.FromClause;
import io.tursoj.translate.parser.ast.IndexedBy;
import io.tursoj.translate.parser.ast.Limit;
import io.tursoj.translate.parser.ast.Name;
import io.tursoj.translate.parser.ast.OrderingTerm;
import io.tursoj.translate.parser.ast.Over;
import io.tursoj.translate.parser.ast.QualifiedName;
import io.tursoj.translate.parser.ast.ResultColumn;
import io.tursoj.translate.parser.ast.Select;
import io.tursoj.translate.parser.ast.SelectCore;
import io.tursoj.translate.parser.ast.SetClause;
import io.tursoj.translate.parser.ast.Span;
import io.tursoj.translate.parser.ast.Stmt;
import io.tursoj.translate.parser.ast.TableConstraint;
import io.tursoj.translate.parser.ast.TableRef;
import io.tursoj.translate.parser.ast.TypeName;
import io.tursoj.translate.parser.ast.Upsert;
import io.tursoj.translate.parser.ast.Window;
import io.tursoj.translate.parser.ast.With;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Random syntax trees of every statement and expression kind, from a seed. Every tree is one the parser can produce,
 * so printing it and parsing the text must give it back. With {@code sqlite340Only} it avoids what sqlite3 3.40 does
 * not know (ORDER BY in aggregate calls, digit separators, BEGIN CONCURRENT, aliases in trigger statements), so
 * sqlite3 must accept every generated statement.
 */
final class AstGenerator {
    private static final String[] NAMES = {"a", "b", "c", "t1", "t2", "x_y", "col9", "key", "plan", "action"};
    private static final String[] QUOTED_NAMES = {"my col", "select", "a\"b", "x", "order"};
    private static final String[] FUNCTIONS = {"abs", "coalesce", "max", "min", "substr", "lower", "count", "sum"};
    private static final String[] TYPES = {"INTEGER", "TEXT", "BLOB", "REAL", "NUMERIC", "VARCHAR", "unsigned big int"};
    private static final Span S = Span.NONE;

    private final SplittableRandom random;
    private final boolean sqlite340Only;
    private int depth;

    AstGenerator(long seed, boolean sqlite340Only) {
        this.random = new SplittableRandom(seed);
        this.sqlite340Only = sqlite340Only;
    }

    private boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    private <T> T pick(T[] items) {
        return items[random.nextInt(items.length)];
    }

    private <T> List<T> list(int min, int max, Supplier<T> item) {
        int n = min + random.nextInt(max - min + 1);
        List<T> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            items.add(item.get());
        }
        return List.copyOf(items);
    }

    private boolean deep() {
        return depth > 4;
    }

    // ---- names

    Name name() {
        if (chance(15)) {
            String text = pick(QUOTED_NAMES);
            Name.Quote quote = pick(new Name.Quote[] {Name.Quote.DOUBLE, Name.Quote.BACKTICK, Name.Quote.BRACKET});
            if (quote == Name.Quote.BRACKET && text.indexOf(']') >= 0) {
                quote = Name.Quote.DOUBLE;
            }
            return new Name(S, text, quote);
        }
        return Name.of(pick(NAMES));
    }

    private QualifiedName qualifiedName() {
        return new QualifiedName(S, chance(20) ? Name.of("main") : null, name());
    }

    private Name alias() {
        return chance(30) ? name() : null;
    }

    // ---- expressions

    Expr expr() {
        depth++;
        try {
            if (deep()) {
                return leaf();
            }
            return switch (random.nextInt(20)) {
                case 0, 1, 2, 3 -> leaf();
                case 4, 5, 6 -> new Expr.Binary(S, pick(Expr.BinaryOp.values()), expr(), expr());
                case 7 -> new Expr.Unary(S, pick(Expr.UnaryOp.values()), expr());
                case 8 ->
                    new Expr.Like(
                            S, pick(Expr.LikeOp.values()), chance(30), expr(), expr(), chance(30) ? expr() : null);
                case 9 -> new Expr.Between(S, chance(30), expr(), expr(), expr());
                case 10 -> inExpr();
                case 11 -> new Expr.NullTest(S, chance(50), expr());
                case 12 -> chance(50) ? new Expr.Exists(S, select()) : new Expr.Subquery(S, select());
                case 13 -> new Expr.Cast(S, expr(), chance(80) ? typeName() : null);
                case 14 -> caseExpr();
                case 15 -> new Expr.Collate(S, expr(), Name.of(pick(new String[] {"nocase", "binary", "rtrim"})));
                case 16, 17 -> functionCall();
                case 18 -> new Expr.RowValue(S, list(2, 3, this::expr));
                default ->
                    chance(70)
                            ? new Expr.ColumnRef(S, null, name(), name())
                            : chance(50)
                                    ? new Expr.Raise(S, Expr.RaiseAction.IGNORE, null)
                                    : new Expr.Raise(
                                            S,
                                            pick(new Expr.RaiseAction[] {
                                                Expr.RaiseAction.ROLLBACK, Expr.RaiseAction.ABORT, Expr.RaiseAction.FAIL
                                            }),
                                            sqlite340Only ? new Expr.StringLiteral(S, "oops") : expr());
            };
        } finally {
            depth--;
        }
    }

    private Expr leaf() {
        return switch (random.nextInt(9)) {
            case 0 -> new Expr.NumericLiteral(S, pick(new String[] {"0", "42", "3.14", "1e10", "0x1F", ".5"}));
            case 1 -> new Expr.StringLiteral(S, pick(new String[] {"", "abc", "it's", "a;b", "--x"}));
            case 2 -> new Expr.BlobLiteral(S, pick(new String[] {"", "00ff", "DEADbeef"}));
            case 3 -> new Expr.NullLiteral(S);
            case 4 -> new Expr.CurrentTime(S, pick(Expr.CurrentTimeKind.values()));
            case 5 -> new Expr.Variable(S, pick(new String[] {"?", "?3", ":p", "@q", "$r"}));
            case 6 ->
                sqlite340Only
                        ? new Expr.NumericLiteral(S, "7")
                        : new Expr.NumericLiteral(S, pick(new String[] {"1_000", "0xFF_FF", "1_0.2_5e1_0"}));
            default -> new Expr.ColumnRef(S, null, null, name());
        };
    }

    private Expr inExpr() {
        Expr left = expr();
        boolean not = chance(30);
        return switch (random.nextInt(3)) {
            case 0 -> new Expr.InList(S, not, left, list(0, 3, this::expr));
            case 1 -> new Expr.InSelect(S, not, left, select());
            default -> new Expr.InTable(S, not, left, qualifiedName(), chance(50) ? list(0, 2, this::expr) : null);
        };
    }

    private Expr caseExpr() {
        List<Expr.WhenClause> whens = list(1, 3, () -> new Expr.WhenClause(S, expr(), expr()));
        return new Expr.Case(S, chance(50) ? expr() : null, whens, chance(50) ? expr() : null);
    }

    private Expr functionCall() {
        Name fname = Name.of(pick(FUNCTIONS));
        if (chance(10)) {
            return new Expr.FunctionCall(S, fname, false, List.of(), true, List.of(), null, chance(30) ? over() : null);
        }
        boolean distinct = chance(15);
        List<Expr> args = distinct ? List.of(expr()) : list(0, 3, this::expr);
        List<OrderingTerm> orderBy = !sqlite340Only && chance(15) ? list(1, 2, this::orderingTerm) : List.of();
        Expr filter = chance(15) ? expr() : null;
        Over over = chance(20) ? over() : null;
        if (filter != null || over != null) {
            orderBy = List.of();
        }
        return new Expr.FunctionCall(S, fname, distinct, args, false, orderBy, filter, over);
    }

    private Over over() {
        if (chance(30)) {
            return new Over.Named(S, name());
        }
        return window();
    }

    private Window window() {
        Name base = chance(20) ? Name.of("w") : null;
        List<Expr> partition = chance(50) ? list(1, 2, this::expr) : List.of();
        List<OrderingTerm> order = chance(60) ? list(1, 2, this::orderingTerm) : List.of();
        Window.Frame frame = chance(50) ? frame() : null;
        return new Window(S, base, partition, order, frame);
    }

    private Window.Frame frame() {
        Window.FrameUnit unit = pick(Window.FrameUnit.values());
        Window.Exclude exclude = pick(Window.Exclude.values());
        if (chance(40)) {
            Window.Bound start = chance(50)
                    ? new Window.Bound(S, Window.BoundKind.UNBOUNDED_PRECEDING, null)
                    : new Window.Bound(S, Window.BoundKind.PRECEDING, leaf());
            return new Window.Frame(S, unit, start, null, exclude);
        }
        Window.Bound start = new Window.Bound(S, Window.BoundKind.CURRENT_ROW, null);
        Window.Bound end = chance(50)
                ? new Window.Bound(S, Window.BoundKind.UNBOUNDED_FOLLOWING, null)
                : new Window.Bound(S, Window.BoundKind.FOLLOWING, leaf());
        return new Window.Frame(S, unit, start, end, exclude);
    }

    private OrderingTerm orderingTerm() {
        return new OrderingTerm(
                S, expr(), pick(OrderingTerm.SortOrder.values()), pick(OrderingTerm.NullsOrder.values()));
    }

    private TypeName typeName() {
        List<String> args = switch (random.nextInt(4)) {
            case 0 -> List.of("10");
            case 1 -> List.of("10", "-2");
            default -> List.of();
        };
        return new TypeName(S, pick(TYPES), args);
    }

    // ---- SELECT

    Select select() {
        depth++;
        try {
            With with = !deep() && chance(10) ? with() : null;
            SelectCore first = core();
            List<Select.Compound> compounds = !deep() && chance(20)
                    ? list(1, 2, () -> new Select.Compound(S, pick(Select.CompoundOperator.values()), core()))
                    : List.of();
            SelectCore last = compounds.isEmpty() ? first : compounds.getLast().core();
            boolean query = last instanceof SelectCore.Query;
            List<OrderingTerm> orderBy = query && chance(25) ? list(1, 2, this::orderingTerm) : List.of();
            Limit limit = query && chance(20) ? new Limit(S, expr(), chance(50) ? expr() : null) : null;
            return new Select(S, with, first, compounds, orderBy, limit);
        } finally {
            depth--;
        }
    }

    private With with() {
        List<With.CommonTableExpr> tables = list(
                1,
                2,
                () -> new With.CommonTableExpr(
                        S,
                        name(),
                        chance(30) ? list(1, 2, this::name) : List.of(),
                        pick(With.Materialization.values()),
                        select()));
        return new With(S, chance(30), tables);
    }

    private SelectCore core() {
        if (chance(15)) {
            int width = 1 + random.nextInt(3);
            return new SelectCore.Values(S, list(1, 3, () -> list(width, width, this::expr)));
        }
        List<ResultColumn> columns = list(1, 3, this::resultColumn);
        FromClause from = chance(70) ? from() : null;
        Expr where = chance(40) ? expr() : null;
        List<Expr> groupBy = chance(20) ? list(1, 2, this::expr) : List.of();
        Expr having = !groupBy.isEmpty() && chance(50) ? expr() : null;
        List<Window.Definition> windows =
                chance(10) ? List.of(new Window.Definition(S, Name.of("w"), window())) : List.of();
        SelectCore.Distinctness distinctness = pick(SelectCore.Distinctness.values());
        return new SelectCore.Query(S, distinctness, columns, from, where, groupBy, having, windows);
    }

    private ResultColumn resultColumn() {
        return switch (random.nextInt(8)) {
            case 0 -> new ResultColumn.Star(S);
            case 1 -> new ResultColumn.TableStar(S, name());
            default -> new ResultColumn.Column(S, expr(), alias());
        };
    }

    private FromClause from() {
        TableRef first = tableRef();
        List<FromClause.Join> joins = chance(40) ? list(1, 2, this::join) : List.of();
        return new FromClause(S, first, joins);
    }

    private FromClause.Join join() {
        FromClause.JoinKind kind = pick(FromClause.JoinKind.values());
        boolean natural = kind != FromClause.JoinKind.COMMA && chance(20);
        FromClause.JoinConstraint constraint = null;
        if (!natural && chance(60)) {
            constraint = chance(70)
                    ? new FromClause.JoinConstraint.On(S, expr())
                    : new FromClause.JoinConstraint.Using(S, list(1, 2, this::name));
        }
        return new FromClause.Join(S, new FromClause.JoinOperator(natural, kind), tableRef(), constraint);
    }

    private TableRef tableRef() {
        depth++;
        try {
            int kind = deep() ? 0 : random.nextInt(8);
            return switch (kind) {
                case 5 -> new TableRef.Function(S, qualifiedName(), list(0, 2, this::expr), alias());
                case 6 -> new TableRef.Subquery(S, select(), alias());
                case 7 -> new TableRef.Nested(S, from(), alias());
                default -> {
                    IndexedBy indexedBy = chance(10) ? new IndexedBy(S, chance(50) ? name() : null) : null;
                    yield new TableRef.Table(S, qualifiedName(), alias(), indexedBy);
                }
            };
        } finally {
            depth--;
        }
    }

    // ---- statements

    Stmt statement() {
        depth = 0;
        return switch (random.nextInt(24)) {
            case 0, 1, 2, 3 -> select();
            case 4, 5 -> insert(false);
            case 6, 7 -> update(false);
            case 8 -> delete(false);
            case 9, 10 -> createTable();
            case 11 -> createIndex();
            case 12 ->
                new Stmt.CreateView(
                        S,
                        chance(20),
                        chance(20),
                        qualifiedName(),
                        chance(30) ? list(1, 2, this::name) : List.of(),
                        select());
            case 13 -> createTrigger();
            case 14 ->
                new Stmt.CreateVirtualTable(
                        S,
                        chance(20),
                        qualifiedName(),
                        Name.of("fts5"),
                        chance(80) ? List.of("a", "b UNINDEXED", "tokenize = 'porter'") : null);
            case 15 -> new Stmt.Drop(S, pick(Stmt.ObjectType.values()), chance(50), qualifiedName());
            case 16 -> alter();
            case 17 -> transaction();
            case 18 -> pragma();
            case 19 ->
                new Stmt.Attach(
                        S,
                        new Expr.StringLiteral(S, "f.db"),
                        new Expr.ColumnRef(S, null, null, name()),
                        chance(20) ? new Expr.StringLiteral(S, "k") : null);
            case 20 -> new Stmt.Detach(S, new Expr.ColumnRef(S, null, null, name()));
            case 21 ->
                chance(50)
                        ? new Stmt.Analyze(S, chance(50) ? qualifiedName() : null)
                        : new Stmt.Reindex(S, chance(50) ? qualifiedName() : null);
            case 22 ->
                new Stmt.Vacuum(
                        S,
                        chance(50) ? Name.of("main") : null,
                        chance(50) ? new Expr.StringLiteral(S, "out.db") : null);
            default -> new Stmt.Explain(S, chance(50), chance(50) ? select() : delete(false));
        };
    }

    private Stmt.Insert insert(boolean inTrigger) {
        With with = !inTrigger && chance(10) ? with() : null;
        ConflictResolution orConflict = chance(30) ? pick(ConflictResolution.values()) : null;
        Name alias = !inTrigger || !sqlite340Only ? alias() : null;
        List<Name> columns = chance(50) ? list(1, 3, this::name) : List.of();
        boolean defaultValues = !inTrigger && chance(10);
        Select source = defaultValues ? null : insertSource();
        List<Upsert> upserts = List.of();
        if (!defaultValues && chance(30)) {
            upserts = new ArrayList<>(list(0, 1, () -> upsert(true)));
            if (chance(50)) {
                upserts.add(upsert(false));
            }
            upserts = List.copyOf(upserts);
        }
        List<ResultColumn> returning = !inTrigger && chance(20) ? list(1, 2, this::resultColumn) : List.of();
        return new Stmt.Insert(S, with, orConflict, target(inTrigger), alias, columns, source, upserts, returning);
    }

    /** The table a statement changes; sqlite3 3.40 rejects a schema on it inside a trigger. */
    private QualifiedName target(boolean inTrigger) {
        return inTrigger && sqlite340Only ? new QualifiedName(S, null, name()) : qualifiedName();
    }

    /** A source whose end cannot swallow a following ON CONFLICT (a FROM list would take ON as a join). */
    private Select insertSource() {
        if (chance(50)) {
            return new Select(
                    S,
                    null,
                    new SelectCore.Values(S, list(1, 2, () -> list(2, 2, this::expr))),
                    List.of(),
                    List.of(),
                    null);
        }
        List<ResultColumn> columns = list(1, 2, this::resultColumn);
        SelectCore core = new SelectCore.Query(
                S, SelectCore.Distinctness.UNSPECIFIED, columns, from(), expr(), List.of(), null, List.of());
        return new Select(S, null, core, List.of(), List.of(), null);
    }

    private Upsert upsert(boolean withTarget) {
        List<OrderingTerm> target = withTarget
                ? list(
                        1,
                        2,
                        () -> new OrderingTerm(
                                S,
                                new Expr.ColumnRef(S, null, null, name()),
                                OrderingTerm.SortOrder.UNSPECIFIED,
                                OrderingTerm.NullsOrder.UNSPECIFIED))
                : List.of();
        Expr targetWhere = withTarget && chance(30) ? expr() : null;
        Upsert.Action action =
                chance(50) ? new Upsert.DoNothing(S) : new Upsert.DoUpdate(S, setClauses(), chance(40) ? expr() : null);
        return new Upsert(S, target, targetWhere, action);
    }

    private List<SetClause> setClauses() {
        return list(
                1,
                3,
                () -> chance(20)
                        ? new SetClause(S, list(1, 2, this::name), true, expr())
                        : new SetClause(S, List.of(name()), false, expr()));
    }

    private Stmt.Update update(boolean inTrigger) {
        With with = !inTrigger && chance(10) ? with() : null;
        Name alias = !inTrigger || !sqlite340Only ? alias() : null;
        IndexedBy indexedBy = !inTrigger && chance(10) ? new IndexedBy(S, name()) : null;
        FromClause from = chance(20) ? from() : null;
        Expr where = chance(60) ? expr() : null;
        List<ResultColumn> returning = !inTrigger && chance(20) ? list(1, 2, this::resultColumn) : List.of();
        List<OrderingTerm> orderBy = !inTrigger && chance(15) ? list(1, 2, this::orderingTerm) : List.of();
        Limit limit = !inTrigger && chance(15) ? new Limit(S, expr(), null) : null;
        ConflictResolution orConflict = chance(20) ? pick(ConflictResolution.values()) : null;
        return new Stmt.Update(
                S,
                with,
                orConflict,
                target(inTrigger),
                alias,
                indexedBy,
                setClauses(),
                from,
                where,
                returning,
                orderBy,
                limit);
    }

    private Stmt.Delete delete(boolean inTrigger) {
        With with = !inTrigger && chance(10) ? with() : null;
        Name alias = !inTrigger || !sqlite340Only ? alias() : null;
        Expr where = chance(70) ? expr() : null;
        List<ResultColumn> returning = !inTrigger && chance(20) ? list(1, 2, this::resultColumn) : List.of();
        List<OrderingTerm> orderBy = !inTrigger && chance(15) ? list(1, 2, this::orderingTerm) : List.of();
        Limit limit = !inTrigger && chance(15) ? new Limit(S, expr(), chance(50) ? expr() : null) : null;
        return new Stmt.Delete(S, with, target(inTrigger), alias, null, where, returning, orderBy, limit);
    }

    private Stmt createTable() {
        if (chance(15)) {
            return new Stmt.CreateTable(
                    S, chance(20), chance(20), qualifiedName(), List.of(), List.of(), false, false, select());
        }
        List<ColumnDef> columns = list(1, 4, this::columnDef);
        List<TableConstraint> constraints = chance(40) ? list(1, 2, this::tableConstraint) : List.of();
        return new Stmt.CreateTable(
                S, chance(20), chance(20), qualifiedName(), columns, constraints, chance(20), chance(20), null);
    }

    private ColumnDef columnDef() {
        List<ColumnConstraint> constraints = new ArrayList<>();
        int count = random.nextInt(4);
        for (int i = 0; i < count; i++) {
            ColumnConstraint constraint = columnConstraint(chance(15) ? name() : null);
            // After "AS (expr)" a bare word is the storage kind, so an unnamed GENERATED cannot follow directly.
            if (constraint instanceof ColumnConstraint.Generated next
                    && next.name() == null
                    && !constraints.isEmpty()
                    && constraints.getLast() instanceof ColumnConstraint.Generated previous
                    && previous.storage() == ColumnConstraint.Storage.UNSPECIFIED) {
                constraints.set(
                        constraints.size() - 1,
                        new ColumnConstraint.Generated(
                                S, previous.name(), previous.expr(), ColumnConstraint.Storage.STORED));
            }
            constraints.add(constraint);
        }
        return new ColumnDef(S, name(), chance(80) ? typeName() : null, List.copyOf(constraints));
    }

    private ColumnConstraint columnConstraint(Name cname) {
        return switch (random.nextInt(11)) {
            case 0 ->
                new ColumnConstraint.PrimaryKey(
                        S,
                        cname,
                        pick(OrderingTerm.SortOrder.values()),
                        chance(30) ? pick(ConflictResolution.values()) : null,
                        chance(20));
            case 1 -> new ColumnConstraint.NotNull(S, cname, chance(30) ? pick(ConflictResolution.values()) : null);
            case 2 -> new ColumnConstraint.Nullable(S, cname, null);
            case 3 -> new ColumnConstraint.Unique(S, cname, chance(30) ? pick(ConflictResolution.values()) : null);
            case 4 -> new ColumnConstraint.Check(S, cname, expr());
            case 5 -> defaultConstraint(cname);
            case 6 -> new ColumnConstraint.Collate(S, cname, Name.of("nocase"));
            case 7 -> new ColumnConstraint.References(S, cname, foreignKeyClause());
            case 8 -> new ColumnConstraint.Generated(S, cname, expr(), pick(ColumnConstraint.Storage.values()));
            case 9 -> new ColumnConstraint.Deferrable(S, cname != null ? cname : Name.of("d"), deferral());
            default -> new ColumnConstraint.NotNull(S, cname, null);
        };
    }

    private ColumnConstraint defaultConstraint(Name cname) {
        return switch (random.nextInt(4)) {
            case 0 -> new ColumnConstraint.Default(S, cname, expr(), true);
            case 1 ->
                new ColumnConstraint.Default(
                        S,
                        cname,
                        new Expr.Unary(
                                S,
                                chance(50) ? Expr.UnaryOp.NEGATE : Expr.UnaryOp.PLUS,
                                new Expr.NumericLiteral(S, "1")),
                        false);
            case 2 -> new ColumnConstraint.Default(S, cname, new Expr.ColumnRef(S, null, null, Name.of("abc")), false);
            default -> new ColumnConstraint.Default(S, cname, leafLiteral(), false);
        };
    }

    private Expr leafLiteral() {
        return switch (random.nextInt(4)) {
            case 0 -> new Expr.NumericLiteral(S, "42");
            case 1 -> new Expr.StringLiteral(S, "x");
            case 2 -> new Expr.NullLiteral(S);
            default -> new Expr.CurrentTime(S, Expr.CurrentTimeKind.CURRENT_TIMESTAMP);
        };
    }

    private ForeignKeyClause foreignKeyClause() {
        List<ForeignKeyClause.Arg> args = list(
                0,
                2,
                () -> chance(80)
                        ? new ForeignKeyClause.OnAction(
                                S, pick(ForeignKeyClause.Event.values()), pick(ForeignKeyClause.Action.values()))
                        : new ForeignKeyClause.Match(S, Name.of("full")));
        return new ForeignKeyClause(
                S, name(), chance(50) ? list(1, 2, this::name) : List.of(), args, chance(30) ? deferral() : null);
    }

    private ForeignKeyClause.Deferral deferral() {
        return new ForeignKeyClause.Deferral(S, chance(30), pick(ForeignKeyClause.Initially.values()));
    }

    private TableConstraint tableConstraint() {
        Name cname = chance(30) ? name() : null;
        return switch (random.nextInt(4)) {
            case 0 ->
                new TableConstraint.PrimaryKey(
                        S,
                        cname,
                        list(1, 2, this::orderingTerm),
                        chance(10),
                        chance(30) ? pick(ConflictResolution.values()) : null);
            case 1 -> new TableConstraint.Unique(S, cname, list(1, 2, this::orderingTerm), null);
            case 2 -> new TableConstraint.Check(S, cname, expr(), null);
            default -> new TableConstraint.ForeignKey(S, cname, list(1, 2, this::name), foreignKeyClause());
        };
    }

    private Stmt createIndex() {
        return new Stmt.CreateIndex(
                S,
                chance(30),
                chance(20),
                qualifiedName(),
                name(),
                list(1, 3, this::orderingTerm),
                chance(30) ? expr() : null);
    }

    private Stmt createTrigger() {
        Stmt.TriggerEvent event = pick(Stmt.TriggerEvent.values());
        List<Name> updateOf = event == Stmt.TriggerEvent.UPDATE && chance(40) ? list(1, 2, this::name) : List.of();
        List<Stmt> body = list(1, 3, () -> switch (random.nextInt(4)) {
            case 0 -> insert(true);
            case 1 -> update(true);
            case 2 -> delete(true);
            default -> select();
        });
        return new Stmt.CreateTrigger(
                S,
                chance(20),
                chance(20),
                qualifiedName(),
                pick(Stmt.TriggerTime.values()),
                event,
                updateOf,
                new QualifiedName(S, null, name()),
                chance(50),
                chance(30) ? expr() : null,
                body);
    }

    private Stmt alter() {
        AlterAction action = switch (random.nextInt(4)) {
            case 0 -> new AlterAction.RenameTable(S, name());
            case 1 -> new AlterAction.RenameColumn(S, name(), name());
            case 2 -> new AlterAction.AddColumn(S, columnDef());
            default -> new AlterAction.DropColumn(S, name());
        };
        return new Stmt.AlterTable(S, qualifiedName(), action);
    }

    private Stmt transaction() {
        return switch (random.nextInt(6)) {
            case 0 -> {
                Stmt.TransactionType type = pick(Stmt.TransactionType.values());
                if (sqlite340Only && type == Stmt.TransactionType.CONCURRENT) {
                    type = Stmt.TransactionType.DEFERRED;
                }
                yield new Stmt.Begin(S, type);
            }
            case 1 -> new Stmt.Commit(S);
            case 2 -> new Stmt.Rollback(S, chance(50) ? name() : null);
            case 3 -> new Stmt.Savepoint(S, name());
            default -> new Stmt.Release(S, name());
        };
    }

    private Stmt pragma() {
        Expr value = switch (random.nextInt(5)) {
            case 0 -> null;
            case 1 -> new Expr.NumericLiteral(S, "100");
            case 2 -> new Expr.Unary(S, Expr.UnaryOp.NEGATE, new Expr.NumericLiteral(S, "2000"));
            case 3 -> new Expr.StringLiteral(S, "wal");
            default ->
                new Expr.ColumnRef(S, null, null, Name.of(pick(new String[] {"ON", "off", "DELETE", "DEFAULT"})));
        };
        return new Stmt.Pragma(S, qualifiedName(), value);
    }
}
