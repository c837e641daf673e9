package io.tursoj.io.sim;

import io.tursoj.io.Errno;

/**
 * Which faults a {@link SimIO} injects, and how often. Every decision is drawn from the run's seeded generator, so a
 * seed and a profile reproduce the same faults. Probabilities are per operation (bit flips: per read; crash
 * outcomes: per 512-byte sector of each write not yet covered by a completed sync).
 *
 * <p>{@link #NONE} injects nothing while the simulation runs. A {@link SimIO#crash() crash} is the one event it does
 * not switch off, since losing unsynced writes is what a crash means: under {@code NONE} each unsynced sector
 * survives with probability {@code crashKeepProbability} = 0.5 and no sector is torn.
 *
 * @param read read errors: probability and the errno the read fails with
 * @param write write errors (pwrite, pwritev); a failed write changes nothing
 * @param sync fsync/fdatasync errors; a failed sync makes nothing durable
 * @param truncate truncate errors; a failed truncate changes nothing
 * @param shortReadProbability a read returns fewer bytes than it could (at least one), only those bytes filled
 * @param shortWriteProbability a write stores only a prefix of its bytes (at least one) and returns that count
 * @param bitFlipProbability a successful read delivers one flipped bit (in the buffer; the stored data is intact)
 * @param crashKeepProbability at a crash, an unsynced sector reaches the disk whole
 * @param crashTornProbability at a crash, an unsynced sector reaches the disk torn: a prefix new, the rest old
 */
public record FaultProfile(
        ErrorRate read,
        ErrorRate write,
        ErrorRate sync,
        ErrorRate truncate,
        double shortReadProbability,
        double shortWriteProbability,
        double bitFlipProbability,
        double crashKeepProbability,
        double crashTornProbability) {

    /** How often one kind of operation fails, and with which errno. */
    public record ErrorRate(double probability, int errno) {
        public static final ErrorRate NEVER = new ErrorRate(0, Errno.EIO);

        public ErrorRate {
            checkProbability("error probability", probability);
            if (errno <= 0) {
                throw new IllegalArgumentException("errno must be positive: " + errno);
            }
        }

        @Override
        public String toString() {
            return probability + "/" + Errno.name(errno);
        }
    }

    /** No faults while running; a crash keeps each unsynced sector with probability 0.5 and tears none. */
    public static final FaultProfile NONE =
            new FaultProfile(ErrorRate.NEVER, ErrorRate.NEVER, ErrorRate.NEVER, ErrorRate.NEVER, 0, 0, 0, 0.5, 0);

    public FaultProfile {
        if (read == null || write == null || sync == null || truncate == null) {
            throw new NullPointerException("every operation kind needs an error rate");
        }
        checkProbability("shortReadProbability", shortReadProbability);
        checkProbability("shortWriteProbability", shortWriteProbability);
        checkProbability("bitFlipProbability", bitFlipProbability);
        checkProbability("crashKeepProbability", crashKeepProbability);
        checkProbability("crashTornProbability", crashTornProbability);
        if (crashKeepProbability + crashTornProbability > 1.0) {
            throw new IllegalArgumentException("crashKeepProbability + crashTornProbability must be <= 1");
        }
    }

    private static void checkProbability(String name, double p) {
        if (!(p >= 0.0 && p <= 1.0)) {
            throw new IllegalArgumentException(name + " must be in [0, 1]: " + p);
        }
    }

    public FaultProfile withReadErrors(double probability, int errno) {
        return new FaultProfile(
                new ErrorRate(probability, errno),
                write,
                sync,
                truncate,
                shortReadProbability,
                shortWriteProbability,
                bitFlipProbability,
                crashKeepProbability,
                crashTornProbability);
    }

    public FaultProfile withWriteErrors(double probability, int errno) {
        return new FaultProfile(
                read,
                new ErrorRate(probability, errno),
                sync,
                truncate,
                shortReadProbability,
                shortWriteProbability,
                bitFlipProbability,
                crashKeepProbability,
                crashTornProbability);
    }

    public FaultProfile withSyncErrors(double probability, int errno) {
        return new FaultProfile(
                read,
                write,
                new ErrorRate(probability, errno),
                truncate,
                shortReadProbability,
                shortWriteProbability,
                bitFlipProbability,
                crashKeepProbability,
                crashTornProbability);
    }

    public FaultProfile withTruncateErrors(double probability, int errno) {
        return new FaultProfile(
                read,
                write,
                sync,
                new ErrorRate(probability, errno),
                shortReadProbability,
                shortWriteProbability,
                bitFlipProbability,
                crashKeepProbability,
                crashTornProbability);
    }

    public FaultProfile withShortReads(double probability) {
        return new FaultProfile(
                read,
                write,
                sync,
                truncate,
                probability,
                shortWriteProbability,
                bitFlipProbability,
                crashKeepProbability,
                crashTornProbability);
    }

    public FaultProfile withShortWrites(double probability) {
        return new FaultProfile(
                read,
                write,
                sync,
                truncate,
                shortReadProbability,
                probability,
                bitFlipProbability,
                crashKeepProbability,
                crashTornProbability);
    }

    public FaultProfile withBitFlips(double probability) {
        return new FaultProfile(
                read,
                write,
                sync,
                truncate,
                shortReadProbability,
                shortWriteProbability,
                probability,
                crashKeepProbability,
                crashTornProbability);
    }

    /** At a crash, each unsynced sector is kept with {@code keep}, torn with {@code torn}, else dropped. */
    public FaultProfile withCrashOutcomes(double keep, double torn) {
        return new FaultProfile(
                read,
                write,
                sync,
                truncate,
                shortReadProbability,
                shortWriteProbability,
                bitFlipProbability,
                keep,
                torn);
    }

    /** A bit of everything, at rates an engine must survive: the simulator's default hostile profile. */
    public static FaultProfile hostile() {
        return NONE.withReadErrors(0.01, Errno.EIO)
                .withWriteErrors(0.01, Errno.ENOSPC)
                .withSyncErrors(0.01, Errno.EIO)
                .withTruncateErrors(0.01, Errno.EIO)
                .withShortReads(0.02)
                .withShortWrites(0.02)
                .withBitFlips(0.001)
                .withCrashOutcomes(0.45, 0.1);
    }

    @Override
    public String toString() {
        return "faults[read=" + read + " write=" + write + " sync=" + sync + " truncate=" + truncate + " shortRead="
                + shortReadProbability + " shortWrite=" + shortWriteProbability + " bitFlip=" + bitFlipProbability
                + " crashKeep=" + crashKeepProbability + " crashTorn=" + crashTornProbability + "]";
    }
}
