package io.tursoj.vdbe;

/**
 * One VDBE instruction. Mutable only while its program is being built ({@link ProgramBuilder} patches jump targets);
 * a finished {@link Program} never changes its instructions.
 */
public final class Insn {
    final Opcode opcode;
    int p1;
    int p2;
    int p3;
    Object p4;
    int p5;
    String comment;

    Insn(Opcode opcode, int p1, int p2, int p3, Object p4, int p5) {
        this.opcode = opcode;
        this.p1 = p1;
        this.p2 = p2;
        this.p3 = p3;
        this.p4 = p4;
        this.p5 = p5;
    }

    public Opcode opcode() {
        return opcode;
    }

    public int p1() {
        return p1;
    }

    public int p2() {
        return p2;
    }

    public int p3() {
        return p3;
    }

    public Object p4() {
        return p4;
    }

    public int p5() {
        return p5;
    }

    public String comment() {
        return comment == null ? "" : comment;
    }
}
