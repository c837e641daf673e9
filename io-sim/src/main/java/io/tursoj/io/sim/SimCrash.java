package io.tursoj.io.sim;

import java.util.List;

/**
 * What a power failure leaves on a {@link SimDisk}. For each file, in creation order, the durable image is replayed
 * with every change no completed sync covered (the unsynced mutations in completion order, then the operations still
 * in flight in submission order), and each 512-byte sector of each such write is, by a draw from the seed,
 * <em>kept</em> (it reached the platter), <em>dropped</em> (it did not) or <em>torn</em> (the power failed while it
 * was being written: a prefix of the new bytes, then the old ones). An unsynced truncate is kept or dropped whole.
 * The result becomes the file's durable and visible state.
 *
 * <p>Invariant: everything a completed sync covered survives unchanged, since the replay starts from the durable
 * image and only unsynced changes are drawn for.
 */
final class SimCrash {
    static final int SECTOR_BYTES = 512;

    static final int KEPT = 0;
    static final int DROPPED = 1;
    static final int TORN = 2;

    private final SimIO io;

    private SimCrash(SimIO io) {
        this.io = io;
    }

    /** Applies the crash to every file of {@code io}'s disk; {@code inFlight} is in submission order. */
    static void strike(SimIO io, List<SimOp> inFlight) {
        SimCrash crash = new SimCrash(io);
        synchronized (io.disk()) {
            for (SimDiskFile file : io.disk().files()) {
                SimImage image = file.durableCopy();
                for (Mutation m : file.unsynced()) {
                    crash.land(file, m, image);
                }
                for (SimOp op : inFlight) {
                    if (op.file.data == file && op.isMutation() && op.rejectedErrno == 0 && !op.cancelled) {
                        Mutation m = op.asCrashMutation();
                        if (m != null) {
                            crash.land(file, m, image);
                        }
                    }
                }
                file.recover(image);
            }
        }
    }

    private void land(SimDiskFile file, Mutation m, SimImage image) {
        switch (m) {
            case Mutation.Write w -> landWrite(file, w, image);
            case Mutation.Truncate t -> {
                boolean kept = io.chance(io.faults().crashKeepProbability());
                io.traceCrash(file.id, t.length(), -1, kept ? KEPT : DROPPED);
                if (kept) {
                    t.applyTo(image);
                }
            }
        }
    }

    private void landWrite(SimDiskFile file, Mutation.Write w, SimImage image) {
        FaultProfile faults = io.faults();
        long end = w.pos() + w.data().length;
        for (long sector = w.pos() & -SECTOR_BYTES; sector < end; sector += SECTOR_BYTES) {
            long from = Math.max(w.pos(), sector);
            int partBytes = (int) (Math.min(end, sector + SECTOR_BYTES) - from);
            int offset = (int) (from - w.pos());
            double r = io.uniform();
            int outcome;
            if (r < faults.crashTornProbability() && partBytes > 1) {
                int prefix = 1 + (int) io.draw(partBytes - 1);
                image.write(from, w.data(), offset, prefix);
                outcome = TORN;
            } else if (r < faults.crashTornProbability() + faults.crashKeepProbability()) {
                image.write(from, w.data(), offset, partBytes);
                outcome = KEPT;
            } else {
                outcome = DROPPED;
            }
            io.traceCrash(file.id, sector, partBytes, outcome);
        }
    }
}
