package io.tursoj.translate;

import io.tursoj.translate.parser.ast.Select;
import io.tursoj.vdbe.Opcode;
import io.tursoj.vdbe.ProgramBuilder;

/**
 * The LIMIT and OFFSET counters of a select (0 when absent), evaluated once before its rows, and the code that
 * skips the first OFFSET rows and stops after LIMIT.
 */
record Limits(int limit, int offset) {
    static Limits of(SelectCompiler sc, Select select) {
        if (select.limit() == null) {
            return new Limits(0, 0);
        }
        ProgramBuilder b = sc.builder();
        int limit = sc.expressions().fresh(select.limit().limit());
        b.emit(Opcode.MustBeInt, limit, 0);
        int offset = 0;
        if (select.limit().offset() != null) {
            offset = sc.expressions().fresh(select.limit().offset());
            b.emit(Opcode.MustBeInt, offset, 0);
        }
        return new Limits(limit, offset);
    }

    /** Hands one row to {@code sink} unless OFFSET skips it; jumps to {@code end} once LIMIT rows went out. */
    void output(ProgramBuilder b, int start, int n, int end, RowSink sink) {
        int skip = b.newLabel();
        if (offset != 0) {
            b.emit(Opcode.IfPos, offset, skip, 1);
        }
        if (limit != 0) {
            b.emit(Opcode.IfNot, limit, end, 0);
        }
        sink.emit(start, n);
        if (limit != 0) {
            b.emit(Opcode.DecrJumpZero, limit, end);
        }
        b.resolve(skip);
    }
}
