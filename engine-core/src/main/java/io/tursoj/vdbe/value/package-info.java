/**
 * SQL values as the VDBE sees them, with SQLite 3.50's semantics.
 *
 * <p>{@link io.tursoj.vdbe.value.Register} is the mutable register cell (type tag, primitive slots, reused byte
 * buffer); {@link io.tursoj.vdbe.value.Value} is the immutable snapshot for results and constants. Text is UTF-8
 * bytes throughout, converted to {@code String} only at the edges.
 *
 * <p>How the opcodes map onto this package:
 *
 * <ul>
 *   <li>{@code OP_Add}, {@code OP_Subtract}, {@code OP_Multiply}, {@code OP_Divide}, {@code OP_Remainder}:
 *       {@link io.tursoj.vdbe.value.Arithmetic#apply}; {@code OP_BitAnd}, {@code OP_BitOr}, {@code OP_ShiftLeft},
 *       {@code OP_ShiftRight}: {@link io.tursoj.vdbe.value.Arithmetic#bitwise}; {@code OP_BitNot}:
 *       {@link io.tursoj.vdbe.value.Arithmetic#bitNot}; {@code OP_Concat}: {@link io.tursoj.vdbe.value.Arithmetic#concat};
 *       unary minus (SQLite codes it as {@code 0 - x}): {@link io.tursoj.vdbe.value.Arithmetic#negate}.
 *   <li>{@code OP_Eq} … {@code OP_Ge} (with {@code SQLITE_NULLEQ} for IS / IS NOT):
 *       {@link io.tursoj.vdbe.value.Compare#evaluate}, the affinity coming from
 *       {@link io.tursoj.vdbe.value.Affinity#forComparison} of the two operand expressions and the collation from the
 *       COLLATE clause or the columns; {@code OP_Compare}, sorting and min/max: {@link io.tursoj.vdbe.value.Compare#compare}.
 *   <li>{@code OP_And}, {@code OP_Or}, {@code OP_Not}, {@code OP_IsTrue}, {@code OP_If}/{@code OP_IfNot}:
 *       {@link io.tursoj.vdbe.value.Logic}.
 *   <li>{@code OP_Affinity} and {@code OP_MakeRecord}'s affinity string: {@link io.tursoj.vdbe.value.Affinity#apply};
 *       {@code OP_RealAffinity}: {@link io.tursoj.vdbe.value.Affinity#realAffinity}; {@code OP_Cast}:
 *       {@link io.tursoj.vdbe.value.Cast#apply}.
 *   <li>LIKE / GLOB operators: {@link io.tursoj.vdbe.value.PatternMatch}; BETWEEN and IN lists:
 *       {@link io.tursoj.vdbe.value.Compare#between} and {@link io.tursoj.vdbe.value.Compare#in}.
 *   <li>Text of a REAL for results and the shell: {@link io.tursoj.vdbe.value.RealFormat}; numbers from text (also for
 *       SQL literals): {@link io.tursoj.vdbe.value.NumberText}.
 * </ul>
 *
 * <p>Errors are {@link io.tursoj.vdbe.value.EvaluationException} with SQLite's message and result code. Nothing here
 * allocates on the common paths (integer and real arithmetic, comparisons, affinity of numbers, storing text into a
 * register with a large enough buffer).
 */
package io.tursoj.vdbe.value;
