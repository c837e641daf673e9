package io.tursoj.io;

/**
 * Fan-in of several completions into one: the group's {@link #completion()} finishes when every member has
 * finished and the group is {@link #seal() sealed}. Its result is the first member error ({@code -errno}) or else
 * the sum of the members' byte counts (saturated at {@link Integer#MAX_VALUE}).
 *
 * <p>Members must join before they are submitted, because a synchronous backend may finish them inside the
 * submitting call. Members finish on the stepping thread, so the counters need no synchronisation.
 */
public final class CompletionGroup {
    private final Completion completion;
    private int outstanding;
    private long bytes;
    private int firstError;
    private boolean sealed;

    public CompletionGroup() {
        this(new Completion());
    }

    /** Uses {@code completion} (caller-owned, not in flight) as the group's completion. */
    public CompletionGroup(Completion completion) {
        this.completion = completion;
        completion.markSubmitted();
    }

    /** Adds {@code member} (not yet submitted) to the group and returns it, for {@code file.pread(.., g.add(c))}. */
    public Completion add(Completion member) {
        if (sealed) {
            throw new IllegalStateException("group already sealed");
        }
        member.joinGroup(this);
        outstanding++;
        return member;
    }

    /** No more members will join; the group completes once the outstanding ones have. Returns the completion. */
    public Completion seal() {
        if (sealed) {
            throw new IllegalStateException("group already sealed");
        }
        sealed = true;
        finishIfDone();
        return completion;
    }

    public Completion completion() {
        return completion;
    }

    public int outstanding() {
        return outstanding;
    }

    void onChildComplete(int res) {
        outstanding--;
        assert outstanding >= 0 : "more members finished than joined";
        if (res < 0) {
            if (firstError == 0) {
                firstError = res;
            }
        } else {
            bytes += res;
        }
        finishIfDone();
    }

    private void finishIfDone() {
        if (sealed && outstanding == 0 && !completion.isDone()) {
            completion.complete(firstError != 0 ? firstError : (int) Math.min(bytes, Integer.MAX_VALUE));
        }
    }
}
