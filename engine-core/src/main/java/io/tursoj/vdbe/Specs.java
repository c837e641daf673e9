package io.tursoj.vdbe;

import io.tursoj.vdbe.value.Affinity;
import io.tursoj.vdbe.value.Collation;
import java.util.List;

/** The p4 operands of the VDBE's opcodes. */
public final class Specs {
    private Specs() {}

    /** Comparison p4: the affinity applied to both operands and the collation. */
    public record Comparison(Affinity affinity, Collation collation, String collationName) implements Explain.P4Text {
        @Override
        public String text() {
            return "(" + collationName + ")";
        }
    }

    /** Key description for index cursors, sorters and ephemeral tables. */
    public record Keys(List<Collation> collations, List<String> collationNames, boolean[] descending)
            implements Explain.P4Text {
        public int size() {
            return collations.size();
        }

        @Override
        public String text() {
            StringBuilder b = new StringBuilder("k(").append(size());
            for (int i = 0; i < size(); i++) {
                b.append(',').append(descending[i] ? "-" : "").append(collationNames.get(i));
            }
            return b.append(')').toString();
        }
    }

    /** A constraint message for Halt, with its extended code. */
    public record HaltError(int code, String message) implements Explain.P4Text {
        @Override
        public String text() {
            return message;
        }
    }

    /** Schema change at ParseSchema/DropSchema. */
    public record SchemaChange(String name) implements Explain.P4Text {
        @Override
        public String text() {
            return name;
        }
    }
}
