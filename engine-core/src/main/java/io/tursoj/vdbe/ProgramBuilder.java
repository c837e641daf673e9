package io.tursoj.vdbe;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Program}: allocates registers and cursors, emits instructions and resolves labels. A label is a
 * negative number handed out by {@link #newLabel()}; jumps may name it before {@link #resolve} fixes its address,
 * and {@link #build} patches every {@code p2} (and, for opcodes that jump through p3, nothing else) that names it.
 */
public final class ProgramBuilder {
    private final List<Insn> insns = new ArrayList<>();
    private final List<Integer> labelAddresses = new ArrayList<>();
    private final List<String> columnNames = new ArrayList<>();
    private final List<String> columnTypes = new ArrayList<>();
    private final List<String> parameterNames = new ArrayList<>();
    private final Map<String, Integer> parameterIndexes = new HashMap<>();
    private int registers;
    private int cursors;

    /** A fresh register (registers are numbered from 1, as in SQLite). */
    public int newRegister() {
        return ++registers;
    }

    /** {@code n} consecutive fresh registers; returns the first. */
    public int newRegisters(int n) {
        int first = registers + 1;
        registers += n;
        return first;
    }

    public int newCursor() {
        return cursors++;
    }

    public int newLabel() {
        labelAddresses.add(-1);
        return -labelAddresses.size();
    }

    /** Fixes {@code label} to the address of the next instruction emitted. */
    public void resolve(int label) {
        labelAddresses.set(-label - 1, insns.size());
    }

    public int currentAddress() {
        return insns.size();
    }

    public Insn emit(Opcode op, int p1, int p2, int p3, Object p4, int p5) {
        Insn insn = new Insn(op, p1, p2, p3, p4, p5);
        insns.add(insn);
        return insn;
    }

    public Insn emit(Opcode op, int p1, int p2, int p3) {
        return emit(op, p1, p2, p3, null, 0);
    }

    public Insn emit(Opcode op, int p1, int p2) {
        return emit(op, p1, p2, 0, null, 0);
    }

    public Insn emit(Opcode op) {
        return emit(op, 0, 0, 0, null, 0);
    }

    public Insn emitComment(Insn insn, String comment) {
        insn.comment = comment;
        return insn;
    }

    /** Replaces the P4 operand of an emitted instruction: for key descriptions known only after later code. */
    public void setP4(Insn insn, Object p4) {
        insn.p4 = p4;
    }

    public Insn insnAt(int address) {
        return insns.get(address);
    }

    public void addColumn(String name, String declaredType) {
        columnNames.add(name);
        columnTypes.add(declaredType);
    }

    /** Anonymous {@code ?} parameters numbered in textual order, by their offset in the SQL text. */
    private final Map<Integer, Integer> anonymousAt = new HashMap<>();

    /**
     * Numbers a parameter at {@code offset} of the SQL text before any expression is compiled, so that parameters
     * keep their textual numbers however often and in whatever order the code generator compiles them.
     */
    public void registerParameter(int offset, String name) {
        int i = parameter(name);
        if (name.equals("?")) {
            anonymousAt.put(offset, i);
        }
    }

    /** The index of the parameter at {@code offset} (registered), else {@link #parameter(String)}. */
    public int parameterAt(int offset, String name) {
        Integer known = anonymousAt.get(offset);
        if (known != null) {
            return known;
        }
        return parameter(name);
    }

    /**
     * The parameter index for {@code name} ({@code ?}, {@code ?NNN}, {@code :a}, {@code @a}, {@code $a}), numbered as
     * SQLite numbers them: {@code ?NNN} takes index NNN, a repeated name reuses its index, others take the next.
     */
    public int parameter(String name) {
        if (name == null || name.equals("?")) {
            parameterNames.add(null);
            return parameterNames.size();
        }
        if (name.startsWith("?")) {
            int n = Integer.parseInt(name.substring(1));
            while (parameterNames.size() < n) {
                parameterNames.add(null);
            }
            if (parameterNames.get(n - 1) == null) {
                parameterNames.set(n - 1, name);
                parameterIndexes.putIfAbsent(name, n);
            }
            return n;
        }
        Integer known = parameterIndexes.get(name);
        if (known != null) {
            return known;
        }
        parameterNames.add(name);
        parameterIndexes.put(name, parameterNames.size());
        return parameterNames.size();
    }

    public Program build(boolean explain, String sql) {
        for (Insn insn : insns) {
            if (insn.p2 < 0 && jumpsThroughP2(insn.opcode)) {
                insn.p2 = address(insn.p2);
            }
        }
        return new Program(
                List.copyOf(insns),
                registers + 1,
                cursors,
                List.copyOf(columnNames),
                new ArrayList<>(columnTypes),
                new ArrayList<>(parameterNames),
                Map.copyOf(parameterIndexes),
                explain,
                sql);
    }

    private int address(int label) {
        int a = labelAddresses.get(-label - 1);
        if (a < 0) {
            throw new IllegalStateException("label " + label + " was never resolved");
        }
        return a;
    }

    private static boolean jumpsThroughP2(Opcode op) {
        return switch (op) {
            case Integer, Int64, Real, String8, Blob, Null, Variable, Copy, SCopy, Move, Column, Rowid, ResultRow ->
                false;
            case Add, Subtract, Multiply, Divide, Remainder, Concat, BitAnd, BitOr, ShiftLeft, ShiftRight -> false;
            case Function,
                    AggStep,
                    AggFinal,
                    MakeRecord,
                    NewRowid,
                    Insert,
                    IdxInsert,
                    IdxDelete,
                    Affinity,
                    Cast,
                    RealAffinity -> false;
            case CreateBtree, SetCookie, OpenRead, OpenWrite, OpenEphemeral, OpenPseudo, SorterOpen, SorterData ->
                false;
            case Transaction, Not, BitNot, And, Or, IdxRowid, SorterInsert, Close, NullRow, Delete, IsTrue -> false;
            default -> true;
        };
    }
}
