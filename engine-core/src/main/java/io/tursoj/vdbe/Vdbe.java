package io.tursoj.vdbe;

import io.tursoj.api.ErrorCode;
import io.tursoj.api.StepResult;
import io.tursoj.api.TursoException;
import io.tursoj.function.Accumulator;
import io.tursoj.function.FunctionContext;
import io.tursoj.function.FunctionDef;
import io.tursoj.io.Completion;
import io.tursoj.io.IOResult;
import io.tursoj.io.RandomSource;
import io.tursoj.storage.DatabaseBusyException;
import io.tursoj.storage.btree.BTreeCursor;
import io.tursoj.storage.btree.KeyInfo;
import io.tursoj.storage.btree.SearchKey;
import io.tursoj.storage.btree.SeekOp;
import io.tursoj.storage.format.DatabaseHeader;
import io.tursoj.storage.format.RecordBuilder;
import io.tursoj.storage.format.RecordReader;
import io.tursoj.vdbe.value.Affinity;
import io.tursoj.vdbe.value.Arithmetic;
import io.tursoj.vdbe.value.Cast;
import io.tursoj.vdbe.value.Collations;
import io.tursoj.vdbe.value.Compare;
import io.tursoj.vdbe.value.EvaluationException;
import io.tursoj.vdbe.value.Logic;
import io.tursoj.vdbe.value.Register;
import io.tursoj.vdbe.value.Value;
import io.tursoj.vdbe.value.ValueType;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * Runs one {@link Program}. {@link #step()} executes instructions until a row is ready, the program halts, or an
 * operation needs I/O: then it returns {@link StepResult#IO} with the program counter still on that instruction,
 * and the next call re-runs it, which resumes the b-tree or pager operation where it stopped (their operations are
 * resumable by contract). Registers are allocated once per statement and reused for every row.
 */
public final class Vdbe implements FunctionContext {
    /** p5 of comparisons: jump when either operand is NULL. */
    public static final int JUMP_IF_NULL = 0x10;
    /** p5 of comparisons: NULL = NULL is true (IS / IS NOT). */
    public static final int NULL_EQ = 0x80;
    /** p5 of comparisons: store the result in register p2 instead of jumping. */
    public static final int STORE_RESULT = 0x20;
    /** p5 of OpenRead/OpenWrite: p2 names a register holding the root page. */
    public static final int ROOT_IN_REGISTER = 0x10;
    /** p5 of Insert: count the row in changes(). */
    public static final int COUNT_CHANGE = 0x01;
    /** p5 of Insert: set last_insert_rowid(). */
    public static final int SET_LAST_ROWID = 0x02;
    /** p2 of Halt/HaltIfNull: what a constraint error undoes (SQLite's OE_ values). */
    public static final int OE_ROLLBACK = 1;

    public static final int OE_ABORT = 2;
    public static final int OE_FAIL = 3;

    private final Program program;
    private final VdbeHost host;
    private final Register[] regs;
    private final VdbeCursor[] cursors;
    private final Accumulator[] accumulators;
    private final Register[] argScratch = new Register[16];
    private final Register scratch = new Register();
    private final RecordBuilder recordBuilder = new RecordBuilder();
    private final SearchKey searchKey = new SearchKey();
    private final Value[] bound;
    private int pc;
    private boolean halted;
    private boolean startedTransaction;
    private boolean wroteSomething;
    private Completion pending;
    private int resultStart;
    private int resultCount;
    private long seekRowidValue;
    private boolean committing;
    private long changes;
    private final boolean countsChanges;
    /** The pager savepoint level of this statement's changes inside a transaction, or 0. */
    private int statementLevel;
    /** The conflict resolution of the error being raised (an {@code OE_} value). */
    private int errorAction = OE_ABORT;
    /** A FAIL error raised in autocommit mode, thrown once the statement's earlier changes are committed. */
    private TursoException failAfterCommit;

    private boolean savepointCommitting;

    public Vdbe(Program program, VdbeHost host) {
        this.program = program;
        this.host = host;
        this.regs = new Register[program.registerCount()];
        for (int i = 0; i < regs.length; i++) {
            regs[i] = new Register();
        }
        this.cursors = new VdbeCursor[program.cursorCount()];
        this.accumulators = new Accumulator[program.registerCount()];
        this.bound = new Value[program.parameterCount() + 1];
        boolean counts = false;
        for (Insn in : program.insns()) {
            counts |= (in.opcode == Opcode.Insert || in.opcode == Opcode.Delete) && (in.p5 & COUNT_CHANGE) != 0;
        }
        this.countsChanges = counts;
        Arrays.fill(bound, Value.NULL);
    }

    public Program program() {
        return program;
    }

    /** The completion the last {@link StepResult#IO} waits for. */
    public Completion pendingCompletion() {
        return pending;
    }

    public void bind(int index, Value value) {
        if (index < 1 || index >= bound.length) {
            throw new TursoException(ErrorCode.RANGE, "column index out of range");
        }
        bound[index] = value;
    }

    public void clearBindings() {
        Arrays.fill(bound, Value.NULL);
    }

    public Register column(int i) {
        return regs[resultStart + i];
    }

    public int resultColumnCount() {
        return resultCount;
    }

    /** Rows changed by this run (for changes()). */
    public long statementChanges() {
        return changes;
    }

    public boolean isHalted() {
        return halted;
    }

    /** Rewinds the program so it can run again; an unfinished transaction of its own is rolled back. */
    public void reset() {
        if (!halted && pc > 0) {
            abort();
        }
        closeCursors();
        pc = 0;
        halted = false;
        committing = false;
        changes = 0;
        wroteSomething = false;
        startedTransaction = false;
        ownsTransaction = false;
        errorAction = OE_ABORT;
        failAfterCommit = null;
        savepointCommitting = false;
        Arrays.fill(accumulators, null);
    }

    /** Runs until a row, the end, I/O or an error (thrown as {@link TursoException}). */
    public StepResult step() {
        if (halted) {
            return StepResult.DONE;
        }
        try {
            return run();
        } catch (TursoException e) {
            if (!halted) {
                abort();
            }
            throw e;
        } catch (DatabaseBusyException e) {
            return StepResult.BUSY;
        } catch (EvaluationException e) {
            abort();
            throw new TursoException(ErrorCode.ERROR, e.getMessage(), e);
        } catch (IOException e) {
            abort();
            throw new TursoException(ErrorCode.IOERR, "disk I/O error: " + e.getMessage(), e);
        }
    }

    private void abort() {
        halted = true;
        closeCursors();
        if (!ownsTransaction) {
            // Stopped before it claimed the transaction (SQLITE_BUSY): the pager belongs to another connection.
            errorAction = OE_ABORT;
            statementLevel = 0;
            return;
        }
        int action = errorAction;
        errorAction = OE_ABORT;
        boolean inWrite = host.pager().inWriteTransaction();
        boolean kept = false;
        if ((inWrite && (host.autocommit() || (wroteSomething && statementLevel == 0)))
                || (action == OE_ROLLBACK && !host.autocommit())) {
            if (inWrite) {
                host.pager().rollback();
            }
            host.setAutocommit(true);
            host.schemaChanged();
        } else if (statementLevel > 0 && host.pager().inWriteTransaction()) {
            // The statement journal: ABORT undoes this statement only, FAIL keeps what it did before the error.
            if (action != OE_FAIL) {
                host.pager().rollbackToSavepoint(statementLevel);
                if (wroteSomething) {
                    host.schemaChanged();
                }
            }
            host.pager().releaseSavepoint(statementLevel);
            kept = action == OE_FAIL;
        }
        if (countsChanges) {
            host.addChanges(kept ? changes : 0);
        }
        statementLevel = 0;
        if (host.autocommit()) {
            endTransaction();
        }
    }

    private void endTransaction() {
        if (!host.pager().inWriteTransaction()) {
            host.pager().endRead();
            host.releaseTransaction();
        }
    }

    private void closeCursors() {
        for (int i = 0; i < cursors.length; i++) {
            if (cursors[i] != null) {
                cursors[i].close();
                cursors[i] = null;
            }
        }
    }

    private boolean waits(IOResult<?> r) {
        if (r instanceof IOResult.Pending<?>(Completion c)) {
            pending = c;
            return true;
        }
        return false;
    }

    private StepResult run() throws IOException {
        var insns = program.insns();
        for (; ; ) {
            if (host.interrupted()) {
                abort();
                return StepResult.INTERRUPT;
            }
            Insn in = insns.get(pc);
            switch (in.opcode) {
                case Init, Goto -> {
                    pc = in.p2;
                    continue;
                }
                case Halt -> {
                    return halt(in);
                }
                case HaltIfNull -> {
                    if (regs[in.p3].isNull()) {
                        return halt(in);
                    }
                }
                case Transaction -> {
                    StepResult r = transaction(in.p2 != 0);
                    if (r != null) {
                        return r;
                    }
                }
                case AutoCommit -> {
                    return autoCommit(in);
                }
                case Savepoint -> {
                    return savepoint(in);
                }
                case OpenRead, OpenWrite -> openCursor(in);
                case OpenEphemeral ->
                    cursors[in.p1] = new VdbeCursor(new MemoryTable((Specs.Keys) in.p4, true), (Specs.Keys) in.p4);
                case SorterOpen ->
                    cursors[in.p1] = new VdbeCursor(new MemoryTable((Specs.Keys) in.p4, false), (Specs.Keys) in.p4);
                case Close -> {
                    if (cursors[in.p1] != null) {
                        cursors[in.p1].close();
                        cursors[in.p1] = null;
                    }
                }
                case Rewind, Last -> {
                    VdbeCursor c = cursors[in.p1];
                    if (c.memory != null) {
                        // A materialized subquery scanned like a table: its rows in their stored order.
                        c.nullRow = false;
                        c.eof = !c.memory.sortAndRewind();
                        pc = c.eof ? in.p2 : pc + 1;
                        continue;
                    }
                    IOResult<Boolean> r = in.opcode == Opcode.Rewind ? c.btree.first() : c.btree.last();
                    if (waits(r)) {
                        return StepResult.IO;
                    }
                    c.moved();
                    c.eof = !r.value();
                    if (c.eof) {
                        pc = in.p2;
                        continue;
                    }
                }
                case Next, Prev -> {
                    VdbeCursor c = cursors[in.p1];
                    if (c.eof || c.nullRow) {
                        c.eof = true;
                        pc++;
                        continue;
                    }
                    if (c.memory != null) {
                        c.eof = !c.memory.next();
                        pc = c.eof ? pc + 1 : in.p2;
                        continue;
                    }
                    IOResult<Boolean> r = in.opcode == Opcode.Next ? c.btree.next() : c.btree.prev();
                    if (waits(r)) {
                        return StepResult.IO;
                    }
                    c.moved();
                    c.eof = !r.value();
                    if (!c.eof) {
                        pc = in.p2;
                        continue;
                    }
                }
                case NullRow -> {
                    cursors[in.p1].nullRow = true;
                    cursors[in.p1].record = null;
                }
                case Column -> {
                    if (column(in)) {
                        return StepResult.IO;
                    }
                }
                case Rowid, IdxRowid -> {
                    VdbeCursor c = cursors[in.p1];
                    if (c.nullRow || c.memory != null) {
                        regs[in.p2].setNull();
                    } else if (c.btree.isTable()) {
                        regs[in.p2].setLong(c.btree.rowid());
                    } else {
                        if (loadRecord(c)) {
                            return StepResult.IO;
                        }
                        regs[in.p2].setLong(c.record.longValue(c.record.columnCount() - 1));
                    }
                }
                case ResultRow -> {
                    resultStart = in.p1;
                    resultCount = in.p2;
                    pc++;
                    return StepResult.ROW;
                }
                case Integer -> regs[in.p2].setLong(in.p1);
                case Int64 -> regs[in.p2].setLong((Long) in.p4);
                case Real -> regs[in.p2].setDouble((Double) in.p4);
                case String8 -> regs[in.p2].setText((String) in.p4);
                case Blob -> regs[in.p2].setBlob((byte[]) in.p4);
                case Null -> {
                    for (int r = in.p2; r <= Math.max(in.p2, in.p3); r++) {
                        regs[r].setNull();
                    }
                }
                case Variable -> regs[in.p2].set(bound[in.p1]);
                case Copy, SCopy -> {
                    for (int i = 0; i <= in.p3; i++) {
                        regs[in.p2 + i].copyFrom(regs[in.p1 + i]);
                    }
                }
                case Move -> {
                    for (int i = 0; i < in.p3; i++) {
                        regs[in.p2 + i].copyFrom(regs[in.p1 + i]);
                        regs[in.p1 + i].setNull();
                    }
                }
                case Add -> Arithmetic.apply(Arithmetic.Op.ADD, regs[in.p1], regs[in.p2], regs[in.p3]);
                case Subtract -> Arithmetic.apply(Arithmetic.Op.SUBTRACT, regs[in.p2], regs[in.p1], regs[in.p3]);
                case Multiply -> Arithmetic.apply(Arithmetic.Op.MULTIPLY, regs[in.p1], regs[in.p2], regs[in.p3]);
                case Divide -> Arithmetic.apply(Arithmetic.Op.DIVIDE, regs[in.p2], regs[in.p1], regs[in.p3]);
                case Remainder -> Arithmetic.apply(Arithmetic.Op.REMAINDER, regs[in.p2], regs[in.p1], regs[in.p3]);
                case Concat -> Arithmetic.concat(regs[in.p2], regs[in.p1], regs[in.p3]);
                case BitAnd -> Arithmetic.bitwise(Arithmetic.BitOp.AND, regs[in.p1], regs[in.p2], regs[in.p3]);
                case BitOr -> Arithmetic.bitwise(Arithmetic.BitOp.OR, regs[in.p1], regs[in.p2], regs[in.p3]);
                case ShiftLeft ->
                    Arithmetic.bitwise(Arithmetic.BitOp.SHIFT_LEFT, regs[in.p2], regs[in.p1], regs[in.p3]);
                case ShiftRight ->
                    Arithmetic.bitwise(Arithmetic.BitOp.SHIFT_RIGHT, regs[in.p2], regs[in.p1], regs[in.p3]);
                case BitNot -> Arithmetic.bitNot(regs[in.p1], regs[in.p2]);
                case Not -> Logic.store(Logic.not(Logic.truth(regs[in.p1])), regs[in.p2]);
                case And -> Logic.store(Logic.and(Logic.truth(regs[in.p1]), Logic.truth(regs[in.p2])), regs[in.p3]);
                case Or -> Logic.store(Logic.or(Logic.truth(regs[in.p1]), Logic.truth(regs[in.p2])), regs[in.p3]);
                case IsTrue -> {
                    int t = Logic.truth(regs[in.p1]);
                    boolean v = t == Logic.UNKNOWN ? in.p3 != 0 : (t == Logic.TRUE) ^ (in.p5 != 0);
                    regs[in.p2].setLong(v ? 1 : 0);
                }
                case Eq, Ne, Lt, Le, Gt, Ge -> {
                    if (compare(in)) {
                        pc = in.p2;
                        continue;
                    }
                }
                case If, IfNot -> {
                    int t = Logic.truth(regs[in.p1]);
                    boolean jump = t == Logic.UNKNOWN ? in.p3 != 0 : (t == Logic.TRUE) == (in.opcode == Opcode.If);
                    if (jump) {
                        pc = in.p2;
                        continue;
                    }
                }
                case IsNull, NotNull -> {
                    if (regs[in.p1].isNull() == (in.opcode == Opcode.IsNull)) {
                        pc = in.p2;
                        continue;
                    }
                }
                case Function -> function(in);
                case AggStep -> aggStep(in);
                case AggFinal -> {
                    Accumulator a = accumulators[in.p1];
                    if (a == null) {
                        a = ((FunctionDef) in.p4).aggregate().newAccumulator();
                    }
                    a.finish(this, regs[in.p1]);
                    accumulators[in.p1] = null;
                }
                case MakeRecord -> makeRecord(in);
                case Affinity -> {
                    String aff = (String) in.p4;
                    for (int i = 0; i < in.p2; i++) {
                        Affinity.ofCode(aff.charAt(i)).apply(regs[in.p1 + i]);
                    }
                }
                case Cast -> Cast.apply(regs[in.p1], (String) in.p4);
                case RealAffinity -> Affinity.realAffinity(regs[in.p1]);
                case NewRowid -> {
                    if (newRowid(in)) {
                        return StepResult.IO;
                    }
                }
                case Insert -> {
                    if (insert(in)) {
                        return StepResult.IO;
                    }
                }
                case IdxInsert -> {
                    if (cursors[in.p1].memory != null) {
                        cursors[in.p1].memory.insert(rowValues(in.p2, in.p3));
                        pc++;
                        continue;
                    }
                    Register rec = regs[in.p2];
                    IOResult<Void> r = cursors[in.p1].btree.insert(MemorySegment.ofArray(rec.bytes()), 0, rec.length());
                    if (waits(r)) {
                        return StepResult.IO;
                    }
                    cursors[in.p1].moved();
                    wroteSomething = true;
                }
                case Delete -> {
                    IOResult<Void> r = cursors[in.p1].btree.delete();
                    if (waits(r)) {
                        return StepResult.IO;
                    }
                    cursors[in.p1].moved();
                    wroteSomething = true;
                    if ((in.p5 & COUNT_CHANGE) != 0) {
                        changes++;
                    }
                }
                case IdxDelete -> {
                    if (idxDelete(in)) {
                        return StepResult.IO;
                    }
                }
                case SeekRowid, NotExists -> {
                    Register key = regs[in.p3];
                    VdbeCursor c = cursors[in.p1];
                    if (in.opcode == Opcode.SeekRowid && !rowidOf(key)) {
                        c.nullRow = true;
                        pc = in.p2;
                        continue;
                    }
                    long rowid = in.opcode == Opcode.SeekRowid ? seekRowidValue : key.asLong();
                    IOResult<Boolean> r = c.btree.seek(rowid, SeekOp.EQ);
                    if (waits(r)) {
                        return StepResult.IO;
                    }
                    c.moved();
                    c.eof = !r.value();
                    if (c.eof) {
                        c.nullRow = true;
                        pc = in.p2;
                        continue;
                    }
                }
                case SeekGE, SeekGT, SeekLE, SeekLT -> {
                    int r = seek(in);
                    if (r < 0) {
                        return StepResult.IO;
                    }
                    if (r == 0) {
                        pc = in.p2;
                        continue;
                    }
                }
                case IdxGE, IdxGT, IdxLE, IdxLT -> {
                    int r = idxCompare(in);
                    if (r == Integer.MIN_VALUE) {
                        return StepResult.IO;
                    }
                    boolean jump = switch (in.opcode) {
                        case IdxGE -> r >= 0;
                        case IdxGT -> r > 0;
                        case IdxLE -> r <= 0;
                        default -> r < 0;
                    };
                    if (jump) {
                        pc = in.p2;
                        continue;
                    }
                }
                case Found, NotFound, NoConflict -> {
                    int r = found(in);
                    if (r < 0) {
                        return StepResult.IO;
                    }
                    boolean jump = in.opcode == Opcode.Found ? r == 1 : r == 0;
                    if (jump) {
                        pc = in.p2;
                        continue;
                    }
                }
                case SorterInsert -> cursors[in.p1].memory.insert(rowValues(in.p2, in.p3));
                case SorterSort -> {
                    VdbeCursor c = cursors[in.p1];
                    c.eof = !c.memory.sortAndRewind();
                    if (c.eof) {
                        pc = in.p2;
                        continue;
                    }
                }
                case SorterNext -> {
                    VdbeCursor c = cursors[in.p1];
                    c.eof = !c.memory.next();
                    if (!c.eof) {
                        pc = in.p2;
                        continue;
                    }
                }
                case DecrJumpZero -> {
                    Register r = regs[in.p1];
                    r.setLong(r.asLong() - 1);
                    if (r.asLong() == 0) {
                        pc = in.p2;
                        continue;
                    }
                }
                case IfPos -> {
                    Register r = regs[in.p1];
                    if (r.asLong() > 0) {
                        r.setLong(r.asLong() - in.p3);
                        pc = in.p2;
                        continue;
                    }
                }
                case MustBeInt -> mustBeInt(regs[in.p1]);
                case Gosub -> {
                    regs[in.p1].setLong(pc + 1);
                    pc = in.p2;
                    continue;
                }
                case Return -> {
                    pc = (int) regs[in.p1].asLong();
                    continue;
                }
                case Once -> {
                    if (regs[in.p1].type() == ValueType.INTEGER) {
                        pc = in.p2;
                        continue;
                    }
                    regs[in.p1].setLong(1);
                }
                case CreateBtree -> {
                    IOResult<Integer> r = host.btree().createTree(in.p3 == 1);
                    if (waits(r)) {
                        return StepResult.IO;
                    }
                    regs[in.p2].setLong(r.value());
                    wroteSomething = true;
                }
                case SetCookie -> {
                    MemorySegment h = host.pager().header();
                    host.pager().markDirty(host.pager().page1());
                    DatabaseHeader.setSchemaCookie(h, DatabaseHeader.schemaCookie(h) + 1);
                }
                case ParseSchema, DropSchema -> host.schemaChanged();
                case Pragma -> {
                    int r = (pragmas == null ? pragmas = new PragmaOps(host) : pragmas).step(in, regs);
                    if (r < 0) {
                        pending = pragmas.pending();
                        return StepResult.IO;
                    }
                    if (r > 0) {
                        pc = in.p2;
                        continue;
                    }
                }
                case Destroy -> {
                    if (destroy(in)) {
                        return StepResult.IO;
                    }
                }
                case Compare, Jump, Noop -> {}
            }
            pc++;
        }
    }

    private StepResult transaction(boolean write) throws IOException {
        if (!host.acquireTransaction(write)) {
            return StepResult.BUSY;
        }
        ownsTransaction = true;
        if (write && !host.pager().inWriteTransaction()) {
            IOResult<Void> r = host.pager().beginWrite();
            if (waits(r)) {
                return StepResult.IO;
            }
            startedTransaction = true;
        } else if (!write) {
            host.pager().beginRead();
        }
        if (write && !host.autocommit() && statementLevel == 0) {
            host.savepoints().bindLevels(host.pager());
            statementLevel = host.pager().openSavepoint();
        }
        return null;
    }

    private StepResult halt(Insn in) throws IOException {
        if (in.p1 != 0 && failAfterCommit == null) {
            TursoException error = haltError(in);
            if (in.p2 != OE_FAIL || !host.autocommit() || !host.pager().inWriteTransaction()) {
                throw error;
            }
            failAfterCommit = error; // FAIL in autocommit: the rows written before the error are committed
        }
        closeCursors();
        if (statementLevel > 0) {
            host.pager().releaseSavepoint(statementLevel);
            statementLevel = 0;
        }
        if (host.autocommit()) {
            if (host.pager().inWriteTransaction()) {
                committing = true;
                IOResult<Void> r = host.pager().commit();
                if (waits(r)) {
                    return StepResult.IO;
                }
            }
            endTransaction();
        }
        if (countsChanges) {
            host.addChanges(changes);
        }
        halted = true;
        if (failAfterCommit != null) {
            throw failAfterCommit;
        }
        return StepResult.DONE;
    }

    private StepResult savepoint(Insn in) throws IOException {
        if (!savepointCommitting) {
            if (!host.savepoints().apply(in.p1, (String) in.p4, host)) {
                halted = true;
                return StepResult.DONE;
            }
            savepointCommitting = true;
        }
        if (host.pager().inWriteTransaction()) {
            IOResult<Void> r = host.pager().commit();
            if (waits(r)) {
                return StepResult.IO;
            }
        }
        host.setAutocommit(true);
        host.pager().endRead();
        host.releaseTransaction();
        halted = true;
        return StepResult.DONE;
    }

    private StepResult autoCommit(Insn in) throws IOException {
        boolean on = in.p1 != 0;
        if (!on) {
            if (!host.autocommit()) {
                throw new TursoException(ErrorCode.ERROR, "cannot start a transaction within a transaction");
            }
            host.setAutocommit(false);
            if (in.p3 != 0) {
                // IMMEDIATE/EXCLUSIVE: claim the write transaction now, even while another connection writes.
                if (!host.acquireTransaction(true)) {
                    host.setAutocommit(true);
                    return StepResult.BUSY;
                }
                ownsTransaction = true;
            }
            if (in.p3 != 0 && !host.pager().inWriteTransaction()) {
                IOResult<Void> r = host.pager().beginWrite();
                if (waits(r)) {
                    host.setAutocommit(true);
                    return StepResult.IO;
                }
            }
            halted = true;
            return StepResult.DONE;
        }
        if (host.autocommit()) {
            String what = in.p2 != 0 ? "rollback" : "commit";
            throw new TursoException(ErrorCode.ERROR, "cannot " + what + " - no transaction is active");
        }
        if (in.p2 != 0) {
            if (host.pager().inWriteTransaction()) {
                host.pager().rollback();
                host.schemaChanged();
            }
        } else if (host.pager().inWriteTransaction()) {
            IOResult<Void> r = host.pager().commit();
            if (waits(r)) {
                return StepResult.IO;
            }
        }
        host.setAutocommit(true);
        host.pager().endRead();
        host.releaseTransaction();
        halted = true;
        return StepResult.DONE;
    }

    private TursoException haltError(Insn in) {
        errorAction = in.p2 == OE_ROLLBACK || in.p2 == OE_FAIL ? in.p2 : OE_ABORT;
        if (in.p4 instanceof Specs.HaltError(int code, String message)) {
            for (ErrorCode c : ErrorCode.values()) {
                if (c.code() == code) {
                    return new TursoException(c, message);
                }
            }
        }
        return new TursoException(ErrorCode.ERROR, String.valueOf(in.p4));
    }

    private void openCursor(Insn in) {
        int root = (in.p5 & ROOT_IN_REGISTER) != 0 ? (int) regs[in.p2].asLong() : in.p2;
        Specs.Keys keys = in.p4 instanceof Specs.Keys k ? k : null;
        BTreeCursor c =
                keys == null ? host.btree().openTableCursor(root) : host.btree().openIndexCursor(root, keyInfo(keys));
        if (cursors[in.p1] != null) {
            cursors[in.p1].close();
        }
        cursors[in.p1] = new VdbeCursor(c, keys);
    }

    static KeyInfo keyInfo(Specs.Keys keys) {
        io.tursoj.storage.btree.Collation[] colls = new io.tursoj.storage.btree.Collation[keys.size() + 1];
        boolean[] desc = new boolean[keys.size() + 1];
        for (int i = 0; i < keys.size(); i++) {
            colls[i] = StorageCollations.of(keys.collationNames().get(i));
            desc[i] = keys.descending()[i];
        }
        colls[keys.size()] = io.tursoj.storage.btree.Collation.BINARY;
        return new KeyInfo(colls, desc);
    }

    private boolean loadRecord(VdbeCursor c) throws IOException {
        if (c.record == null) {
            IOResult<RecordReader> r = c.btree.record();
            if (waits(r)) {
                return true;
            }
            c.record = r.value();
        }
        return false;
    }

    private boolean column(Insn in) throws IOException {
        VdbeCursor c = cursors[in.p1];
        Register out = regs[in.p3];
        if (c.nullRow || c.eof && c.memory == null) {
            out.setNull();
            return false;
        }
        if (c.memory != null) {
            Value[] row = c.memoryRow();
            out.set(in.p2 < row.length ? row[in.p2] : Value.NULL);
            return false;
        }
        if (loadRecord(c)) {
            return true;
        }
        if (in.p2 < c.record.columnCount()) {
            ValueOrder.load(c.record, in.p2, out);
        } else if (in.p4 instanceof Value v) {
            out.set(v);
        } else {
            out.setNull();
        }
        return false;
    }

    private boolean compare(Insn in) {
        Register left = regs[in.p3];
        Register right = regs[in.p1];
        Specs.Comparison spec = (Specs.Comparison) in.p4;
        Compare.Op op = switch (in.opcode) {
            case Eq -> Compare.Op.EQ;
            case Ne -> Compare.Op.NE;
            case Lt -> Compare.Op.LT;
            case Le -> Compare.Op.LE;
            case Gt -> Compare.Op.GT;
            default -> Compare.Op.GE;
        };
        boolean nullEq = (in.p5 & NULL_EQ) != 0;
        int t = Compare.evaluate(
                op,
                left,
                right,
                spec == null ? Affinity.BLOB : spec.affinity(),
                spec == null ? Collations.BINARY : spec.collation(),
                nullEq);
        if ((in.p5 & STORE_RESULT) != 0) {
            Logic.store(t, regs[in.p2]);
            return false;
        }
        if (t == Logic.UNKNOWN) {
            return (in.p5 & JUMP_IF_NULL) != 0;
        }
        return t == Logic.TRUE;
    }

    private Register[] args(int first, int n) {
        Register[] a = n <= argScratch.length ? argScratch : new Register[n];
        for (int i = 0; i < n; i++) {
            a[i] = regs[first + i];
        }
        for (int i = n; i < a.length; i++) {
            a[i] = null;
        }
        return n == a.length ? a : Arrays.copyOf(a, n);
    }

    private void function(Insn in) {
        FunctionDef def = (FunctionDef) in.p4;
        def.scalar().invoke(this, args(in.p2, in.p5), scratch);
        regs[in.p3].copyFrom(scratch);
    }

    private void aggStep(Insn in) {
        FunctionDef def = (FunctionDef) in.p4;
        Accumulator a = accumulators[in.p3];
        if (a == null) {
            a = def.aggregate().newAccumulator();
            accumulators[in.p3] = a;
        }
        a.step(this, args(in.p2, in.p5));
    }

    private void makeRecord(Insn in) {
        recordBuilder.reset();
        String aff = in.p4 instanceof String s ? s : null;
        for (int i = 0; i < in.p2; i++) {
            Register r = regs[in.p1 + i];
            if (aff != null) {
                Affinity.ofCode(aff.charAt(i)).apply(r);
            }
            switch (r.type()) {
                case NULL -> recordBuilder.addNull();
                case INTEGER -> recordBuilder.addLong(r.longRaw());
                case REAL -> recordBuilder.addDouble(r.doubleRaw());
                case TEXT -> recordBuilder.addTextBytes(Arrays.copyOf(r.bytes(), r.length()));
                case BLOB -> recordBuilder.addBlob(Arrays.copyOf(r.bytes(), r.length()));
            }
        }
        regs[in.p3].setBlob(recordBuilder.toByteArray());
    }

    private Value[] rowValues(int first, int n) {
        Value[] row = new Value[n];
        for (int i = 0; i < n; i++) {
            row[i] = regs[first + i].toValue();
        }
        return row;
    }

    private boolean newRowid(Insn in) throws IOException {
        VdbeCursor c = cursors[in.p1];
        IOResult<Boolean> r = c.btree.last();
        if (waits(r)) {
            return true;
        }
        c.moved();
        long next = 1;
        if (r.value()) {
            long max = c.btree.rowid();
            if (max == Long.MAX_VALUE) {
                throw new TursoException(ErrorCode.FULL, "database or disk is full");
            }
            next = max + 1;
        }
        regs[in.p2].setLong(next);
        return false;
    }

    private boolean insert(Insn in) throws IOException {
        VdbeCursor c = cursors[in.p1];
        Register rec = regs[in.p2];
        long rowid = regs[in.p3].asLong();
        IOResult<Void> r = c.btree.insert(rowid, MemorySegment.ofArray(rec.bytes()), 0, rec.length());
        if (waits(r)) {
            return true;
        }
        c.moved();
        wroteSomething = true;
        if ((in.p5 & COUNT_CHANGE) != 0) {
            changes++;
        }
        if ((in.p5 & SET_LAST_ROWID) != 0) {
            host.setLastInsertRowid(rowid);
        }
        return false;
    }

    private boolean rowidOf(Register key) {
        Register k = key;
        if (k.type() == ValueType.INTEGER) {
            seekRowidValue = k.longRaw();
            return true;
        }
        scratch.copyFrom(k);
        Affinity.NUMERIC.apply(scratch);
        if (scratch.type() == ValueType.INTEGER) {
            seekRowidValue = scratch.longRaw();
            return true;
        }
        if (scratch.type() == ValueType.REAL) {
            double d = scratch.doubleRaw();
            if (d == (long) d) {
                seekRowidValue = (long) d;
                return true;
            }
        }
        return false;
    }

    private void mustBeInt(Register r) {
        if (!rowidOf(r)) {
            throw new TursoException(ErrorCode.MISMATCH, "datatype mismatch");
        }
        r.setLong(seekRowidValue);
    }

    private SearchKey key(int first, int n) {
        searchKey.clear();
        for (int i = 0; i < n; i++) {
            Register r = regs[first + i];
            switch (r.type()) {
                case NULL -> searchKey.addNull();
                case INTEGER -> searchKey.addLong(r.longRaw());
                case REAL -> searchKey.addDouble(r.doubleRaw());
                case TEXT -> searchKey.addText(MemorySegment.ofArray(r.bytes()), 0, r.length());
                case BLOB -> searchKey.addBlob(MemorySegment.ofArray(r.bytes()), 0, r.length());
            }
        }
        return searchKey;
    }

    /** 1: positioned; 0: no entry (jump); -1: waiting for I/O. */
    private int seek(Insn in) throws IOException {
        VdbeCursor c = cursors[in.p1];
        SeekOp op = switch (in.opcode) {
            case SeekGE -> SeekOp.GE;
            case SeekGT -> SeekOp.GT;
            case SeekLE -> SeekOp.LE;
            default -> SeekOp.LT;
        };
        IOResult<Boolean> r;
        if (c.btree.isTable()) {
            Register k = regs[in.p3];
            if (k.isNull()) {
                return 0;
            }
            r = c.btree.seek(tableSeekKey(k, op), op);
        } else {
            r = c.btree.seek(key(in.p3, (Integer) in.p4), op);
        }
        if (waits(r)) {
            return -1;
        }
        c.moved();
        c.eof = !r.value();
        return r.value() ? 1 : 0;
    }

    private static long tableSeekKey(Register k, SeekOp op) {
        if (k.type() == ValueType.INTEGER) {
            return k.longRaw();
        }
        double d = k.asDouble();
        return switch (op) {
            case GE, LT -> (long) Math.ceil(d);
            default -> (long) Math.floor(d);
        };
    }

    /** Compares the index entry's leading fields with the key registers: <0, 0, >0, or MIN_VALUE for I/O. */
    private int idxCompare(Insn in) throws IOException {
        VdbeCursor c = cursors[in.p1];
        if (loadRecord(c)) {
            return Integer.MIN_VALUE;
        }
        int n = (Integer) in.p4;
        for (int i = 0; i < n; i++) {
            ValueOrder.load(c.record, i, scratch);
            int cmp = Compare.compare(
                    scratch, regs[in.p3 + i], c.keys.collations().get(i));
            if (cmp != 0) {
                return c.keys.descending()[i] ? -cmp : cmp;
            }
        }
        return 0;
    }

    /** 1 found, 0 not found, -1 I/O. A key holding NULL is never found by NoConflict. */
    private int found(Insn in) throws IOException {
        VdbeCursor c = cursors[in.p1];
        int n = (Integer) in.p4;
        if (c.memory != null) {
            return c.memory.contains(rowValues(in.p3, n)) ? 1 : 0;
        }
        if (in.opcode == Opcode.NoConflict) {
            for (int i = 0; i < n; i++) {
                if (regs[in.p3 + i].isNull()) {
                    return 0;
                }
            }
        }
        IOResult<Boolean> r = c.btree.seek(key(in.p3, n), SeekOp.EQ);
        if (waits(r)) {
            return -1;
        }
        c.moved();
        c.eof = !r.value();
        return r.value() ? 1 : 0;
    }

    private boolean idxDelete(Insn in) throws IOException {
        VdbeCursor c = cursors[in.p1];
        if (!deletingFound) {
            IOResult<Boolean> r = c.btree.seek(key(in.p2, in.p3), SeekOp.EQ);
            if (waits(r)) {
                return true;
            }
            c.moved();
            if (!r.value()) {
                return false;
            }
            deletingFound = true;
        }
        IOResult<Void> d = c.btree.delete();
        if (waits(d)) {
            return true;
        }
        deletingFound = false;
        c.moved();
        wroteSomething = true;
        return false;
    }

    private boolean deletingFound;
    private BTreeCursor destroying;
    private boolean destroyPositioned;
    private PragmaOps pragmas;
    /** Whether this run claimed the connection's transaction (only then may an abort roll back or end it). */
    private boolean ownsTransaction;

    /**
     * Destroy: deletes every entry of tree p1 (the b-tree frees emptied pages and overflow chains), then frees its
     * root page. p2 is 1 for a table tree; an index tree's key description is p4. Resumable.
     */
    private boolean destroy(Insn in) throws IOException {
        if (destroying == null) {
            destroying = in.p2 == 1
                    ? host.btree().openTableCursor(in.p1)
                    : host.btree().openIndexCursor(in.p1, keyInfo((Specs.Keys) in.p4));
            destroyPositioned = false;
        }
        for (; ; ) {
            if (!destroyPositioned) {
                IOResult<Boolean> r = destroying.first();
                if (waits(r)) {
                    return true;
                }
                if (!r.value()) {
                    break;
                }
                destroyPositioned = true;
            }
            IOResult<Void> d = destroying.delete();
            if (waits(d)) {
                return true;
            }
            destroyPositioned = false;
        }
        destroying.close();
        IOResult<Void> f = host.pager().freeList().free(in.p1);
        if (waits(f)) {
            return true;
        }
        destroying = null;
        wroteSomething = true;
        return false;
    }

    // ---------------------------------------------------------------- FunctionContext

    @Override
    public long changes() {
        return host.changes();
    }

    @Override
    public long totalChanges() {
        return host.totalChanges();
    }

    @Override
    public long lastInsertRowid() {
        return host.lastInsertRowid();
    }

    @Override
    public RandomSource random() {
        return host.io().random();
    }

    /** Whether the program is in the middle of its commit (for tests of resumption). */
    boolean committing() {
        return committing;
    }
}
