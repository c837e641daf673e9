package io.tursoj.vdbe;

import java.util.List;
import java.util.Map;

/**
 * A compiled statement: its instructions, how many registers and cursors it needs, the names and declared types of
 * its result columns and the names of its bound parameters (index 1-based; null for an anonymous {@code ?}).
 * Immutable once built; many {@link Vdbe}s may run one program.
 */
public record Program(
        List<Insn> insns,
        int registerCount,
        int cursorCount,
        List<String> columnNames,
        List<String> columnDeclaredTypes,
        List<String> parameterNames,
        Map<String, Integer> parameterIndexes,
        boolean explain,
        String sql) {

    public int parameterCount() {
        return parameterNames.size();
    }
}
