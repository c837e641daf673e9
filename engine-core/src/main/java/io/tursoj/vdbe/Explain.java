package io.tursoj.vdbe;

import java.util.Locale;

/** Renders a program as SQLite's {@code EXPLAIN} does: addr, opcode, p1..p5 and a comment. */
public final class Explain {
    private Explain() {}

    public static String p4Text(Insn insn) {
        Object p4 = insn.p4;
        if (p4 == null) {
            return "";
        }
        return switch (p4) {
            case String s -> s;
            case P4Text t -> t.text();
            default -> p4.toString();
        };
    }

    /** The whole program as a table, one instruction a line. */
    public static String render(Program program) {
        StringBuilder b = new StringBuilder();
        b.append("addr  opcode         p1    p2    p3    p4             p5  comment\n");
        b.append("----  -------------  ----  ----  ----  -------------  --  -------------\n");
        for (int addr = 0; addr < program.insns().size(); addr++) {
            Insn i = program.insns().get(addr);
            b.append(String.format(
                            Locale.ROOT,
                            "%-4d  %-13s  %-4d  %-4d  %-4d  %-13s  %-2s  %s",
                            addr,
                            i.opcode.name(),
                            i.p1,
                            i.p2,
                            i.p3,
                            p4Text(i),
                            String.format(Locale.ROOT, "%02x", i.p5),
                            i.comment())
                    .stripTrailing());
            b.append('\n');
        }
        return b.toString();
    }

    /** A p4 operand that prints as a given text. */
    public interface P4Text {
        String text();
    }
}
