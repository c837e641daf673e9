package io.tursoj.translate;

import io.tursoj.schema.Column;
import io.tursoj.vdbe.Opcode;
import io.tursoj.vdbe.ProgramBuilder;
import io.tursoj.vdbe.value.Affinity;

/** Reads a table's column from the covering index that stands in for the table (the table is never positioned). */
final class CoveringColumns {
    private CoveringColumns() {}

    static void load(ProgramBuilder b, Scope.IndexColumns idx, Scope.Resolved r, int target) {
        if (r.rowid()) {
            b.emit(Opcode.IdxRowid, idx.cursor(), target);
            return;
        }
        int pos = idx.columns().indexOf(r.column());
        if (pos < 0) {
            throw new IllegalStateException("column " + r.column() + " is not in the covering index");
        }
        b.emit(Opcode.Column, idx.cursor(), pos, target);
        Column c = r.definition();
        if (c.affinity() == Affinity.REAL) {
            b.emit(Opcode.RealAffinity, target, 0);
        }
    }
}
