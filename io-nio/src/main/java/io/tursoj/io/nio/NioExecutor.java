package io.tursoj.io.nio;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The fixed pool one {@link NioIO} owns: its channels' transfers and its sync/truncate tasks run here. The queue is
 * unbounded because {@link NioIO} never refuses a submission (callers bound their own in-flight work); the threads
 * bound how many blocking system calls run at once. A task that dies with an exception is reported, so the backend
 * can finish the operation it carried instead of leaving it pending forever.
 */
final class NioExecutor extends ThreadPoolExecutor {
    private final Consumer<Throwable> onTaskDied;

    NioExecutor(int threads, ThreadFactory factory, Consumer<Throwable> onTaskDied) {
        super(threads, threads, 0L, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), factory);
        this.onTaskDied = onTaskDied;
    }

    @Override
    protected void afterExecute(Runnable task, Throwable failure) {
        super.afterExecute(task, failure);
        if (failure != null) {
            onTaskDied.accept(failure);
        }
    }
}
